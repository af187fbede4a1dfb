import { App, Badge, Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { FOIA_APPLICANT_LABELS, FOIA_STATUS_LABELS, FOIA_STATUSES, type FoiaStatus, type InformationRequest } from '@common/contract'
import { ErrorState, errorMessage } from '../../components/error-state'
import { FilterButtons } from '../../components/filter-buttons'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { DetailDrawer } from './detail-drawer'
import { type BoardQuery, foiaApi } from './foia-api'
import { RegisterModal } from './register-modal'
import { DaysLeft } from './days-left'
import { FOIA_OFFICERS } from './roles'
import { FOIA_STATUS_COLORS } from './status-colors'
import './foia.css'

const PAGE_SIZE = 20

interface FilterForm {
  status?: FoiaStatus
  org?: string
  q?: string
  overdue?: boolean
  dueThisWeek?: boolean
  extended?: boolean
}

/** 依申请公开 deadline board (and, with `review`, the 法律审核 queue) */
export function BoardPage({ review = false }: { review?: boolean }) {
  const { message } = App.useApp()
  const role = useSession((s) => s.user?.role)
  const [form] = Form.useForm<FilterForm>()
  const [filters, setFilters] = useState<FilterForm>({})
  const [page, setPage] = useState(1)
  const [openId, setOpenId] = useState<string>()
  const [registering, setRegistering] = useState(false)
  const [exporting, setExporting] = useState(false)
  const query: BoardQuery = { ...filters, ...(review ? { status: 'legal_review' as const } : {}), page, pageSize: PAGE_SIZE }
  const key = JSON.stringify(query)
  const load = useCallback((signal: AbortSignal) => foiaApi.list(JSON.parse(key) as BoardQuery, signal), [key])
  const { data, error, loading, reload } = useRequest(load)

  const apply = (v: FilterForm) => {
    setFilters({
      ...(v.status ? { status: v.status } : {}),
      ...(v.org ? { org: v.org } : {}),
      ...(v.q?.trim() ? { q: v.q.trim() } : {}),
      ...(v.overdue ? { overdue: true } : {}),
      ...(v.dueThisWeek ? { dueThisWeek: true } : {}),
      ...(v.extended ? { extended: true } : {}),
    })
    setPage(1)
  }

  const exportCsv = async () => {
    setExporting(true)
    try {
      await foiaApi.exportCsv(query, `依申请公开-${dayjs().format('YYYYMMDD-HHmm')}.csv`)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  const columns: ColumnsType<InformationRequest> = [
    { title: '申请编号', dataIndex: 'number', width: 160 },
    {
      title: '申请人',
      key: 'applicant',
      width: 150,
      render: (_, r) => (
        <Space direction='vertical' size={0}>
          <span>{r.name}</span>
          <Typography.Text type='secondary' style={{ fontSize: 12 }}>
            {FOIA_APPLICANT_LABELS[r.applicantType]} · {r.idNumberMasked}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '所需信息',
      dataIndex: 'infoTitle',
      ellipsis: true,
      // text, never HTML: applicants typed it
      render: (t: string) => <Typography.Text ellipsis={{ tooltip: t }}>{t}</Typography.Text>,
    },
    { title: '受理机关', dataIndex: 'orgName', width: 110 },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: FoiaStatus) => <Tag color={FOIA_STATUS_COLORS[s]}>{FOIA_STATUS_LABELS[s]}</Tag> },
    {
      title: '答复期限',
      key: 'due',
      width: 230,
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{r.dueDate ?? '—'}</span>
          <DaysLeft r={r} />
          {r.extended ? <Tag color='purple'>已延期</Tag> : null}
        </Space>
      ),
    },
  ]

  const title = review ? '法律审核' : '依申请公开'
  const canRegister = !!role && FOIA_OFFICERS.includes(role) && !review
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            {data ? (
              <Badge status={data.overdueOpen > 0 ? 'error' : 'success'} text={`超期未答复 ${data.overdueOpen} 件`} data-testid='foia-overdue-count' />
            ) : null}
            {canRegister ? (
              <Button type='primary' onClick={() => setRegistering(true)}>
                登记纸质/信函申请
              </Button>
            ) : null}
            <Button onClick={() => void exportCsv()} loading={exporting}>
              导出 CSV
            </Button>
          </>
        }
      />
      <Form form={form} layout='inline' onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        {review ? null : (
          <Form.Item name='status' label='状态'>
            <Select allowClear placeholder='全部' style={{ width: 120 }} options={FOIA_STATUSES.map((s) => ({ value: s, label: FOIA_STATUS_LABELS[s] }))} />
          </Form.Item>
        )}
        <Form.Item name='org' label='受理机关'>
          <OrgTreeSelect style={{ width: 160 }} placeholder='全部单位' aria-label='受理机关' />
        </Form.Item>
        <Form.Item name='q' label='关键词'>
          <Input allowClear maxLength={50} placeholder='编号、申请人或信息名称' style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name='dueThisWeek' valuePropName='checked'>
          <Checkbox>本周到期</Checkbox>
        </Form.Item>
        <Form.Item name='overdue' valuePropName='checked'>
          <Checkbox>已超期</Checkbox>
        </Form.Item>
        <Form.Item name='extended' valuePropName='checked'>
          <Checkbox>已延期</Checkbox>
        </Form.Item>
        <FilterButtons
          onReset={() => {
            form.resetFields()
            apply({})
          }}
        />
      </Form>
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<InformationRequest>
          rowKey='id'
          size='middle'
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          rowClassName={(r) => (r.overdue && r.status !== 'answered' && r.status !== 'closed' ? 'foia-overdue' : '')}
          onRow={(r) =>
            ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' }, 'data-testid': `foia-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: review ? '没有待法律审核的答复' : '没有符合条件的申请' }}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 件`,
            onChange: setPage,
          }}
        />
      )}
      <p style={{ color: '#666', marginTop: 12 }}>
        答复期限为收到申请之日起 20 个工作日（补正的，自收到补正之日起计算；经批准可延长一次，不超过 20 个工作日）。工作日扣除周末和法定节假日，计入调休上班日。
      </p>
      <DetailDrawer id={openId} onClose={() => setOpenId(undefined)} onChanged={reload} />
      <RegisterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(r) => {
          setRegistering(false)
          reload()
          setOpenId(r.id)
        }}
      />
    </>
  )
}
