import { App, Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Statistic, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import { type CoverageRow, type Dashboard, type DashboardQuery, EDITORIAL_TYPE_LABELS, type EditorialSummary, type EditorialType } from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'
import { ErrorState, errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { Chart } from './chart'
import { coverageBars, percent, validityPie } from './dashboard-options'

const coverageColumns = (first: string): ColumnsType<CoverageRow> => [
  { title: first, key: 'name', render: (_, r) => r.org.department ?? r.org.name },
  { title: '政策数', dataIndex: 'policies', align: 'right' },
  { title: '已解读', dataIndex: 'interpreted', align: 'right' },
  { title: '解读率', dataIndex: 'rate', align: 'right', render: percent },
  { title: '同步解读', dataIndex: 'synced', align: 'right' },
  { title: '同步解读率', dataIndex: 'syncRate', align: 'right', render: percent },
]

const dueColumns: ColumnsType<EditorialSummary> = [
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '类型', dataIndex: 'type', width: 100, render: (t: EditorialType) => EDITORIAL_TYPE_LABELS[t] },
  { title: '单位', key: 'org', width: 120, render: (_, s) => s.org.name },
  { title: '复核日期', dataIndex: 'reviewDate', width: 110 },
]

const waitingColumns: ColumnsType<Dashboard['waitingPerReviewer'][number]> = [
  { title: '审核人', key: 'reviewer', render: (_, w) => w.reviewer.name },
  { title: '单位', key: 'org', render: (_, w) => w.org.name },
  { title: '待审稿件', dataIndex: 'count', align: 'right' },
]

const readColumns: ColumnsType<Dashboard['mostRead'][number]> = [
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '类型', dataIndex: 'type', width: 100, render: (t: EditorialType) => EDITORIAL_TYPE_LABELS[t] },
  { title: '阅读量', dataIndex: 'views', width: 100, align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
]

export function DashboardPage() {
  const { message } = App.useApp()
  const ownOrg = useSession((s) => s.user?.org?.code)
  const [query, setQuery] = useState<DashboardQuery>({ org: ownOrg })
  const [exporting, setExporting] = useState(false)
  const load = useCallback((signal: AbortSignal) => api.get<Dashboard>('/admin/dashboard', { ...query }, signal), [query])
  const { data, error, loading, reload } = useRequest(load)
  const pie = useMemo(() => (data ? validityPie(data) : null), [data])
  const byOrg = useMemo(() => (data ? coverageBars(data.coverageByOrg) : null), [data])
  const byDepartment = useMemo(() => (data ? coverageBars(data.coverageByDepartment) : null), [data])

  const setDates = (dates: [Dayjs | null, Dayjs | null] | null) =>
    setQuery((q) => ({ ...q, from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') }))

  const exportCsv = async () => {
    setExporting(true)
    try {
      await downloadFromApi(
        '/admin/dashboard.csv',
        { org: query.org, from: query.from, to: query.to },
        `仪表盘-${data?.org.name ?? ''}-${dayjs().format('YYYYMMDD')}.csv`,
      )
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <PageHeader
        title='仪表盘'
        extra={
          <Button onClick={() => void exportCsv()} loading={exporting} disabled={!data}>
            导出 CSV
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect value={query.org} allowClear={false} aria-label='单位' onChange={(org) => setQuery((q) => ({ ...q, org }))} />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={['发布日期起', '发布日期止']}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={setDates}
        />
      </Space>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data ? (
        <Spin tip='正在统计…' style={{ display: 'block', padding: 48 }}>
          <div style={{ height: 60 }} />
        </Spin>
      ) : (
        <Spin spinning={loading}>
          <Row gutter={[16, 16]}>
            {(
              [
                ['政策文件', data.totals.policies],
                ['政策解读', data.totals.interpretations],
                ['简明问答', data.totals.faqs],
                ['待审核', data.totals.inReview],
                ['草稿', data.totals.drafts],
              ] as const
            ).map(([title, value]) => (
              <Col key={title} flex='1 1 0'>
                <Card size='small'>
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col span={8}>
              <Card title='政策有效性' size='small'>
                {data.policiesByValidity.some((v) => v.count > 0) ? <Chart option={pie!} label='政策按有效性分布的饼图' /> : <Empty description='暂无政策' />}
              </Card>
            </Col>
            <Col span={16}>
              <Card title={`解读率 · 按单位（${data.org.name}）`} size='small'>
                {data.coverageByOrg.length ? <Chart option={byOrg!} label='各单位解读率柱状图' /> : <Empty description='暂无数据' />}
              </Card>
            </Col>
            <Col span={24}>
              <Card title='解读率 · 按部门' size='small'>
                {data.coverageByDepartment.length ? <Chart option={byDepartment!} label='各部门解读率柱状图' /> : <Empty description='暂无数据' />}
              </Card>
            </Col>
            <Col span={24}>
              <Card title='解读率与同步解读（3 个工作日内发布解读）' size='small'>
                <Table<CoverageRow>
                  rowKey={(r) => `${r.org.code}-${r.org.department ?? ''}`}
                  size='small'
                  columns={coverageColumns('单位')}
                  dataSource={data.coverageByOrg}
                  pagination={false}
                  locale={{ emptyText: '暂无数据' }}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card title={`待复核（${data.dueForReview.length}）`} size='small'>
                <Table<EditorialSummary>
                  rowKey={(s) => `${s.type}-${s.id}`}
                  size='small'
                  columns={dueColumns}
                  dataSource={data.dueForReview}
                  pagination={{ pageSize: 5, hideOnSinglePage: true }}
                  locale={{ emptyText: '没有超过复核日期的内容' }}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card title='各审核人待审稿件' size='small'>
                <Table
                  rowKey={(w) => w.reviewer.id}
                  size='small'
                  columns={waitingColumns}
                  dataSource={data.waitingPerReviewer}
                  pagination={{ pageSize: 5, hideOnSinglePage: true }}
                  locale={{ emptyText: '没有待审稿件' }}
                />
              </Card>
            </Col>
            <Col span={24}>
              <Card title='阅读量最高' size='small'>
                <Table
                  rowKey={(r) => `${r.type}-${r.id}`}
                  size='small'
                  columns={readColumns}
                  dataSource={data.mostRead}
                  pagination={false}
                  locale={{ emptyText: '暂无阅读数据' }}
                />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type='secondary' style={{ marginTop: 16 }}>
            解读率：已发布解读的政策占政策总数的比例；同步解读率：政策发布后 3 个工作日内发布解读的比例。
          </Typography.Paragraph>
        </Spin>
      )}
    </>
  )
}
