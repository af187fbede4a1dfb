import { Badge, Button, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useState } from 'react'
import { DESK_STATUS_LABELS, DESK_STATUSES, type DeskConsultation, type DeskQuery, type DeskStatus } from '@common/contract'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { FilterBar, PagedTable, useExport, usePagedList } from '../../components/paged-list'
import { deskApi } from './consultations-api'
import { DetailDrawer } from './detail-drawer'
import { STATUS_COLORS } from './status-colors'
import './consultations.css'

interface FilterForm {
  status?: DeskStatus
  overdue?: boolean
  org?: string
  department?: string
  q?: string
}

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** 咨询工作台 (and, with `review`, the queue of replies waiting for review) */
export function InboxPage({ review = false }: { review?: boolean }) {
  const [form] = Form.useForm<FilterForm>()
  const [openId, setOpenId] = useState<string>()
  const list = usePagedList((query: DeskQuery, signal) => deskApi.list(query, signal), { fixed: review ? { status: 'in_review' as const } : {} })
  const { data, reload } = list

  const apply = (values: FilterForm) =>
    list.applyFilters({
      ...(values.status ? { status: values.status } : {}),
      ...(values.overdue ? { overdue: true } : {}),
      ...(values.org ? { org: values.org } : {}),
      ...(values.department?.trim() ? { department: values.department.trim() } : {}),
      ...(values.q?.trim() ? { q: values.q.trim() } : {}),
    })

  const { exporting, exportCsv } = useExport(() => deskApi.exportCsv(list.query, `咨询工作台-${dayjs().format('YYYYMMDD-HHmm')}.csv`))

  const columns: ColumnsType<DeskConsultation> = [
    { title: '提交时间', dataIndex: 'createdAt', width: 140, render: when },
    { title: '主题', dataIndex: 'topicName', width: 90 },
    {
      title: '咨询问题',
      dataIndex: 'question',
      ellipsis: true,
      // text, never HTML: residents typed it
      render: (q: string) => <Typography.Text ellipsis={{ tooltip: q }}>{q}</Typography.Text>,
    },
    { title: '地区', key: 'region', width: 120, render: (_, c) => c.regionName },
    { title: '承办部门', key: 'department', width: 170, render: (_, c) => c.department.name },
    { title: '答复人', key: 'assignee', width: 100, render: (_, c) => c.assignee?.name ?? '—' },
    {
      title: '答复期限',
      dataIndex: 'dueDate',
      width: 130,
      render: (due: string, c) => (
        <Space size={4}>
          <span>{due}</span>
          {c.overdue ? <Tag color='red'>超期</Tag> : null}
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: DeskStatus) => <Tag color={STATUS_COLORS[s]}>{DESK_STATUS_LABELS[s]}</Tag> },
  ]

  const title = review ? '答复审核' : '咨询工作台'
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            {data ? <Badge status={data.overdueOpen > 0 ? 'error' : 'success'} text={`超期未答复 ${data.overdueOpen} 件`} data-testid='overdue-count' /> : null}
            <Button onClick={exportCsv} loading={exporting}>
              导出 CSV
            </Button>
          </>
        }
      />
      <FilterBar form={form} onApply={apply}>
        {review ? null : (
          <Form.Item name='status' label='状态'>
            <Select allowClear placeholder='全部' style={{ width: 110 }} options={DESK_STATUSES.map((s) => ({ value: s, label: DESK_STATUS_LABELS[s] }))} />
          </Form.Item>
        )}
        <Form.Item name='org' label='承办单位'>
          <OrgTreeSelect style={{ width: 160 }} placeholder='全部单位' aria-label='承办单位' />
        </Form.Item>
        <Form.Item name='department' label='部门'>
          <Input allowClear maxLength={64} placeholder='部门全称' style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name='q' label='关键词'>
          <Input allowClear maxLength={50} placeholder='问题中的词' style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name='overdue' valuePropName='checked'>
          <Checkbox>只看超期</Checkbox>
        </Form.Item>
      </FilterBar>
      <PagedTable
        list={list}
        columns={columns}
        rowClassName={(c) => (c.overdue && c.status !== 'answered' ? 'desk-overdue' : '')}
        onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        emptyText={review ? '没有待审核的答复' : '没有符合条件的咨询'}
        scroll={{ x: 1000 }}
      />
      <DetailDrawer id={openId} onClose={() => setOpenId(undefined)} onChanged={reload} />
    </>
  )
}
