import { CopyOutlined, HistoryOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Descriptions, Drawer, Input, List, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import type { BankImportResult, BankQuestion, BankQuestionInput, QuestionBank } from '@common/contract'
import { BANK_QUESTION_TYPE_LABELS, BANK_QUESTION_TYPES, EDITORIAL_ROLES } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { useCurrentUser } from '../editorial/current-user'
import { TopicSelect, useTopics } from '../editorial/form-support'
import { formatTime } from '../editorial/labels'
import { ImportDialog } from './import-dialog'
import { LockBadge } from './lock-badge'
import { QuestionForm } from './question-form'
import { bankApi } from './question-banks-api'

const PAGE_SIZE = 20
const STATUS_LABELS = { upcoming: '未开始', ongoing: '进行中', ended: '已结束' } as const

/** one bank: its versions (history, lock badges), the questions of a version with filters, import and edits */
export function BankDetailPage() {
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const { message, modal } = App.useApp()
  const user = useCurrentUser()
  const canEdit = user ? EDITORIAL_ROLES.edit.includes(user.role) : false
  const topics = useTopics()
  const topicName = (t: string) => topics.find((x) => x.id === t)?.name ?? t
  const loadBank = useCallback((signal: AbortSignal) => bankApi.get(id, signal), [id])
  const bank = useRequest<QuestionBank>(loadBank)
  const version = Number(params.get('version')) || bank.data?.version
  const query = useMemo(
    () => ({
      version,
      page: Number(params.get('page')) || 1,
      pageSize: PAGE_SIZE,
      q: params.get('q') || undefined,
      topic: params.get('topic') || undefined,
      type: (params.get('type') || undefined) as BankQuestion['type'] | undefined,
    }),
    [params, version],
  )
  const loadQuestions = useCallback((signal: AbortSignal) => (query.version ? bankApi.questions(id, query, signal) : Promise.resolve(undefined)), [id, query])
  const questions = useRequest(loadQuestions)
  const [editing, setEditing] = useState<{ question?: BankQuestion } | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>()
  const [saving, setSaving] = useState(false)
  const [importing, setImporting] = useState(false)
  const [history, setHistory] = useState(false)

  const update = (changes: Record<string, string | number | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k)
      else next.set(k, String(v))
    }
    if (!keepPage) next.delete('page')
    setParams(next)
  }

  const reloadAll = (newestVersion?: number) => {
    if (newestVersion) update({ version: undefined })
    bank.reload()
    questions.reload()
  }

  if (bank.error) {
    return (
      <>
        <PageHeader title='题库' parents={[{ title: '题库管理', to: '/question-banks' }]} />
        <ErrorState error={bank.error} onRetry={bank.reload} />
      </>
    )
  }
  const data = bank.data
  const current = data?.versions.find((v) => v.version === version)
  const isNewest = data !== undefined && version === data.version
  const lock = data?.lock ?? 'open'

  /** a write to the newest version: when it is locked or frozen, confirmed as a new version first */
  const confirmWrite = (what: string, run: (newVersion: boolean) => Promise<void>) => {
    if (lock === 'open') return void run(false)
    modal.confirm({
      title: '当前版本已被竞赛使用',
      content: `${what}将另存为第 ${(data?.version ?? 0) + 1} 版，正在使用的竞赛仍按原版本出题。确定继续吗？`,
      okText: '另存为新版本',
      cancelText: '取消',
      onOk: () => run(true),
    })
  }

  const save = (input: BankQuestionInput) =>
    confirmWrite('本次修改', async (newVersion) => {
      setSaving(true)
      setFieldErrors(undefined)
      try {
        const saved = editing?.question
          ? await bankApi.updateQuestion(id, editing.question.id, input, newVersion)
          : await bankApi.addQuestion(id, input, newVersion)
        setEditing(null)
        void message.success(saved.newVersion ? `已另存为第 ${saved.version} 版` : '已保存')
        reloadAll(saved.newVersion ? saved.version : undefined)
      } catch (e) {
        if (e instanceof ApiRequestError && e.fields) setFieldErrors(e.fields)
        else void message.error(errorMessage(e))
      } finally {
        setSaving(false)
      }
    })

  const remove = (q: BankQuestion) =>
    lock === 'open'
      ? modal.confirm({
          title: '删除题目',
          content: '确定删除这道题吗？',
          okText: '删除',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: async () => {
            try {
              await bankApi.deleteQuestion(id, q.id, false)
              void message.success('已删除')
              reloadAll()
            } catch (e) {
              void message.error(errorMessage(e))
            }
          },
        })
      : confirmWrite('删除', async (newVersion) => {
          try {
            const saved = await bankApi.deleteQuestion(id, q.id, newVersion)
            void message.success(`已另存为第 ${saved.version} 版`)
            reloadAll(saved.version)
          } catch (e) {
            void message.error(errorMessage(e))
          }
        })

  const saveAsNew = async () => {
    try {
      const next = await bankApi.newVersion(id, '另存为新版本')
      void message.success(`已另存为第 ${next.version} 版`)
      reloadAll(next.version)
    } catch (e) {
      void message.error(errorMessage(e))
    }
  }

  const imported = (result: BankImportResult) => {
    setImporting(false)
    void message.success(result.newVersion ? `已导入 ${result.created} 题，另存为第 ${result.version} 版` : `已导入 ${result.created} 题`)
    reloadAll(result.newVersion ? result.version : undefined)
  }

  const columns: TableProps<BankQuestion>['columns'] = [
    { title: '序号', dataIndex: 'position', width: 64 },
    { title: '题型', dataIndex: 'type', width: 70, render: (t: BankQuestion['type']) => BANK_QUESTION_TYPE_LABELS[t] },
    {
      title: '题干',
      dataIndex: 'stem',
      render: (stem: string, q) => (
        <>
          <Typography.Text>{stem}</Typography.Text>
          <div>
            {q.options.map((o) => (
              <Typography.Text key={o.key} type={q.answer.includes(o.key) ? 'success' : 'secondary'} style={{ marginRight: 12, fontSize: 12 }}>
                {o.key}. {o.text}
              </Typography.Text>
            ))}
          </div>
        </>
      ),
    },
    { title: '答案', dataIndex: 'answer', width: 70, render: (a: string[]) => a.join('') },
    { title: '主题', dataIndex: 'topic', width: 100, render: (t: string) => topicName(t) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_: unknown, q) =>
        canEdit && isNewest ? (
          <Space size={4}>
            <Button type='link' size='small' onClick={() => setEditing({ question: q })}>
              修改
            </Button>
            <Button type='link' size='small' danger onClick={() => remove(q)}>
              删除
            </Button>
          </Space>
        ) : (
          <Typography.Text type='secondary'>历史版本</Typography.Text>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title={data?.name ?? '题库'}
        parents={[{ title: '题库管理', to: '/question-banks' }]}
        extra={
          <Space wrap>
            <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} disabled={!data}>
              版本记录
            </Button>
            {canEdit ? (
              <>
                <Button icon={<CopyOutlined />} onClick={() => void saveAsNew()} disabled={!data}>
                  另存为新版本
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} disabled={!data}>
                  导入题目
                </Button>
                <Button type='primary' icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!data}>
                  新增题目
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      {data ? (
        <Descriptions size='small' column={4} style={{ marginBottom: 16 }}>
          <Descriptions.Item label='所属单位'>{data.orgName}</Descriptions.Item>
          <Descriptions.Item label='主题'>{topicName(data.topic)}</Descriptions.Item>
          <Descriptions.Item label='最新版本'>
            <Space size={4}>
              第 {data.version} 版 <LockBadge lock={data.lock} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label='题数'>{data.questionCount}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {lock !== 'open' && isNewest ? (
        <Typography.Paragraph type='warning'>
          该版本正被竞赛使用或已用于往期竞赛，不能直接修改；修改、删除或导入将另存为新版本，正在使用的竞赛仍按原版本出题。
        </Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label='查看版本'
          value={version}
          style={{ width: 200 }}
          onChange={(v: number) => update({ version: v === data?.version ? undefined : v })}
          options={(data?.versions ?? []).map((v) => ({
            value: v.version,
            label: `第 ${v.version} 版（${v.questionCount} 题）${v.version === data?.version ? ' · 最新' : ''}`,
          }))}
        />
        <Input.Search aria-label='搜索题干' placeholder='搜索题干' allowClear defaultValue={query.q} onSearch={(q) => update({ q })} style={{ width: 220 }} />
        <TopicSelect aria-label='按主题筛选' allowClear value={query.topic} onChange={(topic) => update({ topic })} />
        <Select
          aria-label='按题型筛选'
          allowClear
          placeholder='题型'
          style={{ width: 100 }}
          value={query.type}
          onChange={(type?: string) => update({ type })}
          options={BANK_QUESTION_TYPES.map((t) => ({ value: t, label: BANK_QUESTION_TYPE_LABELS[t] }))}
        />
        {current && !isNewest ? <Tag>历史版本，只读</Tag> : null}
      </Space>
      {questions.error ? (
        <ErrorState error={questions.error} onRetry={questions.reload} />
      ) : (
        <Table<BankQuestion>
          rowKey='id'
          size='middle'
          loading={questions.loading || bank.loading}
          columns={columns}
          dataSource={questions.data?.items ?? []}
          locale={{ emptyText: query.q || query.topic || query.type ? '没有符合条件的题目' : '该版本还没有题目，可新增或导入' }}
          pagination={{
            current: query.page,
            pageSize: PAGE_SIZE,
            total: questions.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 题`,
            onChange: (page) => update({ page }, true),
          }}
        />
      )}
      <QuestionForm
        open={editing !== null}
        question={editing?.question}
        defaultTopic={data?.topic ?? ''}
        saving={saving}
        fieldErrors={fieldErrors}
        onCancel={() => {
          setEditing(null)
          setFieldErrors(undefined)
        }}
        onSave={save}
      />
      {data ? <ImportDialog bankId={id} open={importing} lock={lock} onClose={() => setImporting(false)} onImported={imported} /> : null}
      <Drawer title='版本记录' width={560} open={history} onClose={() => setHistory(false)}>
        <List
          dataSource={data?.versions ?? []}
          renderItem={(v) => (
            <List.Item
              actions={[
                <Button
                  key='view'
                  type='link'
                  onClick={() => {
                    update({ version: v.version === data?.version ? undefined : v.version })
                    setHistory(false)
                  }}
                >
                  查看
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    第 {v.version} 版 <LockBadge lock={v.lock} />
                  </Space>
                }
                description={
                  <>
                    <div>
                      {formatTime(v.createdAt)} · {v.createdByName} · {v.note} · {v.questionCount} 题
                    </div>
                    {v.campaigns.map((c) => (
                      <div key={c.id}>
                        使用竞赛：<Link to={`/campaigns/${c.id}/edit`}>{c.title}</Link>（{STATUS_LABELS[c.status]}）
                      </div>
                    ))}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  )
}
