import { Alert, Badge, Calendar, Drawer, Spin, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import { type DeskLecturer, type LecturerCalendar as CalendarData, lectureStatusLabel, timeOfDayLabel } from '@common/contract'
import { api } from '../../api/client'
import { ErrorState } from '../../components/error-state'
import { useRequest } from '../../components/use-request'
import { slotsText } from './slots'

export interface LecturerCalendarProps {
  lecturer: DeskLecturer
  onClose: () => void
  /** the month shown first (tests pin it) */
  month?: Dayjs
}

/** a lecturer's month: scheduled lectures on their day, orders not yet scheduled over their wished window, blocked days */
export function LecturerCalendarDrawer({ lecturer, onClose, month: initial }: LecturerCalendarProps) {
  const [month, setMonth] = useState<Dayjs>(() => (initial ?? dayjs()).startOf('month'))
  const from = month.format('YYYY-MM-DD')
  const to = month.endOf('month').format('YYYY-MM-DD')
  const load = useCallback(
    (signal: AbortSignal) => api.get<CalendarData>(`/admin/lecturers/${lecturer.id}/calendar`, { from, to }, signal),
    [lecturer.id, from, to],
  )
  const { data, error, loading, reload } = useRequest(load)
  const blocked = useMemo(() => new Set(data?.blockedDates ?? []), [data])

  const cell = (day: Dayjs) => {
    const d = day.format('YYYY-MM-DD')
    const entries = (data?.entries ?? []).filter((e) => e.date <= d && d <= e.dateTo)
    return (
      <div>
        {blocked.has(d) ? <Badge status='default' text='不可安排' /> : null}
        {entries.map((e) => (
          <div key={e.orderId} title={`${e.topicTitle} · ${e.regionName}`}>
            <Badge status={e.status === 'scheduled' ? 'processing' : e.status === 'delivered' || e.status === 'rated' ? 'success' : 'warning'} />
            <Typography.Text style={{ fontSize: 12 }}>
              {e.time ?? timeOfDayLabel[e.timeOfDay]} {e.topicTitle}（{lectureStatusLabel[e.status]}）
            </Typography.Text>
          </div>
        ))}
      </div>
    )
  }

  return (
    <Drawer open width={980} title={`${lecturer.name}的宣讲日历`} onClose={onClose}>
      <Alert type='info' showIcon style={{ marginBottom: 12 }} message={`每周可安排时段：${slotsText(lecturer.weeklySlots)}`} />
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Spin spinning={loading} tip='加载中…'>
          <Calendar
            value={month}
            onPanelChange={(d) => setMonth(d.startOf('month'))}
            onSelect={(d, info) => {
              if (info.source !== 'date') setMonth(d.startOf('month'))
            }}
            cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
            mode='month'
          />
        </Spin>
      )}
    </Drawer>
  )
}
