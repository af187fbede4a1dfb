import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import type { AdminCampaign, CampaignStatus } from '@common/contract'
import { EDITORIAL_ROLES, PAGE_SIZE_MAX } from '@common/contract'
import { csvBlob, saveBlob } from '../../components/download'
import { ErrorState, errorMessage } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { useCurrentUser } from '../editorial/current-user'
import { formatTime } from '../editorial/labels'
import { campaignApi } from '../question-banks/question-banks-api'
import { CAMPAIGN_STATUS_LABELS, monitorPath, SCORE_COUNTS_LABELS } from './labels'
import { PreviewModal } from './preview-modal'

const PAGE_SIZE = 20
const STATUSES: CampaignStatus[] = ['ongoing', 'upcoming', 'ended']

/** 竞赛管理: campaigns of the account's organisation and below, with status from the window */
export function CampaignListPage() {
  const [params, setParams] = useSearchParams()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const canEdit = user ? EDITORIAL_ROLES.edit.includes(user.role) : false
  const status = params.get('status') as CampaignStatus | null
  const query = useMemo(
    () => ({
      page: Number(params.get('page')) || 1,
      pageSize: PAGE_SIZE,
      q: params.get('q') || undefined,
      status: status && STATUSES.includes(status) ? status : undefined,
    }),
    [params, status],
  )
  const load = useCallback((signal: AbortSignal) => campaignApi.list(query, signal), [query])
  const { data, error, loading, reload } = useRequest(load)
  const [previewing, setPreviewing] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)

  const update = (changes: Record<string, string | number | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k)
      else next.set(k, String(v))
    }
    if (!keepPage) next.delete('page')
    setParams(next)
  }

  /** every campaign of the filter, page by page, as a CSV an office opens in Excel */
  const exportCsv = async () => {
    setExporting(true)
    try {
      const rows: AdminCampaign[] = []
      for (let page = 1; ; page++) {
        const next = await campaignApi.list({ ...query, page, pageSize: PAGE_SIZE_MAX })
        rows.push(...next.items)
        if (rows.length >= next.total || next.items.length === 0) break
      }
      const header = [
        '竞赛名称',
        '主办单位',
        '状态',
        '开始时间',
        '结束时间',
        '每次题数',
        '每题限时（秒）',
        '每日次数',
        '计分方式',
        '参与人数',
        '题库',
        '题库版本',
      ]
      saveBlob(
        csvBlob(
          header,
          rows.map((c) => [
            c.title,
            c.orgName,
            CAMPAIGN_STATUS_LABELS[c.status].text,
            formatTime(c.startsAt),
            formatTime(c.endsAt),
            c.questionsPerAttempt,
            c.secondsPerQuestion,
            c.attemptsPerDay,
            SCORE_COUNTS_LABELS[c.scoreCounts],
            c.participants,
            c.bank?.name ?? '',
            c.bank ? `第 ${c.bank.version} 版` : '',
          ]),
        ),
        '竞赛列表.csv',
      )
    } catch (e) {
      void message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  const columns: TableProps<AdminCampaign>['columns'] = [
    { title: '竞赛名称', dataIndex: 'title', ellipsis: true },
    { title: '主办单位', dataIndex: 'orgName', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: CampaignStatus) => <Tag color={CAMPAIGN_STATUS_LABELS[s].color}>{CAMPAIGN_STATUS_LABELS[s].text}</Tag>,
    },
    {
      title: '时间',
      key: 'window',
      width: 300,
      render: (_: unknown, c) => (
        <Typography.Text style={{ fontSize: 13 }}>
          {formatTime(c.startsAt)} 至 {formatTime(c.endsAt)}
        </Typography.Text>
      ),
    },
    {
      title: '题库',
      key: 'bank',
      width: 150,
      ellipsis: true,
      render: (_: unknown, c) => (c.bank ? `${c.bank.name} · 第 ${c.bank.version} 版` : '（示例数据）'),
    },
    { title: '参与人数', dataIndex: 'participants', width: 90 },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_: unknown, c) => (
        <Space size={2} wrap>
          {canEdit && c.editable !== 'none' ? (
            <Link to={`/campaigns/${encodeURIComponent(c.id)}/edit`}>
              <Button type='link' size='small'>
                编辑
              </Button>
            </Link>
          ) : (
            <Link to={`/campaigns/${encodeURIComponent(c.id)}/edit`}>
              <Button type='link' size='small'>
                查看
              </Button>
            </Link>
          )}
          <Button type='link' size='small' onClick={() => setPreviewing(c.id)}>
            预览
          </Button>
          <Link to={monitorPath(c.id)}>
            <Button type='link' size='small'>
              监控
            </Button>
          </Link>
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title='竞赛管理'
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} loading={exporting} disabled={!data?.total}>
              导出 CSV
            </Button>
            {canEdit ? (
              <Link to='/campaigns/new'>
                <Button type='primary' icon={<PlusOutlined />}>
                  新建竞赛
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label='搜索竞赛名称'
          placeholder='搜索竞赛名称'
          allowClear
          defaultValue={query.q}
          onSearch={(q) => update({ q })}
          style={{ width: 240 }}
        />
        <Select
          aria-label='按状态筛选'
          allowClear
          placeholder='状态'
          style={{ width: 120 }}
          value={query.status}
          onChange={(s?: string) => update({ status: s })}
          options={STATUSES.map((s) => ({ value: s, label: CAMPAIGN_STATUS_LABELS[s].text }))}
        />
      </Space>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<AdminCampaign>
          rowKey='id'
          size='middle'
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: query.q || query.status ? '没有符合条件的竞赛' : '还没有竞赛，点击“新建竞赛”开始' }}
          pagination={{
            current: query.page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 个竞赛`,
            onChange: (page) => update({ page }, true),
          }}
        />
      )}
      {previewing ? <PreviewModal campaignId={previewing} onClose={() => setPreviewing(null)} /> : null}
    </>
  )
}
