import { App, Button, Card, Form, InputNumber, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback, useState } from 'react'
import type { FoiaYearReport } from '@common/contract'
import { ErrorState, errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { foiaApi } from './foia-api'

interface Row {
  key: string
  label: string
  citizen: number
  organisation: number
  total: number
  indent?: boolean
  /** a heading row: no figures of its own */
  heading?: boolean
}

const figure = (n: number, r: Row) => (r.heading ? '' : n)

const columns: ColumnsType<Row> = [
  { title: '项目', dataIndex: 'label', render: (l: string, r) => <span style={{ paddingLeft: r.indent ? 24 : 0 }}>{l}</span> },
  { title: '自然人', dataIndex: 'citizen', width: 120, align: 'right', render: figure },
  { title: '法人或其他组织', dataIndex: 'organisation', width: 160, align: 'right', render: figure },
  { title: '总计', dataIndex: 'total', width: 120, align: 'right', render: figure },
]

const rowsOf = (r: FoiaYearReport): Row[] => [
  { key: 'received', label: '一、本年新收政府信息公开申请数量', ...r.received },
  { key: 'carried', label: '二、上年结转政府信息公开申请数量', ...r.carriedOver },
  { key: 'results', label: '三、本年度办理结果', citizen: 0, organisation: 0, total: 0, heading: true },
  ...r.results.map((x) => ({ key: x.type, label: x.label, citizen: x.citizen, organisation: x.organisation, total: x.total, indent: true })),
]

/** 政府信息公开工作年度报告: 收到和处理政府信息公开申请情况, per organisation and year */
export function ReportPage() {
  const { message } = App.useApp()
  const [year, setYear] = useState(new Date().getFullYear())
  const [org, setOrg] = useState<string>()
  const load = useCallback((signal: AbortSignal) => foiaApi.report(year, org, signal), [year, org])
  const { data, error, loading, reload } = useRequest(load)
  const [exporting, setExporting] = useState(false)

  const exportCsv = async () => {
    setExporting(true)
    try {
      await foiaApi.reportCsv(year, org, `政府信息公开年度报告-${data?.orgName ?? ''}-${year}.csv`)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <PageHeader
        title='年度报告'
        parents={[{ title: '依申请公开', to: '/information-requests' }]}
        extra={
          <Button onClick={() => void exportCsv()} loading={exporting} disabled={!data}>
            导出 CSV
          </Button>
        }
      />
      <Form layout='inline' style={{ marginBottom: 16 }}>
        <Form.Item label='年度'>
          <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} aria-label='年度' />
        </Form.Item>
        <Form.Item label='机关'>
          <OrgTreeSelect value={org} onChange={setOrg} placeholder='本单位' style={{ width: 180 }} aria-label='机关' />
        </Form.Item>
      </Form>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Card title={data ? `${data.orgName} ${data.year} 年度：收到和处理政府信息公开申请情况` : '加载中…'} size='small'>
          <Table<Row>
            rowKey='key'
            size='small'
            columns={columns}
            dataSource={data ? rowsOf(data) : []}
            loading={loading}
            pagination={false}
            data-testid='foia-report'
          />
        </Card>
      )}
      <p style={{ color: '#666', marginTop: 12 }}>
        按申请的收到日期计入年度；办理结果按答复日期计入；年末仍未答复的计入「结转下年度继续办理」。「信息不存在」「非本机关掌握」「补正后未补正」在报告表中归入「无法提供」与「不予处理」相应栏目。
      </p>
    </>
  )
}
