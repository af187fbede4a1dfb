import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api'
import type { Video } from '@common/contract'
import { formatCount, formatDuration } from '@/utils/format'
import './video-card.scss'

export function VideoCard({ video, onOpen }: { video: Video; onOpen: (id: string) => void }) {
  return (
    // named by what it shows (duration, title, plays): an aria-label of other words fails WCAG 2.5.3
    <View className='video-card' role='link' onClick={() => onOpen(video.id)}>
      <View className='video-card__poster-wrap'>
        <Image className='video-card__poster' src={mediaUrl(video.poster)} mode='aspectFill' lazyLoad aria-hidden />
        <Text className='video-card__duration'>
          <Text aria-hidden>▶ </Text>
          {formatDuration(video.durationSec)}
        </Text>
      </View>
      <Text className='video-card__title'>{video.title}</Text>
      <Text className='video-card__meta'>{formatCount(video.views)} 次播放</Text>
    </View>
  )
}
