import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, DatePicker, Input, Result, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import dayjs from 'dayjs'
import { useMemo } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { EditorialQuery, EditorialStatus, EditorialSummary, EditorialType } from '@common/contract'
import { EDITORIAL_ROLES, EDITORIAL_STATUSES, EDITORIAL_STATUS_LABELS, EDITORIAL_TYPE_LABELS, PAGE_SIZE_DEFAULT } from '@common/contract'
import { useCurrentUser } from './current-user'
import { editorialApi } from './editorial-api'
import { OrgSelect, TopicSelect } from './form-support'
import { formatTime, typePath } from './labels'
import { StatusCell } from './status-cell'
import { usePagedQuery } from './use-paged-query'

type Sort = NonNullable<EditorialQuery['sort']>
const SORTS: readonly Sort[] = ['updatedAt', 'title', 'status', 'reviewDate']
const HAS_TOPIC: readonly EditorialType[] = ['policy', 'interpretation', 'faq']

/** policies: 截止日期, with 已截止 once it has passed (the server says so, by Beijing's today) */
const closingColumn: NonNullable<TableProps<EditorialSummary>['columns']>[number] = {
  title: '截止日期',
  key: 'closesAt',
  width: 120,
  render: (_, item) =>
    item.closesAt ? (
      <Space size={4} wrap>
        {item.closesAt}
        {item.closed && <Tag color='default'>已截止</Tag>}
      </Space>
    ) : (
      '—'
    ),
}

/** the query lives in the address, so 返回 from an item comes back to the same page and filters */
function queryFrom(params: URLSearchParams): EditorialQuery {
  const text = (k: string) => params.get(k) || undefined
  const sort = text('sort') as Sort | undefined
  const status = text('status') as EditorialStatus | undefined
  return {
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || PAGE_SIZE_DEFAULT,
    q: text('q'),
    status: status && EDITORIAL_STATUSES.includes(status) ? status : undefined,
    org: text('org'),
    topic: text('topic'),
    from: text('from'),
    to: text('to'),
    sort: sort && SORTS.includes(sort) ? sort : 'updatedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  }
}

/** one list page for every editorial type: server-side paging, sorting and filters */
export function EditorialListPage({ type }: { type: EditorialType }) {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const query = useMemo(() => queryFrom(params), [params])
  const { page, loading, error, reload } = usePagedQuery((q, signal) => editorialApi.list(type, q, signal), query, `${type}?${params.toString()}`)

  const update = (changes: Partial<Record<keyof EditorialQuery, string | number | undefined>>, keepPage = false) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k)
      else next.set(k, String(v))
    }
    if (!keepPage) next.delete('page')
    setParams(next)
  }

  const sortOrder = (key: Sort) => (query.sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null)
  const columns: TableProps<EditorialSummary>['columns'] = [
    {
      title: type === 'faq' ? '问题' : '标题',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (title: string, item) => <Link to={`${typePath(type)}/${item.id}`}>{title || '（未填写标题）'}</Link>,
    },
    { title: '状态', key: 'status', sorter: true, sortOrder: sortOrder('status'), width: 180, render: (_, item) => <StatusCell item={item} /> },
    { title: '单位', key: 'org', width: 150, render: (_, item) => (item.org.department ? `${item.org.name} · ${item.org.department}` : item.org.name) },
    { title: '版本', key: 'version', width: 70, render: (_, item) => `v${item.version}` },
    { title: '最后修改', key: 'updatedBy', width: 100, render: (_, item) => item.updatedBy.name },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      width: 160,
      render: (v: string) => formatTime(v),
    },
    {
      title: '复核日期',
      dataIndex: 'reviewDate',
      key: 'reviewDate',
      sorter: true,
      sortOrder: sortOrder('reviewDate'),
      width: 110,
      render: (v?: string) => v ?? '—',
    },
    ...(type === 'policy' ? [closingColumn] : []),
  ]

  const onTableChange: TableProps<EditorialSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') return update({ page: pagination.current, pageSize: pagination.pageSize }, true)
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter
      const key = s?.order ? (s.columnKey as Sort) : undefined
      update({ sort: key, order: key ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined })
    }
  }

  const canCreate = !!user && EDITORIAL_ROLES.edit.includes(user.role)
  const label = EDITORIAL_TYPE_LABELS[type]

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {label}
        </Typography.Title>
        {canCreate && (
          <Button type='primary' icon={<PlusOutlined />} onClick={() => navigate(`${typePath(type)}/new`)}>
            新建
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 16 }} role='search' aria-label={`筛选${label}`}>
        <Input.Search
          aria-label='搜索标题'
          placeholder='搜索标题'
          allowClear
          defaultValue={query.q}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          aria-label='状态'
          placeholder='全部状态'
          allowClear
          value={query.status}
          onChange={(status) => update({ status })}
          options={EDITORIAL_STATUSES.map((s) => ({ value: s, label: EDITORIAL_STATUS_LABELS[s] }))}
          style={{ width: 130 }}
        />
        <OrgSelect aria-label='单位' value={query.org} onChange={(org) => update({ org })} placeholder='全部单位' />
        {HAS_TOPIC.includes(type) && <TopicSelect aria-label='主题' value={query.topic} onChange={(topic) => update({ topic })} allowClear />}
        <DatePicker.RangePicker
          aria-label='更新日期'
          placeholder={['更新日期起', '更新日期止']}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          allowEmpty={[true, true]}
        />
      </Space>
      {error ? (
        <Result
          status='error'
          title='加载失败'
          subTitle={error}
          extra={
            <Button icon={<ReloadOutlined />} onClick={reload}>
              重试
            </Button>
          }
        />
      ) : (
        <Table<EditorialSummary>
          rowKey='id'
          columns={columns}
          dataSource={page?.items ?? []}
          loading={loading}
          onChange={onTableChange}
          locale={{ emptyText: '暂无内容' }}
          onRow={(item) => ({ onClick: () => navigate(`${typePath(type)}/${item.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: page?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50],
            showTotal: (total) => `共 ${total} 条`,
          }}
        />
      )}
    </div>
  )
}
