import { useRef, useState } from 'react'
import { useDidHide, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { FavouriteButton } from '@/features/favourites/components/favourite-button'
import { useSaveData } from '@/features/settings/data-saver'
import { embeddedVideo, getCaptions, getVideo, recordView } from '@/features/videos/api/get-video'
import { VideoPlayInfo } from '@/features/videos/components/video-play-info'
import { PLAYER_ID, VideoStage } from '@/features/videos/components/video-stage'
import { controlVideo } from '@/features/videos/video-control'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'

/** One short video with captions drawn over it, playback speed, transcript, its interpretation and its policy. */
export default function VideoPlayPage() {
  const id = useRouter().params.id ?? ''
  // H5: the answer the server-drawn first screen came with is drawn by the first render
  const video = useRequest(() => getVideo(id), [id], { initial: () => embeddedVideo(id) })
  const captions = useRequest(async () => (video.data ? getCaptions(video.data.captions) : []), [video.data?.captions])
  const [time, setTime] = useState(0)
  const [showCaptions, setShowCaptions] = useState(true)
  const saveData = useSaveData()
  const [views, setViews] = useState<number>()
  const viewed = useRef(false)

  useDidHide(() => controlVideo(PLAYER_ID, 'pause'))
  useShareAppMessage(() => ({ title: video.data?.title ?? '政策短视频', path: routes.videoPlay(id) }))
  // H5: the first screen the server drew goes once the page shows its own (or its error)
  useDismissFirstScreen(Boolean(video.data || video.error))

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

  return (
    <ThemePage className='video-play'>
      <VideoStage video={v} cues={captions.data} showCaptions={showCaptions} time={time} autoplay={!saveData} onTime={setTime} onPlay={onPlay} />
      <VideoPlayInfo
        video={v}
        views={views}
        cues={captions.data}
        captionsError={captions.error?.message}
        showCaptions={showCaptions}
        onToggleCaptions={() => setShowCaptions((s) => !s)}
        saveData={saveData}
        actions={<FavouriteButton kind='video' id={v.id} />}
      />
    </ThemePage>
  )
}
