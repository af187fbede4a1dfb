import { Text, Video, View } from '@tarojs/components'
import { api, mediaUrl, useRequest } from '@/api'
import { formatDuration } from '@/utils/format'
import './related-videos.scss'

/** 相关视频: the interpretation's short videos, playable in place. */
export function RelatedVideos({ ids }: { ids: string[] }) {
  const { data } = useRequest(() => Promise.all(ids.map((id) => api.call('GET /videos/:id', { params: { id } }))), [ids.join(',')])
  if (!ids.length || !data?.length) return null
  return (
    <View className='related-videos'>
      <View className='related-videos__title' role='heading' aria-level={2}>
        相关视频
      </View>
      {data.map((v) => (
        <View key={v.id} className='related-videos__item'>
          {/* Taro H5's Video fills its nearest positioned parent: this box gives it a size. */}
          <View className='related-videos__frame'>
            <Video
              className='related-videos__video'
              src={mediaUrl(v.src)}
              poster={mediaUrl(v.poster)}
              controls
              objectFit='contain'
              title={v.title}
              id={`video-${v.id}`}
            />
          </View>
          <Text className='related-videos__name'>
            {v.title}（{formatDuration(v.durationSec)}）
          </Text>
        </View>
      ))}
    </View>
  )
}
