import { ReloadOutlined } from '@ant-design/icons'
import { Button, Result, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useMemo } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { EditorialSummary } from '@common/contract'
import { EDITORIAL_TYPE_LABELS, PAGE_SIZE_DEFAULT } from '@common/contract'
import { editorialApi } from './editorial-api'
import { formatTime, typePath } from './labels'
import { usePagedQuery } from './use-paged-query'

/** 审核队列: drafts waiting for review that this account may review, oldest first */
export function ReviewQueuePage() {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const query = useMemo(
    () => ({
      page: Number(params.get('page')) || 1,
      pageSize: Number(params.get('pageSize')) || PAGE_SIZE_DEFAULT,
      sort: 'updatedAt' as const,
      order: 'asc' as const,
    }),
    [params],
  )
  const { page, loading, error, reload } = usePagedQuery((q, signal) => editorialApi.reviewQueue(q, signal), query, `review?${params.toString()}`)
  const open = (item: EditorialSummary) => `${typePath(item.type)}/${item.id}`

  const columns: TableProps<EditorialSummary>['columns'] = [
    { title: '类型', key: 'type', width: 130, render: (_, item) => <Tag>{EDITORIAL_TYPE_LABELS[item.type]}</Tag> },
    { title: '标题', key: 'title', render: (_, item) => <Link to={open(item)}>{item.title || '（未填写标题）'}</Link> },
    { title: '单位', key: 'org', width: 160, render: (_, item) => item.org.name },
    { title: '作者', key: 'author', width: 110, render: (_, item) => item.author.name },
    { title: '版本', key: 'version', width: 80, render: (_, item) => `v${item.version}` },
    { title: '送审时间', key: 'submittedAt', width: 160, render: (_, item) => formatTime(item.submittedAt) },
  ]

  return (
    <div>
      <Typography.Title level={3}>审核队列</Typography.Title>
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
          rowKey={(item) => `${item.type}:${item.id}`}
          columns={columns}
          dataSource={page?.items ?? []}
          loading={loading}
          locale={{ emptyText: '没有待审核的内容' }}
          onRow={(item) => ({ onClick: () => navigate(open(item)), style: { cursor: 'pointer' } })}
          onChange={(pagination) => setParams({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? PAGE_SIZE_DEFAULT) })}
          pagination={{ current: query.page, pageSize: query.pageSize, total: page?.total ?? 0, showTotal: (total) => `共 ${total} 条` }}
        />
      )}
    </div>
  )
}
