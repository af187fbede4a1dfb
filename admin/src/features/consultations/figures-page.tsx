import { Card, Col, Row, Statistic, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback } from 'react'
import type { DeskFigureRow } from '@common/contract'
import { ErrorState } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { deskApi } from './consultations-api'

const percent = (share: number) => `${(share * 100).toFixed(1)}%`
const days = (d: number | null) => (d === null ? '—' : `${d.toFixed(2)} 个工作日`)

const columns = (first: string): ColumnsType<DeskFigureRow> => [
  { title: first, dataIndex: 'name' },
  { title: '咨询数', dataIndex: 'total', width: 90, align: 'right' },
  { title: '已答复', dataIndex: 'answered', width: 90, align: 'right' },
  { title: '未答复', dataIndex: 'open', width: 90, align: 'right' },
  { title: '超期', dataIndex: 'overdue', width: 80, align: 'right' },
  { title: '超期占比', dataIndex: 'overdueShare', width: 100, align: 'right', render: percent },
  { title: '平均答复用时', dataIndex: 'avgReplyWorkingDays', width: 140, align: 'right', render: days },
]

/** 咨询统计: average time to reply (working days), share overdue, by department and county */
export function FiguresPage() {
  const load = useCallback((signal: AbortSignal) => deskApi.figures(signal), [])
  const { data, error, loading, reload } = useRequest(load)
  return (
    <>
      <PageHeader title='咨询统计' parents={[{ title: '咨询工作台', to: '/consultations' }]} />
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card loading={loading && !data}>
                <Statistic title='咨询总数' value={data?.total.total ?? 0} />
              </Card>
            </Col>
            <Col span={6}>
              <Card loading={loading && !data}>
                <Statistic title='已答复' value={data?.total.answered ?? 0} />
              </Card>
            </Col>
            <Col span={6}>
              <Card loading={loading && !data}>
                <Statistic title='超期占比' value={data ? percent(data.total.overdueShare) : '—'} />
              </Card>
            </Col>
            <Col span={6}>
              <Card loading={loading && !data}>
                <Statistic
                  title='平均答复用时（工作日）'
                  value={data?.total.avgReplyWorkingDays ?? '—'}
                  precision={data?.total.avgReplyWorkingDays === null ? undefined : 2}
                />
              </Card>
            </Col>
          </Row>
          <Card title='按承办部门' size='small' style={{ marginBottom: 16 }}>
            <Table<DeskFigureRow>
              rowKey='key'
              size='small'
              columns={columns('承办部门')}
              dataSource={data?.byDepartment ?? []}
              loading={loading}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: '暂无咨询' }}
            />
          </Card>
          <Card title='按县（市、区）' size='small'>
            <Table<DeskFigureRow>
              rowKey='key'
              size='small'
              columns={columns('县（市、区）')}
              dataSource={data?.byCounty ?? []}
              loading={loading}
              pagination={false}
              locale={{ emptyText: '暂无咨询' }}
            />
          </Card>
          <p style={{ color: '#666', marginTop: 12 }}>
            答复用时按工作日计（北京时间，扣除周末和法定节假日、计入调休上班日；当天答复计 0 个工作日）；超期指超过提交后第 3 个工作日仍未答复或答复晚于该日。
          </p>
        </>
      )}
    </>
  )
}
