import { useRef, useState } from 'react'
import { Swiper, SwiperItem } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { FavouriteButton } from '@/features/favourites/components/favourite-button'
import { FeedSlide } from '@/features/videos/components/feed-slide'
import { mountedIndices } from '@/features/videos/feed'
import { useVideoFeed } from '@/features/videos/hooks/use-video-feed'
import { routes } from '@/utils/routes'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'
/** items further than this from the current one render as an empty slide (a light DOM for long feeds) */
const RENDER_RADIUS = 2

/** 刷视频: a vertical full-screen swipe through the short videos, one playing at a time. */
export default function VideoFeedPage() {
  const { id: startId, topic } = useRouter().params
  const feed = useVideoFeed(startId, topic)
  const { list, videos, index, current } = feed
  // browsers only autoplay muted; the mini-program may play with sound
  const [muted, setMuted] = useState(isH5)
  const counted = useRef(new Set<string>())

  useShareAppMessage(() => ({ title: current?.title ?? '政策短视频', path: routes.videoFeed(current?.id ?? '') }))

  if (!videos.length && list.loading) return <Skeleton rows={2} />
  if (!videos.length && list.error) return <ErrorState message={list.error.message} onRetry={list.refresh} />

  const mounted = new Set(mountedIndices(index, videos.length))
  return (
    <ThemePage className='feed'>
      <Swiper className='feed__swiper' vertical current={index} onChange={(e) => feed.go(e.detail.current)}>
        {videos.map((v, i) => (
          <SwiperItem key={v.id} className='feed__item'>
            {Math.abs(i - index) > RENDER_RADIUS ? null : (
              <FeedSlide
                video={v}
                i={i}
                index={index}
                count={videos.length}
                total={list.total}
                mounted={mounted.has(i)}
                autoplay={i === index && feed.started && !feed.saveData}
                muted={muted}
                onToggleMute={() => setMuted((m) => !m)}
                cues={feed.captions}
                time={feed.time}
                onTime={feed.setTime}
                playing={feed.playing}
                counted={counted}
                onGo={feed.go}
                actions={<FavouriteButton kind='video' id={v.id} className='feed__btn' onClassName='feed__btn--on' />}
              />
            )}
          </SwiperItem>
        ))}
      </Swiper>
    </ThemePage>
  )
}
