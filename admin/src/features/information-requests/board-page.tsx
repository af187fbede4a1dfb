import { Badge, Button, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FOIA_APPLICANT_LABELS, FOIA_STATUS_LABELS, FOIA_STATUSES, type FoiaStatus, type InformationRequest } from '@common/contract'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { FilterBar, PagedTable, useExport, usePagedList } from '../../components/paged-list'
import { useSession } from '../../components/session-store'
import { DetailDrawer } from './detail-drawer'
import { type BoardQuery, foiaApi } from './foia-api'
import { RegisterModal } from './register-modal'
import { DaysLeft } from './days-left'
import { FOIA_OFFICERS } from './roles'
import { FOIA_STATUS_COLORS } from './status-colors'
import './foia.css'

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
  const role = useSession((s) => s.user?.role)
  const [form] = Form.useForm<FilterForm>()
  const [openId, setOpenId] = useState<string>()
  const [registering, setRegistering] = useState(false)
  const list = usePagedList((query: BoardQuery, signal) => foiaApi.list(query, signal), { fixed: review ? { status: 'legal_review' as const } : {} })
  const { data, reload } = list

  const apply = (v: FilterForm) =>
    list.applyFilters({
      ...(v.status ? { status: v.status } : {}),
      ...(v.org ? { org: v.org } : {}),
      ...(v.q?.trim() ? { q: v.q.trim() } : {}),
      ...(v.overdue ? { overdue: true } : {}),
      ...(v.dueThisWeek ? { dueThisWeek: true } : {}),
      ...(v.extended ? { extended: true } : {}),
    })

  const { exporting, exportCsv } = useExport(() => foiaApi.exportCsv(list.query, `依申请公开-${dayjs().format('YYYYMMDD-HHmm')}.csv`))

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
            <Button onClick={exportCsv} loading={exporting}>
              导出 CSV
            </Button>
          </>
        }
      />
      <FilterBar form={form} onApply={apply}>
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
      </FilterBar>
      <PagedTable
        list={list}
        unit='件'
        columns={columns}
        rowClassName={(r) => (r.overdue && r.status !== 'answered' && r.status !== 'closed' ? 'foia-overdue' : '')}
        onRow={(r) =>
          ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' }, 'data-testid': `foia-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>
        }
        emptyText={review ? '没有待法律审核的答复' : '没有符合条件的申请'}
        scroll={{ x: 1000 }}
      />
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
