import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getLectureCalendar, getCounties } from '@/features/lectures/api/lectures'
import { CalendarMonth } from '@/features/lectures/components/calendar-month'
import { inShanghai } from '@common/shanghai-date'
import { lectureRoutes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 宣讲日历: the month's lectures by township, filterable by county. */
export default function LectureCalendarPage() {
  const token = useSessionStore((s) => s.token)
  const [month, setMonth] = useState(() => inShanghai().format('YYYY-MM'))
  const [day, setDay] = useState<string>()
  const [county, setCounty] = useState<string>()
  const regions = useRequest(getCounties, [])
  const entries = useRequest(() => getLectureCalendar(month, county), [month, county])

  usePullDownRefresh(() => {
    void entries.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <ThemePage>
      <View className='page__filters'>
        <ChipBar options={(regions.data ?? []).map((r) => ({ id: r.code, name: r.name }))} value={county} allLabel='全市' onChange={setCounty} />
      </View>
      {entries.error && !entries.data ? <ErrorState message={entries.error.message} onRetry={entries.reload} /> : null}
      {entries.loading && !entries.data ? <Skeleton rows={2} /> : null}
      {entries.data ? (
        <CalendarMonth
          month={month}
          entries={entries.data}
          day={day}
          onDay={setDay}
          onMonth={(m) => {
            setDay(undefined)
            setMonth(m)
          }}
          onOpen={token ? (e) => Taro.navigateTo({ url: lectureRoutes.detail(e.orderId) }) : undefined}
        />
      ) : null}
      {entries.data?.length === 0 ? <EmptyState title='本月暂无已排期的宣讲' hint='看看下个月，或到宣讲菜单点单' /> : null}
    </ThemePage>
  )
}
