import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api'
import { Card } from '@/components/card'
import { type LectureOrder, type LectureTopic, lectureFormatLabel, timeOfDayLabel } from '@common/contract'
import { stars } from '../labels'
import { OrderActions } from './order-actions'
import { OrderTimeline } from './order-timeline'
import { StatusTag } from './status-tag'
import './lectures.scss'

/** the order itself: topic and status, where, when, who, and the steps the viewer may take */
export function OrderSummary(props: { order: LectureOrder; lecturers: LectureTopic['lecturers']; signedIn: number; onChanged: (next: LectureOrder) => void }) {
  const { order } = props
  return (
    <Card className='lec-card lec-first'>
      <View className='lec-card__head'>
        <Text className='lec-card__title'>{order.topicTitle}</Text>
        <StatusTag status={order.status} />
      </View>
      <Text className='lec-card__meta'>
        {order.regionName} · {order.placeName} · {lectureFormatLabel[order.format]}
      </Text>
      <Text className='lec-card__meta'>
        希望时间：{order.dateFrom} 至 {order.dateTo} {timeOfDayLabel[order.timeOfDay]} · 约{order.audienceSize}人
      </Text>
      <Text className='lec-card__meta'>
        联系人：{order.contactName} {order.contactPhone}
      </Text>
      {order.onBehalf ? <Text className='lec-card__meta'>便民服务点代点单：{order.orderer.name}</Text> : null}
      {order.notes ? <Text className='lec-card__meta'>备注：{order.notes}</Text> : null}
      {order.lecturerName ? <Text className='lec-card__meta'>宣讲员：{order.lecturerName}</Text> : null}
      {order.schedule ? (
        <Text className='lec-card__summary'>
          排期：{order.schedule.date} {order.schedule.time} · {order.schedule.place}
        </Text>
      ) : null}
      <OrderActions order={order} lecturers={props.lecturers} signedIn={props.signedIn} onChanged={props.onChanged} />
    </Card>
  )
}

/** 完成报告: attendance, the summary and the photos */
export function OrderReport({ report }: { report: NonNullable<LectureOrder['report']> }) {
  return (
    <Card className='lec-card'>
      <Text className='lec-card__title'>完成报告</Text>
      <Text className='lec-card__meta'>
        到场 {report.attendance} 人（现场签到 {report.signedIn} 人）
      </Text>
      <Text className='lec-card__summary'>{report.summary}</Text>
      <View className='lec-card__tags'>
        {report.photos.map((p) => (
          <Image key={p} src={mediaUrl(p)} mode='aspectFill' style={{ width: '96px', height: '72px', borderRadius: '6px' }} aria-label='现场照片' />
        ))}
      </View>
    </Card>
  )
}

/** 我的评价 */
export function OrderRating({ rating }: { rating: NonNullable<LectureOrder['rating']> }) {
  return (
    <Card className='lec-card'>
      <Text className='lec-card__title'>我的评价</Text>
      <Text className='lec-rating' style={{ display: 'block' }} aria-label={`${rating.stars}星`}>
        {stars(rating.stars)}
      </Text>
      {rating.comment ? <Text className='lec-card__summary'>{rating.comment}</Text> : null}
    </Card>
  )
}

/** 办理进度 */
export function OrderProgress({ order }: { order: LectureOrder }) {
  return (
    <Card className='lec-card'>
      <Text className='lec-card__title'>办理进度</Text>
      <OrderTimeline events={order.timeline} />
    </Card>
  )
}
