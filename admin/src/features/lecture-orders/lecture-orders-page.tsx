import { App, Button, Form, Input, Select, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { type DeskOrderSummary, LECTURE_STATUSES, lectureStatusLabel, type LectureOrderStatus, type Page, timeOfDayLabel } from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'
import { ErrorState, errorMessage } from '../../components/error-state'
import { useOrgs } from '../../components/org-store'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { STATUS_COLORS } from './labels'
import { OrderDrawer } from './order-drawer'
import { FilterButtons } from '../../components/filter-buttons'

const PAGE_SIZE = 20

interface Filters {
  q?: string
  status?: LectureOrderStatus
  county?: string
}

/** 派单台: the lecture orders of the caller's organisation (a lecturer: their own), newest first */
export function LectureOrdersPage() {
  const { message } = App.useApp()
  const user = useSession((s) => s.user)
  const role = user?.role ?? 'dispatcher'
  const [form] = Form.useForm<Filters>()
  const [filters, setFilters] = useState<Filters>({})
  const [page, setPage] = useState(1)
  const [open, setOpen] = useState<string>()
  const [exporting, setExporting] = useState(false)
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

  const load = useCallback(
    (signal: AbortSignal) => api.get<Page<DeskOrderSummary>>('/admin/lecture-orders', { ...filters, page, pageSize: PAGE_SIZE }, signal),
    [filters, page],
  )
  const { data, error, loading, reload } = useRequest(load)

  const apply = (values: Filters) => {
    setFilters({ q: values.q?.trim() || undefined, status: values.status || undefined, county: values.county || undefined })
    setPage(1)
  }

  const exportCsv = async () => {
    setExporting(true)
    try {
      await downloadFromApi('/admin/lecture-orders/export.csv', { ...filters }, `宣讲点单-${dayjs().format('YYYYMMDD-HHmm')}.csv`)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

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
            <Button onClick={() => void exportCsv()} loading={exporting}>
              导出 CSV
            </Button>
          )
        }
      />
      <Form form={form} layout='inline' onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
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
        <FilterButtons
          onReset={() => {
            form.resetFields()
            apply({})
          }}
        />
      </Form>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<DeskOrderSummary>
          rowKey='id'
          size='middle'
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          locale={{ emptyText: '没有符合条件的宣讲点单' }}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 单`,
            onChange: setPage,
          }}
        />
      )}
      {open ? <OrderDrawer orderId={open} role={role} onClose={() => setOpen(undefined)} onChanged={reload} /> : null}
    </>
  )
}
