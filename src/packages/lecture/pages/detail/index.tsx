import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { mediaUrl, useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { type LectureOrder, lectureFormatLabel, timeOfDayLabel } from '@common/contract'
import { getLectureOrder, getLectureTopic, getSignInCode } from '@/features/lectures/api/lectures'
import { stars } from '@/features/lectures/labels'
import { LoginNeeded } from '@/components/login-needed'
import { OrderActions } from '@/features/lectures/components/order-actions'
import { OrderTimeline } from '@/features/lectures/components/order-timeline'
import { SignInCodePanel } from '@/features/lectures/components/sign-in-code'
import { StatusTag } from '@/features/lectures/components/status-tag'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

async function loadDetail(id: string) {
  const order = await getLectureOrder(id)
  const [topic, code] = await Promise.all([
    order.actions.includes('dispatch') ? getLectureTopic(order.topicId) : Promise.resolve(undefined),
    order.status === 'scheduled' && order.actions.includes('complete') ? getSignInCode(id).catch(() => undefined) : Promise.resolve(undefined),
  ])
  return { order, lecturers: topic?.lecturers ?? [], code }
}

export default function LectureDetailPage() {
  const id = useRouter().params.id ?? ''
  const token = useSessionStore((s) => s.token)
  const detail = useRequest(() => (token ? loadDetail(id) : Promise.resolve(undefined)), [id, token])

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!token) return <LoginNeeded what='查看点单' />
  if (detail.loading && !detail.data) return <Skeleton rows={4} />
  if (detail.error && !detail.data) return <ErrorState message={detail.error.message} onRetry={detail.reload} />
  const { order, lecturers, code } = detail.data!
  const changed = (_next: LectureOrder) => void detail.reload()

  return (
    <ThemePage>
      <View className='lec-card'>
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
        <OrderActions order={order} lecturers={lecturers} signedIn={code?.signedIn ?? 0} onChanged={changed} />
      </View>

      {code ? <SignInCodePanel code={code} /> : null}

      {order.report ? (
        <View className='lec-card'>
          <Text className='lec-card__title'>完成报告</Text>
          <Text className='lec-card__meta'>
            到场 {order.report.attendance} 人（现场签到 {order.report.signedIn} 人）
          </Text>
          <Text className='lec-card__summary'>{order.report.summary}</Text>
          <View className='lec-card__tags'>
            {order.report.photos.map((p) => (
              <Image key={p} src={mediaUrl(p)} mode='aspectFill' style={{ width: '96px', height: '72px', borderRadius: '6px' }} aria-label='现场照片' />
            ))}
          </View>
        </View>
      ) : null}

      {order.rating ? (
        <View className='lec-card'>
          <Text className='lec-card__title'>我的评价</Text>
          <Text className='lec-rating' style={{ display: 'block' }} aria-label={`${order.rating.stars}星`}>
            {stars(order.rating.stars)}
          </Text>
          {order.rating.comment ? <Text className='lec-card__summary'>{order.rating.comment}</Text> : null}
        </View>
      ) : null}

      <View className='lec-card'>
        <Text className='lec-card__title'>办理进度</Text>
        <OrderTimeline events={order.timeline} />
      </View>
    </ThemePage>
  )
}
