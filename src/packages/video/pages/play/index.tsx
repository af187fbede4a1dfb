import { useRef, useState } from 'react'
import { Button, Text, Video, View } from '@tarojs/components'
import Taro, { useDidHide, useRouter, useShareAppMessage } from '@tarojs/taro'
import { mediaUrl, useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getCaptions, getVideo, recordView } from '@/features/videos/api/get-video'
import { useSaveData } from '@/features/settings/data-saver'
import { CaptionOverlay } from '@/features/videos/components/caption-overlay'
import { LikeButton } from '@/features/videos/components/like-button'
import { transcript } from '@/features/videos/webvtt'
import { controlVideo } from '@/features/videos/video-control'
import { formatCount, formatDuration } from '@/utils/format'
import { ShareButton } from '@/components/share-button'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

const RATES = [0.75, 1, 1.25, 1.5]
const PLAYER_ID = 'zct-player'

/** One short video with captions drawn over it, playback speed, transcript and its interpretation. */
export default function VideoPlayPage() {
  const id = useRouter().params.id ?? ''
  const video = useRequest(() => getVideo(id), [id])
  const captions = useRequest(async () => (video.data ? getCaptions(video.data.captions) : []), [video.data?.captions])
  const [time, setTime] = useState(0)
  const [rate, setRate] = useState(1)
  const [showCaptions, setShowCaptions] = useState(true)
  const saveData = useSaveData()
  const [showTranscript, setShowTranscript] = useState<boolean>()
  const transcriptOpen = showTranscript ?? saveData
  const [views, setViews] = useState<number>()
  const viewed = useRef(false)

  useDidHide(() => controlVideo(PLAYER_ID, 'pause'))
  useShareAppMessage(() => ({ title: video.data?.title ?? '政策短视频', path: routes.videoPlay(id) }))

  if (video.loading && !video.data) return <Skeleton rows={2} />
  if (video.error || !video.data) return <ErrorState message={video.error?.message ?? '视频不存在或已下线'} onRetry={video.reload} />
  const v = video.data

  const onPlay = () => {
    if (viewed.current) return
    viewed.current = true
    recordView(id)
      .then((r) => setViews(r.views))
      .catch(() => undefined) // a lost view count is not worth bothering the viewer
  }

  const changeRate = (r: number) => {
    setRate(r)
    // (null on H5 while the player is not on the page)
    ;(Taro.createVideoContext(PLAYER_ID) as Taro.VideoContext | null)?.playbackRate(r)
  }

  return (
    <ThemePage className='video-play'>
      <View className='video-play__frame'>
        <Video
          id={PLAYER_ID}
          className='video-play__video'
          src={mediaUrl(v.src)}
          poster={mediaUrl(v.poster)}
          controls
          autoplay={!saveData}
          objectFit='contain'
          title={v.title}
          onTimeUpdate={(e) => setTime(e.detail.currentTime)}
          onPlay={onPlay}
        />
        {showCaptions && captions.data ? <CaptionOverlay cues={captions.data} time={time} /> : null}
      </View>
      <View className='video-play__info'>
        <Text className='video-play__title'>{v.title}</Text>
        <Text className='video-play__meta'>
          {formatCount(views ?? v.views)} 次播放 · {formatDuration(v.durationSec)}
        </Text>
        <View className='video-play__controls' role='group' aria-label='倍速'>
          {RATES.map((r) => (
            <Button
              key={r}
              role='button'
              className={`video-play__chip ${rate === r ? 'video-play__chip--on' : ''}`}
              aria-pressed={rate === r}
              onClick={() => changeRate(r)}
            >
              {r}×
            </Button>
          ))}
        </View>
        <View className='video-play__controls'>
          <LikeButton videoId={v.id} likes={v.likes} title={v.title} className='video-play__chip' onClassName='video-play__chip--on' />
          <Button role='button' className='video-play__chip' aria-pressed={showCaptions} onClick={() => setShowCaptions((s) => !s)}>
            {showCaptions ? '关闭字幕' : '打开字幕'}
          </Button>
          <Button role='button' className='video-play__chip' aria-pressed={transcriptOpen} onClick={() => setShowTranscript(!transcriptOpen)}>
            {transcriptOpen ? '收起文字稿' : '看文字稿'}
          </Button>
        </View>
        {saveData ? (
          <Text className='video-play__saver' role='status'>
            省流量模式：视频不会自动播放，可先看文字稿
          </Text>
        ) : null}
        {transcriptOpen && captions.data ? <Text className='video-play__transcript'>{transcript(captions.data)}</Text> : null}
        {captions.error ? <Text className='video-play__meta'>字幕加载失败：{captions.error.message}</Text> : null}
        {v.interpretationId ? (
          <View className='video-play__link' role='link' onClick={() => Taro.navigateTo({ url: routes.interpretationDetail(v.interpretationId as string) })}>
            <Text>看图文解读</Text>
            <Text aria-hidden>›</Text>
          </View>
        ) : null}
        <View className='video-play__share'>
          <ShareButton title={v.title} path={routes.videoPlay(id)} />
        </View>
      </View>
    </ThemePage>
  )
}
