import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { Video as VideoItem } from '@common/contract'
import { usePagedList, useRequest } from '@/api'
import { useSaveData } from '@/features/settings/data-saver'
import { getCaptions } from '../api/get-video'
import { getVideos } from '../api/get-videos'
import { type FeedAction, onSlideChange, onVisibility } from '../feed'
import { controlVideo } from '../video-control'

export const playerId = (v: VideoItem) => `feed-${v.id}`
/** load the next page when the user is this close to the end of what is loaded */
const FEED_PREFETCH = 3
const START_SEARCH_PAGES = 10

/**
 * 刷视频's state: the pages of videos (10 at a time, FEED_PREFETCH before the end, so a feed of
 * thousands stays light), which one is current, starting at the tapped one, and one player at a
 * time playing (paused when the page hides, resumed when it shows).
 */
export function useVideoFeed(startId: string | undefined, topic: string | undefined) {
  const list = usePagedList((page) => getVideos({ topic, page, pageSize: 10 }), [topic])
  const videos = list.items
  const [index, setIndex] = useState(0)
  const [time, setTime] = useState(0)
  const saveData = useSaveData()
  const playing = useRef(false)
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

  const go = (next: number) => {
    apply(onSlideChange(index, next, { visible: true, autoplay: !saveData }))
    setTime(0)
    setIndex(next)
  }
  return { list, videos, index, current, started, saveData, time, setTime, captions: captions.data, playing, go }
}
