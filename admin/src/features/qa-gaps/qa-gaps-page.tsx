import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, DatePicker, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { QaGap, QaGapActionResult, QaGapQuery, QaGapStatus } from '@common/contract'
import { EDITORIAL_ROLES, EDITORIAL_STATUS_LABELS, PAGE_SIZE_DEFAULT, QA_GAP_STATUSES, QA_GAP_STATUS_LABELS } from '@common/contract'
import { errorMessage, ErrorState } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { AttachDialog, ToFaqDialog } from './gap-dialogs'
import { GapSources } from './gap-sources'
import { qaGapsApi } from './qa-gaps-api'

const STATUS_COLORS: Readonly<Record<QaGapStatus, string>> = { open: 'orange', faq: 'green', attached: 'blue', ignored: 'default' }
const SAMPLES_SHOWN = 3

/** the query lives in the address, so 返回 from a FAQ comes back to the same page and filters */
function queryFrom(params: URLSearchParams): QaGapQuery {
  const text = (k: string) => params.get(k) || undefined
  const status = text('status') as QaGapStatus | undefined
  return {
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || PAGE_SIZE_DEFAULT,
    status: status && QA_GAP_STATUSES.includes(status) ? status : undefined,
    q: text('q'),
    from: text('from'),
    to: text('to'),
  }
}

/** Beijing time, whatever the desk's clock says: 2026-11-02 10:00 */
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

