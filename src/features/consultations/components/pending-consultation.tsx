import { Button, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { outbox, type OutboxEntry } from '@/api'
import type { ConsultationInput } from '@common/contract'
import { Tag } from '@/components/tag'
import { fromNow } from '@/utils/date'
import './consultation-card.scss'

/** the consultations of 待发送: asked without a network (or refused), kept by the outbox */
export const isPendingConsultation = (e: OutboxEntry): boolean => e.key === 'POST /consultations'

/** A consultation still on the device: 待发送 until the network is back (or 未能提交 with why), 删除 to drop it. */
export function PendingConsultation({ entry, topicName }: { entry: OutboxEntry; topicName?: string }) {
  const body = entry.body as Partial<ConsultationInput> | undefined
  const failed = entry.state === 'failed'
  return (
    <Card className='consultation consultation--pending'>
      <View role='article'>
        <View className='consultation__head'>
          <Tag tone={failed ? 'danger' : 'warning'}>{failed ? '未能提交' : '待发送'}</Tag>
          {topicName ? <Tag tone='neutral'>{topicName}</Tag> : null}
          <Text className='consultation__time'>{fromNow(new Date(entry.createdAt).toISOString())}</Text>
        </View>
        <Text className='consultation__question'>{body?.question ?? entry.label}</Text>
        <Text className='consultation__waiting'>{failed ? `未能提交：${entry.lastError ?? '请稍后重试'}` : '已保存在本机，联网后自动发送给主管部门'}</Text>
        <View className='consultation__pending-actions'>
          <Button role='button' className='consultation__pending-btn' onClick={() => void outbox.flush()}>
            立即重试
          </Button>
          <Button role='button' className='consultation__pending-btn' aria-label='删除这条待发送的咨询' onClick={() => outbox.remove(entry.id)}>
            删除
          </Button>
        </View>
      </View>
    </Card>
  )
}
