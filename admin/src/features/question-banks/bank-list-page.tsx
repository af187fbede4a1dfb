import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useCallback, useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { QuestionBankSummary } from '@common/contract'
import { BANK_LIMITS, EDITORIAL_ROLES } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { useCurrentUser } from '../editorial/current-user'
import { TopicSelect, useTopics } from '../editorial/form-support'
import { formatTime } from '../editorial/labels'
import { LockBadge } from './lock-badge'
import { bankApi } from './question-banks-api'

const PAGE_SIZE = 20

interface NewBank {
  name: string
  orgCode: string
  topic: string
}

/** 题库: the banks of the account's organisation and below, server-side paging and filters */
export function BankListPage() {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const topics = useTopics()
  const topicName = (id: string) => topics.find((t) => t.id === id)?.name ?? id
  const canEdit = user ? EDITORIAL_ROLES.edit.includes(user.role) : false
  const query = useMemo(
    () => ({ page: Number(params.get('page')) || 1, pageSize: PAGE_SIZE, q: params.get('q') || undefined, topic: params.get('topic') || undefined }),
    [params],
  )
  const load = useCallback((signal: AbortSignal) => bankApi.list(query, signal), [query])
  const { data, error, loading, reload } = useRequest(load)
  const [creating, setCreating] = useState(false)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<NewBank>()
  const createKey = useRef(crypto.randomUUID())

  const update = (changes: Record<string, string | number | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k)
      else next.set(k, String(v))
    }
    if (!keepPage) next.delete('page')
    setParams(next)
  }

  const create = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setSaving(true)
    try {
      const bank = await bankApi.create(values, createKey.current)
      createKey.current = crypto.randomUUID()
      setCreating(false)
      form.resetFields()
      void message.success('题库已创建')
      navigate(`/question-banks/${bank.id}`)
    } catch (e) {
      if (e instanceof ApiRequestError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name: name as keyof NewBank, errors: [msg] })))
      } else void message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const columns: TableProps<QuestionBankSummary>['columns'] = [
    { title: '题库名称', dataIndex: 'name', render: (name: string, b) => <Link to={`/question-banks/${b.id}`}>{name}</Link> },
    { title: '所属单位', dataIndex: 'orgName', width: 140 },
    { title: '主题', dataIndex: 'topic', width: 110, render: (t: string) => topicName(t) },
    { title: '最新版本', dataIndex: 'version', width: 90, render: (v: number) => `第 ${v} 版` },
    { title: '题数', dataIndex: 'questionCount', width: 70 },
    { title: '状态', dataIndex: 'lock', width: 90, render: (lock: QuestionBankSummary['lock']) => <LockBadge lock={lock} /> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (t: string) => formatTime(t) },
  ]

  return (
    <>
      <PageHeader
        title='题库管理'
        extra={
          canEdit ? (
            <Button type='primary' icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建题库
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label='搜索题库名称'
          placeholder='搜索题库名称'
          allowClear
          defaultValue={query.q}
          onSearch={(q) => update({ q })}
          style={{ width: 240 }}
        />
        <TopicSelect aria-label='按主题筛选' allowClear value={query.topic} onChange={(topic) => update({ topic })} />
      </Space>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<QuestionBankSummary>
          rowKey='id'
          size='middle'
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: query.q || query.topic ? '没有符合条件的题库' : '还没有题库，点击“新建题库”开始' }}
          pagination={{
            current: query.page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 个题库`,
            onChange: (page) => update({ page }, true),
          }}
        />
      )}
      <Modal
        title='新建题库'
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        okText='创建'
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout='vertical' initialValues={{ orgCode: user?.org.code }}>
          <Form.Item
            name='name'
            label='题库名称'
            rules={[
              { required: true, whitespace: true, message: '请填写题库名称' },
              { max: BANK_LIMITS.name, message: `题库名称不能超过 ${BANK_LIMITS.name} 个字` },
            ]}
          >
            <Input placeholder='如：2026 年医保政策题库' />
          </Form.Item>
          <Form.Item name='orgCode' label='所属单位' rules={[{ required: true, message: '请选择所属单位' }]}>
            <OrgTreeSelect allowClear={false} />
          </Form.Item>
          <Form.Item name='topic' label='主题' rules={[{ required: true, message: '请选择题库主题' }]}>
            <TopicSelect />
          </Form.Item>
        </Form>
        <Typography.Text type='secondary'>题库创建后可逐题录入，或下载模板批量导入。</Typography.Text>
      </Modal>
    </>
  )
}
