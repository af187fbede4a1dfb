import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeskTopic, DeskTopicInput, Page, Topic } from '@common/contract'
import { api } from '../../api/client'
import { errorMessage } from '../../components/error-state'
import { findOrg, useOrgs } from '../../components/org-store'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { FilterBar, PagedTable, usePagedList } from '../../components/paged-list'
import { useRequest } from '../../components/use-request'

interface TopicForm extends Omit<DeskTopicInput, 'policyIds'> {
  policyIds: string[]
}

function TopicDialog({ topic, defaultOrg, onClose, onSaved }: { topic?: DeskTopic; defaultOrg?: string; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<TopicForm>()
  const [saving, setSaving] = useState(false)
  const key = useRef(crypto.randomUUID())
  const loadTopics = useCallback((signal: AbortSignal) => api.get<Topic[]>('/topics', undefined, signal), [])
  const policyTopics = useRequest(loadTopics)

  const save = async (values: TopicForm) => {
    setSaving(true)
    try {
      const body: DeskTopicInput = {
        ...values,
        title: values.title.trim(),
        summary: values.summary.trim(),
        department: values.department.trim(),
        policyIds: values.policyIds ?? [],
      }
      if (topic) await api.put(`/admin/lecture-topics/${topic.id}`, body)
      else await api.post('/admin/lecture-topics', body, { idempotencyKey: key.current })
      message.success('已保存')
      onSaved()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      width={680}
      title={topic ? `编辑专题 · ${topic.title}` : '新增宣讲专题'}
      okText='保存'
      cancelText='取消'
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: saving }}
    >
      <Form<TopicForm>
        form={form}
        layout='vertical'
        onFinish={(v) => void save(v)}
        initialValues={
          topic
            ? { ...topic }
            : {
                title: '',
                summary: '',
                department: '',
                topic: undefined,
                durationMin: 60,
                formats: ['onsite'],
                policyIds: [],
                orgCode: defaultOrg,
                active: true,
              }
        }
      >
        <Form.Item name='title' label='专题名称' rules={[{ required: true, whitespace: true, message: '请填写专题名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name='summary' label='专题简介' rules={[{ required: true, whitespace: true, message: '请填写专题简介' }]}>
          <Input.TextArea maxLength={500} showCount rows={3} />
        </Form.Item>
        <Form.Item name='department' label='主讲单位' rules={[{ required: true, whitespace: true, message: '请填写主讲单位' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name='topic' label='政策主题' rules={[{ required: true, message: '请选择政策主题' }]}>
            <Select
              aria-label='政策主题'
              style={{ width: 180 }}
              loading={policyTopics.loading}
              options={(policyTopics.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            />
          </Form.Item>
          <Form.Item name='durationMin' label='时长（分钟）' rules={[{ required: true, message: '请填写时长' }]}>
            <InputNumber min={15} max={240} step={15} />
          </Form.Item>
          <Form.Item name='formats' label='宣讲形式' rules={[{ required: true, message: '请至少选择一种宣讲形式' }]}>
            <Checkbox.Group
              options={[
                { value: 'onsite', label: '现场' },
                { value: 'online', label: '线上' },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name='policyIds' label='关联政策（填写政策编号）'>
          <Select mode='tags' aria-label='关联政策' placeholder='如 p001，回车添加' tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name='orgCode' label='维护单位' rules={[{ required: true, message: '请选择维护单位' }]}>
            <OrgTreeSelect aria-label='维护单位' allowClear={false} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name='active' label='在宣讲菜单上架' valuePropName='checked'>
            <Switch checkedChildren='上架' unCheckedChildren='下架' />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  )
}

/** 宣讲专题: the menu residents order from; admins add, edit and take topics off it */
export function LectureTopicsPage() {
  const user = useSession((s) => s.user)
  const isAdmin = user?.role === 'admin'
  const [form] = Form.useForm<{ q?: string; active?: string }>()
  const [editing, setEditing] = useState<DeskTopic | 'new'>()
  const { tree, load: loadOrgs } = useOrgs()
  useEffect(() => {
    void loadOrgs()
  }, [loadOrgs])
  const list = usePagedList<{ q?: string; active?: string }, Page<DeskTopic>>((query, signal) =>
    api.get<Page<DeskTopic>>('/admin/lecture-topics', { ...query }, signal),
  )

  const columns: ColumnsType<DeskTopic> = [
    { title: '专题名称', dataIndex: 'title', ellipsis: true },
    { title: '主讲单位', dataIndex: 'department', ellipsis: true },
    { title: '时长', dataIndex: 'durationMin', width: 80, render: (m: number) => `${m} 分钟` },
    { title: '宣讲员', dataIndex: 'lecturers', ellipsis: true, render: (ls: DeskTopic['lecturers']) => (ls.length ? ls.map((l) => l.name).join('、') : '—') },
    { title: '维护单位', dataIndex: 'orgCode', width: 110, render: (code: string) => findOrg(tree, code)?.name ?? code },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color='green'>上架</Tag> : <Tag>下架</Tag>) },
    ...(isAdmin
      ? [
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_: unknown, t: DeskTopic) => (
              <Button type='link' onClick={() => setEditing(t)} aria-label={`编辑 ${t.title}`}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title='宣讲专题'
        extra={
          isAdmin ? (
            <Button type='primary' onClick={() => setEditing('new')}>
              新增专题
            </Button>
          ) : null
        }
      />
      <FilterBar form={form} onApply={(v) => list.applyFilters({ q: v.q?.trim() || undefined, active: v.active || undefined })} reset={false}>
        <Form.Item name='q' label='搜索'>
          <Input placeholder='专题名称或简介' allowClear maxLength={50} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name='active' label='状态'>
          <Select
            allowClear
            placeholder='全部'
            style={{ width: 110 }}
            options={[
              { value: 'true', label: '上架' },
              { value: 'false', label: '下架' },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <PagedTable list={list} unit='个' columns={columns} emptyText='没有符合条件的宣讲专题' />
      {editing ? (
        <TopicDialog
          topic={editing === 'new' ? undefined : editing}
          defaultOrg={user?.org?.code}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined)
            list.reload()
          }}
        />
      ) : null}
    </>
  )
}
