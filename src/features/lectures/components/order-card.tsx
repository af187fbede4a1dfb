import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { type LectureOrder, lectureFormatLabel, timeOfDayLabel } from '@common/contract'
import { Card } from '@/components/card'
import { fromNow } from '@/utils/date'
import { StatusTag } from './status-tag'
import './lectures.scss'

export interface OrderCardProps {
  order: LectureOrder
  onOpen?: () => void
  /** show the contact (dispatcher and lecturer lists) */
  showContact?: boolean
  children?: ReactNode
}

/** One order in a list: topic, status, where and when, and its age. */
export function OrderCard({ order, onOpen, showContact, children }: OrderCardProps) {
  return (
    <Card className='lec-card'>
      <View role='listitem' aria-label={order.topicTitle}>
        <View onClick={onOpen} role={onOpen ? 'link' : undefined}>
          <View className='lec-card__head'>
            <Text className='lec-card__title'>{order.topicTitle}</Text>
            <StatusTag status={order.status} />
          </View>
          <Text className='lec-card__meta'>
            {order.regionName} {order.placeName} · {lectureFormatLabel[order.format]}
          </Text>
          {order.schedule ? (
            <Text className='lec-card__meta'>
              排期：{order.schedule.date} {order.schedule.time} · {order.schedule.place}
            </Text>
          ) : (
            <Text className='lec-card__meta'>
              希望：{order.dateFrom} 至 {order.dateTo} {timeOfDayLabel[order.timeOfDay]} · 约{order.audienceSize}人
            </Text>
          )}
          {order.lecturerName ? <Text className='lec-card__meta'>宣讲员：{order.lecturerName}</Text> : null}
          {showContact ? (
            <Text className='lec-card__meta'>
              联系人：{order.contactName} {order.contactPhone}
            </Text>
          ) : null}
          <Text className='lec-card__meta'>
            {order.onBehalf ? `服务点代点单（${order.orderer.name}）· ` : ''}
            {fromNow(order.createdAt)}提交
          </Text>
        </View>
        {children}
      </View>
    </Card>
  )
}