/** 问答缺口: questions 智能问答 could not answer, most asked first, and what to do with each group */
export function QaGapsPage() {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useSession((s) => s.user)
  const query = useMemo(() => queryFrom(params), [params])
  const load = useCallback((signal: AbortSignal) => qaGapsApi.list(query, signal), [query])
  const { data: page, error, loading, reload } = useRequest(load)
  const [dialog, setDialog] = useState<{ kind: 'faq' | 'attach'; gap: QaGap }>()
  const [exporting, setExporting] = useState(false)
  const canAct = !!user && EDITORIAL_ROLES.edit.includes(user.role)

  const update = (changes: Partial<Record<keyof QaGapQuery, string | number | undefined>>, keepPage = false) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k)
      else next.set(k, String(v))
    }
    if (!keepPage) next.delete('page')
    setParams(next)
  }

  const done = (result: QaGapActionResult, text: string) => {
    setDialog(undefined)
    reload()
    const itemId = result.itemId
    void message.success(
      itemId ? (
        <span>
          {text}，
          <Button type='link' size='small' onClick={() => navigate(`/faqs/${itemId}`)}>
            去编辑并送审
          </Button>
        </span>
      ) : (
        text
      ),
    )
  }

  const ignore = async (gap: QaGap) => {
    try {
      done(await qaGapsApi.ignore(gap.id), '已忽略')
    } catch (e) {
      void message.error(errorMessage(e))
    }
  }

  const exportCsv = async () => {
    setExporting(true)
    try {
      await qaGapsApi.exportCsv(query, `问答缺口-${dayjs().format('YYYY-MM-DD')}.csv`)
    } catch (e) {
      void message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  const columns: TableProps<QaGap>['columns'] = [
    {
      title: '问法',
      key: 'wording',
      render: (_, gap) => {
        const others = gap.samples.filter((s) => s.wording !== gap.wording)
        return (
          <div>
            <Typography.Text strong>{gap.wording}</Typography.Text>
            {others.slice(0, SAMPLES_SHOWN).map((s) => (
              <div key={s.wording}>
                <Typography.Text type='secondary' style={{ fontSize: 12 }}>
                  {s.wording}（{s.count} 次）
                </Typography.Text>
              </div>
            ))}
            {others.length > SAMPLES_SHOWN && (
              <Typography.Text type='secondary' style={{ fontSize: 12 }}>
                另有 {others.length - SAMPLES_SHOWN} 种问法
              </Typography.Text>
            )}
          </div>
        )
      },
    },
    { title: '提问次数', dataIndex: 'count', key: 'count', width: 96, align: 'right' },
    { title: '来源', key: 'source', width: 96, render: (_, gap) => <GapSources gap={gap} /> },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, gap) => (
        <Space direction='vertical' size={2}>
          <Tag color={STATUS_COLORS[gap.status]}>{QA_GAP_STATUS_LABELS[gap.status]}</Tag>
          {gap.faq && (
            <Link to={`/faqs/${gap.faq.id}`} title={gap.faq.title} style={{ fontSize: 12 }}>
              问答：{EDITORIAL_STATUS_LABELS[gap.faq.status]}
              {gap.faq.live && gap.faq.status !== 'published' ? '（线上版本生效中）' : ''}
            </Link>
          )}
        </Space>
      ),
    },
    { title: '单位', key: 'org', width: 100, render: (_, gap) => gap.org.name },
    {
      title: '首次 / 最近提问',
      key: 'seen',
      width: 150,
      render: (_, gap) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {beijing(gap.firstSeen)}
          <br />
          {beijing(gap.lastSeen)}
        </Typography.Text>
      ),
    },
    ...(canAct
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 230,
            render: (_: unknown, gap: QaGap) =>
              gap.status === 'open' || gap.status === 'ignored' ? (
                <Space size={0} wrap>
                  <Button type='link' size='small' onClick={() => setDialog({ kind: 'faq', gap })}>
                    转为问答
                  </Button>
                  <Button type='link' size='small' onClick={() => setDialog({ kind: 'attach', gap })}>
                    并入已有问答
                  </Button>
                  {gap.status === 'open' && (
                    <Popconfirm
                      title='忽略这组问题？'
                      description='忽略后仍会计数，可在「已忽略」中找到'
                      okText='忽略'
                      cancelText='取消'
                      onConfirm={() => ignore(gap)}
                    >
                      <Button type='link' size='small' danger>
                        忽略
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : (
                <Typography.Text type='secondary'>{gap.handledBy ? `${gap.handledBy.name} 已处理` : '已处理'}</Typography.Text>
              ),
          },
        ]
      : []),
  ]

  const onTableChange: TableProps<QaGap>['onChange'] = (pagination) => update({ page: pagination.current, pageSize: pagination.pageSize }, true)

  return (
    <div>
      <PageHeader
        title='问答缺口'
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportCsv} loading={exporting}>
            导出 CSV
          </Button>
        }
      />
      <Typography.Paragraph type='secondary'>
        智能问答没能给出可靠答案的问题，按相似问法归组、按提问次数排序；手机号、身份证号和姓名已打码。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }} role='search' aria-label='筛选问答缺口'>
        <Input.Search
          aria-label='搜索问法'
          placeholder='搜索问法'
          allowClear
          defaultValue={query.q}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          aria-label='状态'
          placeholder='全部状态'
          allowClear
          value={query.status}
          onChange={(status) => update({ status })}
          options={QA_GAP_STATUSES.map((s) => ({ value: s, label: QA_GAP_STATUS_LABELS[s] }))}
          style={{ width: 140 }}
        />
        <DatePicker.RangePicker
          aria-label='最近提问日期'
          placeholder={['最近提问起', '最近提问止']}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          allowEmpty={[true, true]}
        />
      </Space>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<QaGap>
          rowKey='id'
          size='middle'
          columns={columns}
          dataSource={page?.items ?? []}
          loading={loading}
          onChange={onTableChange}
          locale={{ emptyText: query.q || query.status || query.from || query.to ? '没有符合条件的问答缺口' : '暂无问答缺口：居民的问题都得到了回答' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: page?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50],
            showTotal: (total) => `共 ${total} 组`,
          }}
        />
      )}
      {dialog?.kind === 'faq' && <ToFaqDialog gap={dialog.gap} onClose={() => setDialog(undefined)} onDone={(r) => done(r, '已创建问答草稿')} />}
      {dialog?.kind === 'attach' && (
        <AttachDialog gap={dialog.gap} onClose={() => setDialog(undefined)} onDone={(r) => done(r, '已并入问答，生成新版本草稿')} />
      )}
    </div>
  )
}
