import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { Consultation } from '@common/contract'
import { Tag } from '@/components/tag'
import { inShanghai } from '@common/shanghai-date'
import { fromNow } from '@/utils/date'
import { ReplyRating } from './reply-rating'
import './consultation-card.scss'

/** "用时 3小时" / "用时 2天" between asking and the reply. */
export function replyDelay(askedAt: string, repliedAt: string): string {
  const minutes = Math.max(1, dayjs(repliedAt).diff(dayjs(askedAt), 'minute'))
  if (minutes < 60) return `用时 ${minutes}分钟`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `用时 ${hours}小时`
  return `用时 ${Math.round(hours / 24)}天`
}

export function ConsultationCard({ item, topicName, highlighted }: { item: Consultation; topicName?: string; highlighted?: boolean }) {
  const answered = item.status === 'answered' && item.reply
  const [rating, setRating] = useState(item.rating)
  return (
    <Card className={`consultation ${highlighted ? 'consultation--highlighted' : ''}`}>
      <View role='article' id={`consultation-${item.id}`}>
        <View className='consultation__head'>
          <Tag tone={answered ? 'success' : 'warning'}>{answered ? '已回复' : '待回复'}</Tag>
          {topicName ? <Tag tone='neutral'>{topicName}</Tag> : null}
          <Text className='consultation__time'>{fromNow(item.createdAt)}</Text>
        </View>
        <Text className='consultation__question'>{item.question}</Text>
        {item.phoneMasked ? <Text className='consultation__phone'>联系电话 {item.phoneMasked}</Text> : null}
        {answered && item.reply ? (
          <View className='consultation__reply'>
            <Text className='consultation__reply-from'>答复部门：{item.reply.department}</Text>
            <Text className='consultation__reply-from'>
              答复时间：{inShanghai(item.reply.repliedAt).format('YYYY年M月D日 HH:mm')} · {replyDelay(item.createdAt, item.reply.repliedAt)}
            </Text>
            <Text className='consultation__reply-text'>{item.reply.text}</Text>
            <ReplyRating consultationId={item.id} rating={rating ?? item.rating} onRated={setRating} />
          </View>
        ) : (
          <Text className='consultation__waiting'>已转交主管部门，一般在3个工作日内答复</Text>
        )}
      </View>
    </Card>
  )
}
