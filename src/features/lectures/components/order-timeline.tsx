import { Text, View } from '@tarojs/components'
import { type LectureOrderEvent, lectureStatusLabel } from '@common/contract'
import { roleName } from '../roles'
import { inShanghai } from '@common/shanghai-date'
import { actionLabel } from '../labels'
import './lectures.scss'

/** Every step of an order: what happened, who did it and when (Beijing time), oldest first. */
export function OrderTimeline({ events }: { events: LectureOrderEvent[] }) {
  return (
    <View className='lec-timeline' role='list' aria-label='办理进度'>
      {events.map((e, i) => (
        <View key={`${e.at}-${i}`} className='lec-timeline__item' role='listitem'>
          <View className='lec-timeline__dot' aria-hidden />
          <Text className='lec-timeline__title'>
            {actionLabel[e.action]} · {lectureStatusLabel[e.status]}
          </Text>
          <Text className='lec-timeline__meta'>
            {roleName[e.byRole]} {e.byName} · {inShanghai(e.at).format('YYYY-MM-DD HH:mm')}
          </Text>
          {e.note ? <Text className='lec-timeline__note'>{e.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}
