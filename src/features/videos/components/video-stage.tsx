import { Video, View } from '@tarojs/components'
import type { Video as VideoItem } from '@common/contract'
import { mediaUrl } from '@/api'
import type { Cue } from '../webvtt'
import { CaptionOverlay } from './caption-overlay'
import './video-play.scss'

export const PLAYER_ID = 'zct-player'

/** The player of the play page, with the caption of the current time drawn over it. */
export function VideoStage(props: {
  video: VideoItem
  cues?: Cue[]
  showCaptions: boolean
  time: number
  autoplay: boolean
  onTime: (t: number) => void
  onPlay: () => void
}) {
  const { video: v, cues, showCaptions, time } = props
  return (
    <View className='video-play__frame'>
      <Video
        id={PLAYER_ID}
        className='video-play__video'
        src={mediaUrl(v.src)}
        poster={mediaUrl(v.poster)}
        controls
        autoplay={props.autoplay}
        objectFit='contain'
        title={v.title}
        onTimeUpdate={(e) => props.onTime(e.detail.currentTime)}
        onPlay={props.onPlay}
      />
      {showCaptions && cues ? <CaptionOverlay cues={cues} time={time} /> : null}
    </View>
  )
}
