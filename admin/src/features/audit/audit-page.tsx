import { App, Button, DatePicker, Form, Input, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import type { AuditEntry, Page, Role } from '@common/contract'
import { api } from '../../api/client'
import { csvBlob, saveBlob } from '../../components/download'
import { PageHeader } from '../../components/page-header'
import { FilterBar, PagedTable, useExport, usePagedList } from '../../components/paged-list'
import { ROLE_LABELS } from '../../components/role-labels'
import { actionLabel } from './action-labels'
/** the CSV export fetches the current filter's entries page by page, up to this many */
export const EXPORT_MAX = 1000
const EXPORT_PAGE = 100

export interface AuditFilters {
  actor?: string
  action?: string
  targetType?: string
  targetId?: string
  from?: string
  to?: string
}

interface FilterForm {
  actor?: string
  action?: string
  targetType?: string
  targetId?: string
  dates?: [Dayjs | null, Dayjs | null] | null
}

const roleName = (role: string) => ROLE_LABELS[role as Role] ?? role
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss')

export function AuditPage() {
  const { message } = App.useApp()
  const [form] = Form.useForm<FilterForm>()
  const list = usePagedList<AuditFilters, Page<AuditEntry>>((query, signal) => api.get<Page<AuditEntry>>('/admin/audit', { ...query }, signal))

  const apply = (values: FilterForm) => {
    const [from, to] = values.dates ?? []
    list.applyFilters({
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      targetType: values.targetType?.trim() || undefined,
      targetId: values.targetId?.trim() || undefined,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
    })
  }

  const { exporting, exportCsv } = useExport(async () => {
    const entries: AuditEntry[] = []
    for (let p = 1; entries.length < EXPORT_MAX; p++) {
      const batch = await api.get<Page<AuditEntry>>('/admin/audit', { ...list.filters, page: p, pageSize: EXPORT_PAGE })
      entries.push(...batch.items)
      if (batch.items.length < EXPORT_PAGE || entries.length >= batch.total) break
    }
    const rows = entries
      .slice(0, EXPORT_MAX)
      .map((e) => [
        when(e.at),
        e.actor.name,
        roleName(e.actor.role),
        e.actor.orgCode ?? '',
        actionLabel(e.action, e.targetType),
        e.action,
        e.targetType ?? '',
        e.targetId ?? '',
        e.ip ?? '',
        e.detail ? JSON.stringify(e.detail) : '',
      ])
    saveBlob(
      csvBlob(['时间', '操作人', '角色', '单位代码', '操作', '操作代码', '对象类型', '对象编号', 'IP', '详情'], rows),
      `操作日志-${dayjs().format('YYYYMMDD-HHmm')}.csv`,
    )
    message.success(`已导出 ${rows.length} 条记录${entries.length >= EXPORT_MAX ? `（最多导出 ${EXPORT_MAX} 条）` : ''}`)
  })

  const columns: ColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 170, render: when },
    { title: '操作人', key: 'actor', render: (_, e) => `${e.actor.name}（${roleName(e.actor.role)}）` },
    { title: '操作', dataIndex: 'action', key: 'action', render: (_, e) => <Tag title={e.action}>{actionLabel(e.action, e.targetType)}</Tag> },
    { title: '对象', key: 'target', render: (_, e) => (e.targetType ? `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` : '—') },
    { title: 'IP', dataIndex: 'ip', width: 140, render: (ip?: string) => ip ?? '—' },
  ]

  return (
    <>
      <PageHeader
        title='操作日志'
        extra={
          <Button onClick={exportCsv} loading={exporting}>
            导出 CSV
          </Button>
        }
      />
      <FilterBar form={form} onApply={apply}>
        <Form.Item name='actor' label='操作人'>
          <Input placeholder='姓名或账号编号' allowClear maxLength={64} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name='action' label='操作' rules={[{ pattern: /^[a-z.-]*$/, message: '操作代码为小写字母、点和短横线，如 account.create' }]}>
          <Input placeholder='如 account.create' allowClear maxLength={64} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name='targetType' label='对象类型'>
          <Input placeholder='如 user、policy' allowClear maxLength={32} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name='targetId' label='对象编号'>
          <Input placeholder='内容或账号的编号' allowClear maxLength={64} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name='dates' label='日期'>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </FilterBar>
      <PagedTable
        list={list}
        columns={columns}
        emptyText='没有符合条件的操作记录'
        expandable={{
          rowExpandable: (e) => e.detail !== undefined,
          // text, never HTML: the detail holds what users typed
          expandedRowRender: (e) => <pre className='audit-detail'>{JSON.stringify(e.detail, null, 2)}</pre>,
        }}
      />
    </>
  )
}
