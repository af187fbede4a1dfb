import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api'
import type { InterpretationSummary } from '@common/contract'
import { Tag } from '@/components/tag'
import { formatDate } from '@/utils/date'
import { kindLabel, kindTone } from '@common/labels/interpretation-kinds'
import './interpretation-card.scss'

export function InterpretationCard({
  item,
  onOpen,
  compact,
}: {
  item: InterpretationSummary
  onOpen: (item: InterpretationSummary) => void
  compact?: boolean
}) {
  return (
    <View className={`interp-card ${compact ? 'interp-card--compact' : ''}`} role='link' onClick={() => onOpen(item)}>
      <Image className='interp-card__cover' src={mediaUrl(item.cover)} mode='aspectFill' lazyLoad aria-hidden />
      <View className='interp-card__body'>
        <Text className='interp-card__title'>{item.title}</Text>
        {compact ? null : <Text className='interp-card__summary'>{item.summary}</Text>}
        <View className='interp-card__meta'>
          <Tag tone={kindTone[item.kind]}>{kindLabel[item.kind]}</Tag>
          <Text className='interp-card__date'>{formatDate(item.publishedAt)}</Text>
        </View>
      </View>
    </View>
  )
}
