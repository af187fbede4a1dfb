import { Button, Form, Input, Space, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import type { DeskLecturer, Page } from '@common/contract'
import { api } from '../../api/client'
import { findOrg, useOrgs } from '../../components/org-store'
import { PageHeader } from '../../components/page-header'
import { FilterBar, PagedTable, usePagedList } from '../../components/paged-list'
import { useSession } from '../../components/session-store'
import { LecturerCalendarDrawer } from './lecturer-calendar'
import { LecturerForm } from './lecturer-form'
import { slotsText } from './slots'

/** 宣讲员: the lecturers of the caller's organisation and below, their availability and calendars */
export function LecturersPage() {
  const user = useSession((s) => s.user)
  const isAdmin = user?.role === 'admin'
  const [form] = Form.useForm<{ q?: string }>()
  const [editing, setEditing] = useState<DeskLecturer | 'new'>()
  const [calendar, setCalendar] = useState<DeskLecturer>()
  const { tree, load: loadOrgs } = useOrgs()
  useEffect(() => {
    void loadOrgs()
  }, [loadOrgs])
  const list = usePagedList<{ q?: string }, Page<DeskLecturer>>((query, signal) => api.get<Page<DeskLecturer>>('/admin/lecturers', { ...query }, signal))

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
      <FilterBar form={form} onApply={(v) => list.applyFilters({ q: v.q?.trim() || undefined })} reset={false}>
        <Form.Item name='q' label='搜索'>
          <Input placeholder='姓名或职务' allowClear maxLength={50} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <PagedTable list={list} unit='人' columns={columns} emptyText='没有符合条件的宣讲员' scroll={{ x: 1000 }} />
      {editing ? (
        <LecturerForm
          lecturer={editing === 'new' ? undefined : editing}
          defaultOrg={user?.org?.code}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined)
            list.reload()
          }}
        />
      ) : null}
      {calendar ? <LecturerCalendarDrawer lecturer={calendar} onClose={() => setCalendar(undefined)} /> : null}
    </>
  )
}
