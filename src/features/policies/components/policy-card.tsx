import { Text, View } from '@tarojs/components'
import type { PolicySummary } from '@common/contract'
import { Tag } from '@/components/tag'
import { formatDate } from '@/utils/date'
import { closedLabel, closedTone, validityLabel, validityTone } from '@common/labels/policy-validity'
import './policy-card.scss'

export function PolicyCard({ policy, topicName, onOpen }: { policy: PolicySummary; topicName?: string; onOpen: (id: string) => void }) {
  return (
    <View className='policy-card' role='link' aria-label={policy.title} onClick={() => onOpen(policy.id)}>
      <Text className='policy-card__title'>{policy.title}</Text>
      <View className='policy-card__meta'>
        <Tag tone={validityTone[policy.validity]}>{validityLabel[policy.validity]}</Tag>
        {policy.closed ? <Tag tone={closedTone}>{closedLabel}</Tag> : null}
        {topicName ? <Tag tone='neutral'>{topicName}</Tag> : null}
        <Text className='policy-card__doc'>{policy.docNumber}</Text>
      </View>
      <Text className='policy-card__summary'>{policy.summary}</Text>
      <View className='policy-card__foot'>
        <Text>{policy.department}</Text>
        <Text>{formatDate(policy.publishedAt)}</Text>
      </View>
    </View>
  )
}
