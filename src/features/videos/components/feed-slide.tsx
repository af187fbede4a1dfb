import type { MutableRefObject, ReactNode } from 'react'
import { Button, Image, Text, Video, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Video as VideoItem } from '@common/contract'
import { mediaUrl } from '@/api'
import { formatCount, formatDuration } from '@/utils/format'
import { routes } from '@/utils/routes'
import { recordView } from '../api/get-video'
import { playerId } from '../hooks/use-video-feed'
import type { Cue } from '../webvtt'
import { CaptionOverlay } from './caption-overlay'
import { LikeButton } from './like-button'

const isH5 = process.env.TARO_ENV === 'h5'

export interface FeedSlideProps {
  video: VideoItem
  /** its place in the feed, and the feed's */
  i: number
  index: number
  count: number
  total: number
  mounted: boolean
  autoplay: boolean
  muted: boolean
  onToggleMute: () => void
  cues?: Cue[]
  time: number
  onTime: (t: number) => void
  playing: MutableRefObject<boolean>
  counted: MutableRefObject<Set<string>>
  onGo: (next: number) => void
  /** the page's own buttons among the card's actions (收藏) */
  actions?: ReactNode
}

/** One card of 刷视频: the picture on top, captions, title and actions below it. */
export function FeedSlide(p: FeedSlideProps) {
  const { video: v, i, index } = p
  const isCurrent = i === index
  return (
    <View className='feed__stage' data-index={i}>
      {/* the picture on top, everything else below it: at 特大 the panel grows and the picture
          shrinks (contain), so neither the captions nor the buttons cover the play button */}
      <FeedScreen {...p} />
      <View className='feed__panel'>
        <View className='feed__captions'>{isCurrent && p.cues ? <CaptionOverlay cues={p.cues} time={p.time} /> : null}</View>
        <View className='feed__info'>
          <Text className='feed__title'>{v.title}</Text>
          <Text className='feed__meta'>
            {formatDuration(v.durationSec)} · {formatCount(v.views)} 次播放 · 第 {i + 1}/{p.total} 条
          </Text>
          <View className='feed__actions'>
            {isCurrent ? <LikeButton videoId={v.id} likes={v.likes} title={v.title} className='feed__btn' onClassName='feed__btn--on' /> : null}
            {isCurrent ? p.actions : null}
            {isH5 ? (
              <Button role='button' className='feed__btn' onClick={p.onToggleMute}>
                {p.muted ? '打开声音' : '静音'}
              </Button>
            ) : null}
            <Button role='button' className='feed__btn' onClick={() => Taro.navigateTo({ url: routes.videoPlay(v.id) })}>
              字幕·倍速·文字稿
            </Button>
            {v.interpretationId ? (
              <Button role='button' className='feed__btn' onClick={() => Taro.navigateTo({ url: routes.interpretationDetail(v.interpretationId as string) })}>
                看图文解读
              </Button>
            ) : null}
          </View>
          {/* swiping is not the only way: 上一个 / 下一个 as buttons too */}
          <View className='feed__nav'>
            <Button role='button' className='feed__btn feed__nav-btn' disabled={i === 0 || undefined} aria-label='上一个视频' onClick={() => p.onGo(i - 1)}>
              ↑ 上一个
            </Button>
            <Button
              role='button'
              className='feed__btn feed__nav-btn'
              disabled={i >= p.count - 1 || undefined}
              aria-label='下一个视频'
              onClick={() => p.onGo(i + 1)}
            >
              下一个 ↓
            </Button>
          </View>
        </View>
      </View>
    </View>
  )
}

/** the poster, and the player when the slide is near the current one */
function FeedScreen(p: FeedSlideProps) {
  const { video: v } = p
  const isCurrent = p.i === p.index
  return (
    <View className='feed__screen'>
      {/* the poster under the player: its picture shows until the first frame (a player without
          controls shows no poster of its own, on H5 and on weapp) */}
      <Image className='feed__poster' src={mediaUrl(v.poster)} mode='aspectFit' nativeProps={{ alt: v.title }} />
      {p.mounted ? (
        <Video
          id={playerId(v)}
          className='feed__video'
          src={mediaUrl(v.src)}
          poster={mediaUrl(v.poster)}
          muted={p.muted}
          loop
          autoplay={p.autoplay}
          controls={false}
          showCenterPlayBtn
          objectFit='contain'
          onPlay={() => {
            p.playing.current = true
            if (!p.counted.current.has(v.id)) {
              p.counted.current.add(v.id)
              recordView(v.id).catch(() => undefined)
            }
          }}
          onPause={() => {
            if (isCurrent) p.playing.current = false
          }}
          onTimeUpdate={(e) => isCurrent && p.onTime(e.detail.currentTime)}
        />
      ) : null}
    </View>
  )
}
