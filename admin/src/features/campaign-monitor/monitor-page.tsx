import { App, Button, Card, Col, Empty, Flex, Input, Popconfirm, Progress, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useParams } from 'react-router-dom'
import type { CampaignMonitor, LeaderboardRow, SuspicionKind, SuspiciousAttempt } from '@common/contract'
import { ErrorState, errorMessage } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { beijingTime, KIND_LABELS, STATUS_LABELS } from './labels'
import { exportResults, getMonitor, getSuspicious } from './monitor-api'
import { useAutoRefresh } from './use-auto-refresh'

const PAGE_SIZE = 10

const regionColumns = (level: string) => [
  { title: '排名', dataIndex: 'rank', width: 60 },
  { title: level, dataIndex: 'name' },
  { title: '常住人口', dataIndex: 'residents', align: 'right' as const, render: (n?: number) => n?.toLocaleString('zh-CN') },
  { title: '参与人数', dataIndex: 'participants', align: 'right' as const },
  { title: '每万人参与', dataIndex: 'participationPer10k', align: 'right' as const },
  { title: '每万人得分', dataIndex: 'score', align: 'right' as const },
  { title: '平均分', dataIndex: 'averageScore', align: 'right' as const },
]

function ScoreDistribution({ buckets }: { buckets: CampaignMonitor['scoreBuckets'] }) {
  const max = Math.max(1, ...buckets.map((b) => b.participants))
  if (buckets.every((b) => b.participants === 0)) return <Empty description='还没有人提交答卷' />
  return (
    <div role='list' aria-label='得分分布'>
      {buckets.map((b) => (
        <Flex key={b.label} role='listitem' align='center' gap={8}>
          <span style={{ width: 56, textAlign: 'right' }}>{b.label} 分</span>
          <Progress percent={(b.participants * 100) / max} showInfo={false} style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 64 }}>{b.participants} 人</span>
        </Flex>
      ))}
    </div>
  )
}

function HourlyAttempts({ hours }: { hours: CampaignMonitor['attemptsOverTime'] }) {
  const recent = hours.slice(-12)
  const max = Math.max(1, ...recent.map((h) => h.attempts))
  if (recent.length === 0) return <Empty description='还没有提交的答卷' />
  return (
    <div role='list' aria-label='每小时提交答卷'>
      {recent.map((h) => (
        <Flex key={h.hour} role='listitem' align='center' gap={8}>
          <span style={{ width: 128 }}>{h.hour}</span>
          <Progress percent={(h.attempts * 100) / max} showInfo={false} strokeColor='#52c41a' style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 64 }}>{h.attempts} 份</span>
        </Flex>
      ))}
    </div>
  )
}

