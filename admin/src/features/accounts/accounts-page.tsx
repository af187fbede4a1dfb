import { App, Button, Input, Popconfirm, Select, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import type { Page, Role, StaffAccount } from '@common/contract'
import { api } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { ROLE_LABELS, STAFF_ROLES } from '../../components/role-labels'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { CreateAccountModal, ResetPasswordModal } from './account-form'

const PAGE_SIZE = 20
const time = (iso?: string) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—')

interface Filters {
  q?: string
  role?: Role
  org?: string
  page: number
}

export function AccountsPage() {
  const { message } = App.useApp()
  const me = useSession((s) => s.user)
  const [filters, setFilters] = useState<Filters>({ page: 1 })
  const [creating, setCreating] = useState(false)
  const [resetting, setResetting] = useState<StaffAccount | null>(null)
  const load = useCallback(
    (signal: AbortSignal) =>
      api.get<Page<StaffAccount>>('/admin/accounts', { q: filters.q, role: filters.role, org: filters.org, page: filters.page, pageSize: PAGE_SIZE }, signal),
    [filters],
  )
  const { data, error, loading, reload } = useRequest(load)

  const toggle = async (account: StaffAccount) => {
    try {
      await api.post(`/admin/accounts/${encodeURIComponent(account.id)}/${account.disabled ? 'enable' : 'disable'}`)
      message.success(account.disabled ? `已启用 ${account.name}` : `已停用 ${account.name}`)
      reload()
    } catch (e) {
      message.error(errorMessage(e))
    }
  }

  const columns: ColumnsType<StaffAccount> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'name' },
    { title: '角色', dataIndex: 'role', render: (role: Role) => ROLE_LABELS[role] },
    { title: '所属单位', key: 'org', render: (_, a) => `${a.org.name}${a.org.department ? ` · ${a.org.department}` : ''}` },
    {
      title: '状态',
      key: 'status',
      render: (_, a) =>
        a.disabled ? (
          <Tag color='default'>已停用</Tag>
        ) : a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs()) ? (
          <Tag color='orange'>已锁定</Tag>
        ) : (
          <Tag color='green'>正常</Tag>
        ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: time },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) =>
        a.id === me?.id ? (
          <span>当前账号</span>
        ) : (
          <Space size='small'>
            <Popconfirm
              title={a.disabled ? `启用账号 ${a.name}？` : `停用账号 ${a.name}？`}
              description={a.disabled ? undefined : '停用后该账号立即退出登录，不能再登录。'}
              okText='确定'
              cancelText='取消'
              onConfirm={() => toggle(a)}
            >
              <Button size='small' danger={!a.disabled}>
                {a.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
            <Button size='small' onClick={() => setResetting(a)}>
              重置密码
            </Button>
          </Space>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title='账号管理'
        extra={
          <Button type='primary' onClick={() => setCreating(true)}>
            新建账号
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder='搜索用户名或姓名'
          aria-label='搜索用户名或姓名'
          allowClear
          maxLength={32}
          style={{ width: 240 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
        />
        <Select<Role>
          placeholder='全部角色'
          aria-label='角色'
          allowClear
          style={{ width: 140 }}
          value={filters.role}
          onChange={(role) => setFilters((f) => ({ ...f, role, page: 1 }))}
          options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <OrgTreeSelect placeholder='全部单位' aria-label='所属单位' value={filters.org} onChange={(org) => setFilters((f) => ({ ...f, org, page: 1 }))} />
      </Space>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<StaffAccount>
          rowKey='id'
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          size='middle'
          locale={{ emptyText: filters.q || filters.role || filters.org ? '没有符合条件的账号' : '还没有账号' }}
          pagination={{
            current: filters.page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: (page) => setFilters((f) => ({ ...f, page })),
          }}
        />
      )}
      <CreateAccountModal
        open={creating}
        defaultOrg={me?.org?.code}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false)
          message.success(`已创建账号 ${a.username}`)
          reload()
        }}
      />
      <ResetPasswordModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          message.success(`已重置 ${resetting?.name ?? ''} 的密码`)
          setResetting(null)
        }}
      />
    </>
  )
}
