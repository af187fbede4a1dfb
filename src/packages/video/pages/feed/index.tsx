import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Image, Swiper, SwiperItem, Text, Video, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { mediaUrl, usePagedList, useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { Video as VideoItem } from '@common/contract'
import { useSaveData } from '@/features/settings/data-saver'
import { getCaptions, recordView } from '@/features/videos/api/get-video'
import { getVideos } from '@/features/videos/api/get-videos'
import { CaptionOverlay } from '@/features/videos/components/caption-overlay'
import { LikeButton } from '@/features/videos/components/like-button'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { type FeedAction, mountedIndices, onSlideChange, onVisibility } from '@/features/videos/feed'
import { controlVideo } from '@/features/videos/video-control'
import { formatCount, formatDuration } from '@/utils/format'
import { routes } from '@/utils/routes'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'
const playerId = (v: VideoItem) => `feed-${v.id}`
/** load the next page when the user is this close to the end of what is loaded */
const FEED_PREFETCH = 3
const START_SEARCH_PAGES = 10
/** items further than this from the current one render as an empty slide (a light DOM for long feeds) */
const RENDER_RADIUS = 2

/** 刷视频: a vertical full-screen swipe through the short videos, one playing at a time. */
export default function VideoFeedPage() {
  const { id: startId, topic } = useRouter().params
  // pages of 10 as the user swipes (FEED_PREFETCH before the end), so a feed of thousands stays light
  const list = usePagedList((page) => getVideos({ topic, page, pageSize: 10 }), [topic])
  const videos = list.items
  const total = list.total
  const [index, setIndex] = useState(0)
  const [time, setTime] = useState(0)
  // browsers only autoplay muted; the mini-program may play with sound
  const [muted, setMuted] = useState(isH5)
  const saveData = useSaveData()
  const playing = useRef(false)
  const counted = useRef(new Set<string>())
  const current = videos[index]
  const captions = useRequest(async () => (current ? getCaptions(current.captions) : []), [current?.captions])

  const { hasMore, loading: listLoading, loadMore } = list

  // a player that is not mounted is skipped (controlVideo); the current one also carries
  // `autoplay`, so a player mounted by the jump to the tapped card starts once it has loaded
  const apply = useCallback(
    (actions: FeedAction[]) =>
      actions.forEach(({ action, index: i }) => {
        const v = videos[i]
        if (v) controlVideo(playerId(v), action)
      }),
    [videos],
  )

  // start where the user tapped: page on until that video is loaded (it was on a list page the
  // user scrolled to), at most START_SEARCH_PAGES pages, else from the top
  const [started, setStarted] = useState(false)
  useEffect(() => {
    if (started || !videos.length) return
    const found = videos.findIndex((v) => v.id === startId)
    if (found < 0 && startId && hasMore && videos.length < START_SEARCH_PAGES * 10) {
      if (!listLoading) void loadMore()
      return
    }
    setIndex(Math.max(0, found))
    setStarted(true)
  }, [started, videos, startId, hasMore, listLoading, loadMore])

  // the tapped card plays once its player is on the page (after the render that mounts it)
  useEffect(() => {
    if (started && !saveData) apply([{ action: 'play', index }])
    // only when the feed starts: later changes of card play through onChange
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [started])

  // the next page before the user reaches the end (loadMore does nothing while a page is loading)
  useEffect(() => {
    if (started && !listLoading && index >= videos.length - FEED_PREFETCH && hasMore) void loadMore()
  }, [started, index, videos.length, listLoading, hasMore, loadMore])

  useDidHide(() => apply(onVisibility(index, false, playing.current)))
  useDidShow(() => apply(onVisibility(index, true, playing.current)))
  useShareAppMessage(() => ({ title: current?.title ?? '政策短视频', path: routes.videoFeed(current?.id ?? '') }))

  if (!videos.length && list.loading) return <Skeleton rows={2} />
  if (!videos.length && list.error) return <ErrorState message={list.error.message} onRetry={list.refresh} />

  const mounted = new Set(mountedIndices(index, videos.length))
  const onChange = (next: number) => {
    apply(onSlideChange(index, next, { visible: true, autoplay: !saveData }))
    setTime(0)
    setIndex(next)
  }

  return (
    <ThemePage className='feed'>
      <Swiper className='feed__swiper' vertical current={index} onChange={(e) => onChange(e.detail.current)}>
        {videos.map((v, i) => (
          <SwiperItem key={v.id} className='feed__item'>
            {Math.abs(i - index) > RENDER_RADIUS ? null : (
              <View className='feed__stage' data-index={i}>
                {/* the picture on top, everything else below it: at 特大 the panel grows and the picture
                    shrinks (contain), so neither the captions nor the buttons cover the play button */}
                <View className='feed__screen'>
                  {/* the poster under the player: its picture shows until the first frame (a player without
                      controls shows no poster of its own, on H5 and on weapp) */}
                  <Image className='feed__poster' src={mediaUrl(v.poster)} mode='aspectFit' nativeProps={{ alt: v.title }} />
                  {mounted.has(i) ? (
                    <Video
                      id={playerId(v)}
                      className='feed__video'
                      src={mediaUrl(v.src)}
                      poster={mediaUrl(v.poster)}
                      muted={muted}
                      loop
                      autoplay={i === index && started && !saveData}
                      controls={false}
                      showCenterPlayBtn
                      objectFit='contain'
                      onPlay={() => {
                        playing.current = true
                        if (!counted.current.has(v.id)) {
                          counted.current.add(v.id)
                          recordView(v.id).catch(() => undefined)
                        }
                      }}
                      onPause={() => {
                        if (i === index) playing.current = false
                      }}
                      onTimeUpdate={(e) => i === index && setTime(e.detail.currentTime)}
                    />
                  ) : null}
                </View>
                <View className='feed__panel'>
                  <View className='feed__captions'>{i === index && captions.data ? <CaptionOverlay cues={captions.data} time={time} /> : null}</View>
                  <View className='feed__info'>
                    <Text className='feed__title'>{v.title}</Text>
                    <Text className='feed__meta'>
                      {formatDuration(v.durationSec)} · {formatCount(v.views)} 次播放 · 第 {i + 1}/{total} 条
                    </Text>
                    <View className='feed__actions'>
                      {i === index ? <LikeButton videoId={v.id} likes={v.likes} title={v.title} className='feed__btn' onClassName='feed__btn--on' /> : null}
                      {isH5 ? (
                        <Button role='button' className='feed__btn' onClick={() => setMuted((m) => !m)}>
                          {muted ? '打开声音' : '静音'}
                        </Button>
                      ) : null}
                      <Button role='button' className='feed__btn' onClick={() => Taro.navigateTo({ url: routes.videoPlay(v.id) })}>
                        字幕·倍速·文字稿
                      </Button>
                      {v.interpretationId ? (
                        <Button
                          role='button'
                          className='feed__btn'
                          onClick={() => Taro.navigateTo({ url: routes.interpretationDetail(v.interpretationId as string) })}
                        >
                          看图文解读
                        </Button>
                      ) : null}
                    </View>
                    {/* swiping is not the only way: 上一个 / 下一个 as buttons too */}
                    <View className='feed__nav'>
                      <Button
                        role='button'
                        className='feed__btn feed__nav-btn'
                        disabled={i === 0 || undefined}
                        aria-label='上一个视频'
                        onClick={() => onChange(i - 1)}
                      >
                        ↑ 上一个
                      </Button>
                      <Button
                        role='button'
                        className='feed__btn feed__nav-btn'
                        disabled={i >= videos.length - 1 || undefined}
                        aria-label='下一个视频'
                        onClick={() => onChange(i + 1)}
                      >
                        下一个 ↓
                      </Button>
                    </View>
                  </View>
                </View>
              </View>
            )}
          </SwiperItem>
        ))}
      </Swiper>
    </ThemePage>
  )
}