function SuspiciousTable({ id, region, refreshKey }: { id: string; region?: string; refreshKey: number }) {
  const [page, setPage] = useState(1)
  const [kind, setKind] = useState<SuspicionKind | undefined>()
  const load = useCallback(
    (signal: AbortSignal) => getSuspicious(id, { page, pageSize: PAGE_SIZE, ...(kind ? { kind } : {}), ...(region ? { region } : {}) }, signal),
    // refreshKey: the page's refresh re-reads this list too
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, page, kind, region, refreshKey],
  )
  const { data, error, loading, reload } = useRequest(load)
  return (
    <Card
      size='small'
      title={`可疑答卷${data ? `（已检查 ${data.checked} 份）` : ''}`}
      extra={
        <Select<SuspicionKind | ''>
          aria-label='可疑原因'
          style={{ width: 160 }}
          value={kind ?? ''}
          onChange={(v) => {
            setKind(v || undefined)
            setPage(1)
          }}
          options={[
            { value: '', label: '全部原因' },
            ...(Object.keys(KIND_LABELS) as SuspicionKind[]).map((k) => ({ value: k, label: `${KIND_LABELS[k].text}${data ? `（${data.counts[k]}）` : ''}` })),
          ]}
        />
      }
    >
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<SuspiciousAttempt>
          rowKey='attemptId'
          size='small'
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '没有可疑答卷' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 份`,
          }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '手机号', dataIndex: 'mobile', width: 120 },
            { title: '地区', dataIndex: 'regionName', width: 160 },
            { title: '得分', dataIndex: 'score', width: 60, align: 'right' },
            { title: '用时（秒）', dataIndex: 'timeUsedSec', width: 90, align: 'right' },
            { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: (t: string) => beijingTime(t) },
            {
              title: '可疑原因',
              dataIndex: 'reasons',
              render: (reasons: SuspiciousAttempt['reasons']) => (
                <Space direction='vertical' size={2}>
                  {reasons.map((r) => (
                    <span key={r.kind}>
                      <Tag color={KIND_LABELS[r.kind].color}>{KIND_LABELS[r.kind].text}</Tag>
                      <Typography.Text type='secondary'>{r.text}</Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  )
}

/** /campaigns/:id/monitor: the live monitor of one campaign, for the caller's regions */
export function MonitorPage() {
  const { id = '' } = useParams()
  const { message } = App.useApp()
  const role = useSession((s) => s.user?.role)
  const [region, setRegion] = useState<string | undefined>()
  const [refreshKey, setRefreshKey] = useState(0)
  const [exporting, setExporting] = useState(false)
  const [townshipQuery, setTownshipQuery] = useState('')
  const [regionOptions, setRegionOptions] = useState<{ value: string; label: string }[]>([])
  // refreshKey: a refresh re-reads what the page shows
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback((signal: AbortSignal) => getMonitor(id, region, signal), [id, region, refreshKey])
  const { data, error, loading } = useRequest(load)
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), [])
  useAutoRefresh(data?.campaign.status === 'ongoing', refresh)

  useEffect(() => {
    // the regions to narrow to, from the first (whole-organisation) reading
    if (!data || region !== undefined || regionOptions.length > 0) return
    const rows: LeaderboardRow[] = data.counties.length > 1 ? data.counties : data.townships
    setRegionOptions(rows.filter((r) => r.regionCode).map((r) => ({ value: r.regionCode!, label: r.name })))
  }, [data, region, regionOptions.length])

  const townships = useMemo(() => (data?.townships ?? []).filter((t) => !townshipQuery.trim() || t.name.includes(townshipQuery.trim())), [data, townshipQuery])

  const download = async (full: boolean) => {
    if (!data) return
    setExporting(true)
    try {
      await exportResults(id, data.campaign.title, { full, ...(region ? { region } : {}) })
    } catch (err) {
      void message.error(errorMessage(err))
    } finally {
      setExporting(false)
    }
  }

  if (error && !data) {
    return (
      <>
        <PageHeader title='竞赛监控' parents={[{ title: '竞赛监控', to: '/campaign-monitor' }]} />
        <ErrorState error={error} onRetry={refresh} />
      </>
    )
  }
  if (!data) {
    return (
      <Flex justify='center' style={{ padding: 48 }}>
        <Spin tip='加载中…'>
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </Flex>
    )
  }
  const status = STATUS_LABELS[data.campaign.status]
  const kpis: [string, number, string?][] = [
    ['参与人数', data.kpis.participants, '人'],
    ['提交答卷', data.kpis.submittedAttempts, '份'],
    ['正在答题', data.kpis.activeAttempts, '人'],
    ['平均分', data.kpis.averageScore],
    ['微信风控标记', data.kpis.riskFlagged, '份'],
  ]
  return (
    <>
      <PageHeader
        title={`${data.campaign.title} · 实时监控`}
        parents={[{ title: '竞赛监控', to: '/campaign-monitor' }]}
        extra={
          <>
            {regionOptions.length > 0 ? (
              <Select
                aria-label='地区'
                allowClear
                placeholder={`全部（${data.scope.name}）`}
                style={{ width: 180 }}
                value={region}
                onChange={(v?: string) => setRegion(v)}
                options={regionOptions}
              />
            ) : null}
            <Button onClick={refresh} loading={loading}>
              刷新
            </Button>
            <Button type='primary' loading={exporting} onClick={() => void download(false)}>
              导出成绩（脱敏）
            </Button>
            {role === 'admin' ? (
              <Popconfirm
                title='导出完整姓名和手机号'
                description='完整名单含个人信息，导出操作将记入操作日志。确定导出？'
                okText='导出'
                cancelText='取消'
                onConfirm={() => void download(true)}
              >
                <Button loading={exporting}>导出完整名单</Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Typography.Paragraph type='secondary'>
        <Tag color={status.color}>{status.text}</Tag>
        {beijingTime(data.campaign.startsAt)} 至 {beijingTime(data.campaign.endsAt)} · 范围：{data.scope.name} · 数据时间 {beijingTime(data.readAt)}
        {data.campaign.status === 'ongoing' ? '（每 30 秒自动刷新）' : ''}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {kpis.map(([title, value, suffix]) => (
          <Col key={title} flex='1 1 180px'>
            <Card size='small'>
              <Statistic title={title} value={value} suffix={suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={14}>
          <Card size='small' title='县（市、区）参与情况（与群众端地区榜同一算法）'>
            <Table<LeaderboardRow>
              rowKey='regionCode'
              size='small'
              dataSource={data.counties}
              pagination={false}
              locale={{ emptyText: '不在本单位范围内' }}
              columns={regionColumns('县（市、区）')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size='small' title='得分分布' style={{ marginBottom: 12 }}>
            <ScoreDistribution buckets={data.scoreBuckets} />
          </Card>
          <Card size='small' title='每小时提交答卷（北京时间，最近 12 小时）'>
            <HourlyAttempts hours={data.attemptsOverTime} />
          </Card>
        </Col>
      </Row>
      <Card
        size='small'
        title='乡镇（街道）参与情况'
        style={{ marginBottom: 12 }}
        extra={<Input.Search allowClear aria-label='查找乡镇（街道）' placeholder='查找乡镇（街道）' style={{ width: 220 }} onSearch={setTownshipQuery} />}
      >
        <Table<LeaderboardRow>
          rowKey='regionCode'
          size='small'
          dataSource={townships}
          pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false, showTotal: (t) => `共 ${t} 个` }}
          locale={{ emptyText: townshipQuery ? '没有符合条件的乡镇（街道）' : '暂无数据' }}
          columns={regionColumns('乡镇（街道）')}
        />
      </Card>
      <SuspiciousTable id={id} region={region} refreshKey={refreshKey} />
    </>
  )
}
