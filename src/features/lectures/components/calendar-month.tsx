import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import dayjs from 'dayjs'
import { type LectureCalendarEntry, lectureFormatLabel } from '@common/contract'
import { StatusTag } from './status-tag'
import './lectures.scss'

export interface CalendarMonthProps {
  /** YYYY-MM */
  month: string
  entries: LectureCalendarEntry[]
  /** YYYY-MM-DD or undefined for the whole month */
  day?: string
  onDay: (day?: string) => void
  onMonth: (month: string) => void
  onOpen?: (entry: LectureCalendarEntry) => void
}

const WEEK = ['一', '二', '三', '四', '五', '六', '日']

/** A month of lectures: days with lectures marked, and below them the lectures by township. */
export function CalendarMonth({ month, entries, day, onDay, onMonth, onOpen }: CalendarMonthProps) {
  const first = dayjs(`${month}-01`)
  const days = first.daysInMonth()
  const lead = (first.day() + 6) % 7
  const perDay = new Map<string, number>()
  for (const e of entries) perDay.set(e.date, (perDay.get(e.date) ?? 0) + 1)
  const shown = day ? entries.filter((e) => e.date === day) : entries
  const townships = new Map<string, LectureCalendarEntry[]>()
  for (const e of shown) townships.set(e.townshipName, [...(townships.get(e.townshipName) ?? []), e])

  return (
    <View>
      <Card className='lec-cal'>
        <View className='lec-cal__nav'>
          <View className='lec-link' role='button' aria-label='上个月' onClick={() => onMonth(first.subtract(1, 'month').format('YYYY-MM'))}>
            ‹ 上月
          </View>
          <Text className='lec-cal__month'>{first.format('YYYY年M月')}</Text>
          <View className='lec-link' role='button' aria-label='下个月' onClick={() => onMonth(first.add(1, 'month').format('YYYY-MM'))}>
            下月 ›
          </View>
        </View>
        <View className='lec-cal__grid' role='grid' aria-label={`${first.format('YYYY年M月')}宣讲日历`}>
          {WEEK.map((w) => (
            <View key={w} className='lec-cal__cell lec-cal__cell--head'>
              {w}
            </View>
          ))}
          {Array.from({ length: lead }, (_, i) => (
            <View key={`blank-${i}`} className='lec-cal__cell' />
          ))}
          {Array.from({ length: days }, (_, i) => {
            const date = first.add(i, 'day').format('YYYY-MM-DD')
            const n = perDay.get(date) ?? 0
            return (
              <View
                key={date}
                className={`lec-cal__cell ${n ? 'lec-cal__cell--busy' : ''} ${day === date ? 'lec-cal__cell--on' : ''}`}
                role='gridcell'
                aria-label={n ? `${i + 1}日，${n}场宣讲` : `${i + 1}日`}
                aria-selected={day === date}
                onClick={() => onDay(day === date || !n ? undefined : date)}
              >
                <Text>{i + 1}</Text>
                {n ? <Text className='lec-cal__count'>{n}场</Text> : null}
              </View>
            )
          })}
        </View>
      </Card>

      {[...townships.entries()].map(([township, list]) => (
        <View key={township}>
          <Text className='lec-section'>
            {township}（{list.length}场）
          </Text>
          {list.map((e) => (
            <Card key={e.orderId} className='lec-card'>
              <View role='listitem' onClick={onOpen ? () => onOpen(e) : undefined}>
                <View className='lec-card__head'>
                  <Text className='lec-card__title'>{e.topicTitle}</Text>
                  <StatusTag status={e.status} />
                </View>
                <Text className='lec-card__meta'>
                  {e.date} {e.time} · {e.place}
                </Text>
                <Text className='lec-card__meta'>
                  {e.regionName} · {lectureFormatLabel[e.format]}
                  {e.lecturerName ? ` · 宣讲员${e.lecturerName}` : ''}
                </Text>
              </View>
            </Card>
          ))}
        </View>
      ))}
    </View>
  )
}
