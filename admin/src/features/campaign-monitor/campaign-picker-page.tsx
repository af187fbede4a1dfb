import { Button, Card, Input, Table, Tag } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import type { CampaignSummary } from '@common/contract'
import { ErrorState } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { beijingTime, STATUS_LABELS } from './labels'
import { getCampaigns } from './monitor-api'

/** /campaign-monitor: the campaigns, running ones first, each opening its live monitor */
export function CampaignPickerPage() {
  const load = useCallback((signal: AbortSignal) => getCampaigns(signal), [])
  const { data, error, loading, reload } = useRequest(load)
  const [q, setQ] = useState('')
  const rows = useMemo(() => (data ?? []).filter((c) => !q.trim() || c.title.includes(q.trim()) || c.department.includes(q.trim())), [data, q])
  return (
    <>
      <PageHeader title='竞赛监控' />
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Card size='small'>
          <Input.Search allowClear placeholder='按竞赛名称或主办单位查找' aria-label='查找竞赛' style={{ maxWidth: 320, marginBottom: 12 }} onSearch={setQ} />
          <Table<CampaignSummary>
            rowKey='id'
            size='middle'
            loading={loading}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: q ? '没有符合条件的竞赛' : '暂无知识竞赛' }}
            columns={[
              { title: '竞赛', dataIndex: 'title' },
              { title: '主办单位', dataIndex: 'department', width: 200 },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: CampaignSummary['status']) => <Tag color={STATUS_LABELS[s].color}>{STATUS_LABELS[s].text}</Tag>,
              },
              { title: '时间', width: 260, render: (_: unknown, c) => `${beijingTime(c.startsAt)} 至 ${beijingTime(c.endsAt)}` },
              { title: '参与人数', dataIndex: 'participants', width: 100, align: 'right' },
              {
                title: '操作',
                width: 100,
                render: (_: unknown, c) => (
                  <Link to={`/campaigns/${encodeURIComponent(c.id)}/monitor`}>
                    <Button type='link' size='small'>
                      进入监控
                    </Button>
                  </Link>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  )
}
