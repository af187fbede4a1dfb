import { RelatedVideos } from './related-videos'
import type { RelatedVideosProps } from './related-videos-later'

/** weapp: 相关视频 as it is (H5 loads it later, related-videos-later.h5.tsx) */
export function RelatedVideosLater(props: RelatedVideosProps) {
  return <RelatedVideos {...props} />
}
