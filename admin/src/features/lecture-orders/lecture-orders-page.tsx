import { Button, Form, Input, Select, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { type DeskOrderSummary, LECTURE_STATUSES, lectureStatusLabel, type LectureOrderStatus, type Page, timeOfDayLabel } from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'
import { useOrgs } from '../../components/org-store'
import { PageHeader } from '../../components/page-header'
import { FilterBar, PagedTable, useExport, usePagedList } from '../../components/paged-list'
import { useSession } from '../../components/session-store'
import { STATUS_COLORS } from './labels'
import { OrderDrawer } from './order-drawer'

interface Filters {
  q?: string
  status?: LectureOrderStatus
  county?: string
}

/** 派单台: the lecture orders of the caller's organisation (a lecturer: their own), newest first */
export function LectureOrdersPage() {
  const user = useSession((s) => s.user)
  const role = user?.role ?? 'dispatcher'
  const [form] = Form.useForm<Filters>()
  const [open, setOpen] = useState<string>()
  const { tree, load: loadOrgs } = useOrgs()
  useEffect(() => {
    void loadOrgs()
  }, [loadOrgs])

  // the counties the account covers: the city's children for the city, else its own county
  const counties = useMemo(() => {
    const city = tree?.[0]
    if (!city) return []
    const own = user?.org?.code
    const all = city.children ?? []
    if (!own || own === city.code) return all
    return all.filter((c) => own.startsWith(c.code))
  }, [tree, user])

  const list = usePagedList<Filters, Page<DeskOrderSummary>>((query, signal) => api.get<Page<DeskOrderSummary>>('/admin/lecture-orders', { ...query }, signal))

  const apply = (values: Filters) =>
    list.applyFilters({ q: values.q?.trim() || undefined, status: values.status || undefined, county: values.county || undefined })

  const { exporting, exportCsv } = useExport(() =>
    downloadFromApi('/admin/lecture-orders/export.csv', { ...list.filters }, `宣讲点单-${dayjs().format('YYYYMMDD-HHmm')}.csv`),
  )

  const columns: ColumnsType<DeskOrderSummary> = [
    { title: '宣讲专题', dataIndex: 'topicTitle', ellipsis: true },
    { title: '村（社区）', dataIndex: 'regionName', ellipsis: true },
    { title: '期望时间', key: 'when', width: 200, render: (_, o) => `${o.dateFrom.slice(5)} 至 ${o.dateTo.slice(5)} ${timeOfDayLabel[o.timeOfDay]}` },
    { title: '人数', dataIndex: 'audienceSize', width: 70 },
    { title: '联系人', key: 'contact', width: 150, render: (_, o) => `${o.contactName} ${o.contactPhone}` },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: LectureOrderStatus) => <Tag color={STATUS_COLORS[s]}>{lectureStatusLabel[s]}</Tag>,
    },
    { title: '宣讲员', key: 'lecturer', width: 100, render: (_, o) => o.lecturerName ?? '—' },
    { title: '排期', key: 'schedule', width: 130, render: (_, o) => (o.schedule ? `${o.schedule.date.slice(5)} ${o.schedule.time}` : '—') },
    {
      title: '操作',
      key: 'open',
      width: 90,
      render: (_, o) => (
        <Button type='link' onClick={() => setOpen(o.id)} aria-label={`查看 ${o.topicTitle}`}>
          {role === 'dispatcher' && (o.status === 'submitted' || o.status === 'dispatched') ? '派单' : '详情'}
        </Button>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={role === 'lecturer' ? '我的宣讲' : '宣讲派单台'}
        extra={
          role === 'lecturer' ? null : (
            <Button onClick={exportCsv} loading={exporting}>
              导出 CSV
            </Button>
          )
        }
      />
      <FilterBar form={form} onApply={apply}>
        <Form.Item name='q' label='搜索'>
          <Input placeholder='专题、村社区、地点或宣讲员' allowClear maxLength={50} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name='status' label='状态'>
          <Select
            allowClear
            placeholder='全部状态'
            style={{ width: 130 }}
            options={LECTURE_STATUSES.map((s) => ({ value: s, label: lectureStatusLabel[s] }))}
          />
        </Form.Item>
        {role === 'lecturer' ? null : (
          <Form.Item name='county' label='区县'>
            <Select allowClear placeholder='全部区县' style={{ width: 130 }} options={counties.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
        )}
      </FilterBar>
      <PagedTable list={list} unit='单' columns={columns} emptyText='没有符合条件的宣讲点单' scroll={{ x: 1100 }} />
      {open ? <OrderDrawer orderId={open} role={role} onClose={() => setOpen(undefined)} onChanged={list.reload} /> : null}
    </>
  )
}
