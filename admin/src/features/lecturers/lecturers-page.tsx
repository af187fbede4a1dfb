import { Button, Form, Input, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback, useEffect, useState } from 'react'
import type { DeskLecturer, Page } from '@common/contract'
import { api } from '../../api/client'
import { ErrorState } from '../../components/error-state'
import { findOrg, useOrgs } from '../../components/org-store'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { LecturerCalendarDrawer } from './lecturer-calendar'
import { LecturerForm } from './lecturer-form'
import { slotsText } from './slots'

const PAGE_SIZE = 20

/** 宣讲员: the lecturers of the caller's organisation and below, their availability and calendars */
export function LecturersPage() {
  const user = useSession((s) => s.user)
  const isAdmin = user?.role === 'admin'
  const [form] = Form.useForm<{ q?: string }>()
  const [q, setQ] = useState<string>()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<DeskLecturer | 'new'>()
  const [calendar, setCalendar] = useState<DeskLecturer>()
  const { tree, load: loadOrgs } = useOrgs()
  useEffect(() => {
    void loadOrgs()
  }, [loadOrgs])
  const load = useCallback((signal: AbortSignal) => api.get<Page<DeskLecturer>>('/admin/lecturers', { q, page, pageSize: PAGE_SIZE }, signal), [q, page])
  const { data, error, loading, reload } = useRequest(load)

  const columns: ColumnsType<DeskLecturer> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '职务或简介', dataIndex: 'title', ellipsis: true },
    { title: '所属单位', dataIndex: 'orgCode', width: 110, render: (code: string) => findOrg(tree, code)?.name ?? code },
    { title: '可讲专题', dataIndex: 'topicIds', width: 90, render: (ids: string[]) => `${ids.length} 个` },
    { title: '每周可安排', dataIndex: 'weeklySlots', ellipsis: true, render: slotsText },
    { title: '账号', key: 'account', width: 100, render: (_, l) => l.account?.name ?? <Tag>未绑定</Tag> },
    { title: '在办点单', dataIndex: 'openOrders', width: 90 },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color='green'>启用</Tag> : <Tag>停用</Tag>) },
    {
      title: '操作',
      key: 'ops',
      width: 150,
      render: (_, l) => (
        <Space size={0}>
          <Button type='link' onClick={() => setCalendar(l)} aria-label={`${l.name}的日历`}>
            日历
          </Button>
          {isAdmin ? (
            <Button type='link' onClick={() => setEditing(l)} aria-label={`编辑 ${l.name}`}>
              编辑
            </Button>
          ) : null}
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title='宣讲员'
        extra={
          isAdmin ? (
            <Button type='primary' onClick={() => setEditing('new')}>
              新增宣讲员
            </Button>
          ) : null
        }
      />
      <Form
        form={form}
        layout='inline'
        onFinish={(v) => {
          setQ(v.q?.trim() || undefined)
          setPage(1)
        }}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name='q' label='搜索'>
          <Input placeholder='姓名或职务' allowClear maxLength={50} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type='primary' htmlType='submit'>
            查询
          </Button>
        </Form.Item>
      </Form>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<DeskLecturer>
          rowKey='id'
          size='middle'
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          locale={{ emptyText: '没有符合条件的宣讲员' }}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 人`,
            onChange: setPage,
          }}
        />
      )}
      {editing ? (
        <LecturerForm
          lecturer={editing === 'new' ? undefined : editing}
          defaultOrg={user?.org?.code}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined)
            reload()
          }}
        />
      ) : null}
      {calendar ? <LecturerCalendarDrawer lecturer={calendar} onClose={() => setCalendar(undefined)} /> : null}
    </>
  )
}
