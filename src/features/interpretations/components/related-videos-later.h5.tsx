import { lazy, Suspense } from 'react'
import type { RelatedVideosProps } from './related-videos-later'

/**
 * H5: 相关视频 in a chunk of its own with Taro's Video (~12 KB gzipped), fetched when the list is
 * drawn, below the article, instead of with the page's first chunks that every visitor from a link
 * waits for before the page answers taps.
 */
const Lazy = lazy(() => import(/* webpackChunkName: "related-videos" */ './related-videos').then((m) => ({ default: m.RelatedVideos })))

export function RelatedVideosLater(props: RelatedVideosProps) {
  return (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  )
}
