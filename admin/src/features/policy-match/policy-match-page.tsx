import { Alert, Card, Statistic, Table } from 'antd'
import { useEffect, useState } from 'react'
import type { PolicyMatchStats } from '@common/contract'
import { api, ApiRequestError } from '../../api/client'

/** 政策找人: per published policy with a rule, how many residents fit and how many were told, by county (counts only) */
export function PolicyMatchPage() {
  const [stats, setStats] = useState<PolicyMatchStats>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    const controller = new AbortController()
    api
      .get<PolicyMatchStats>('/admin/policy-match/stats', {}, controller.signal)
      .then(setStats)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof ApiRequestError ? e.message : '加载失败，请刷新重试')
      })
    return () => controller.abort()
  }, [])
  return (
    <Card title='政策找人'>
      {error ? <Alert type='error' showIcon message={error} /> : null}
      <Statistic title='保存了“我的情况”的居民' value={stats?.situations ?? 0} loading={!stats && !error} />
      <Table
        style={{ marginTop: 16 }}
        rowKey='policyId'
        loading={!stats && !error}
        dataSource={stats?.policies ?? []}
        locale={{ emptyText: '还没有带适用条件的政策完成匹配' }}
        pagination={false}
        columns={[
          { title: '政策', dataIndex: 'title' },
          { title: '符合条件', dataIndex: 'matched', width: 110 },
          { title: '已提醒', dataIndex: 'pushed', width: 100 },
          { title: '最近匹配', dataIndex: 'matchedAt', width: 190, render: (v?: string) => (v ? new Date(v).toLocaleString('zh-CN') : '') },
        ]}
        expandable={{
          expandedRowRender: (p) => (
            <Table
              size='small'
              rowKey='county'
              pagination={false}
              dataSource={p.byCounty}
              columns={[
                { title: '县（市、区）', dataIndex: 'countyName' },
                { title: '符合条件', dataIndex: 'matched' },
                { title: '已提醒', dataIndex: 'pushed' },
              ]}
            />
          ),
        }}
      />
    </Card>
  )
}
