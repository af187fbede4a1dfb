import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Result, Select, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  CONSULTATION_REPLY_MAX,
  DESK_EVENT_LABELS,
  DESK_REASON_MAX,
  DESK_STATUS_LABELS,
  type DeskConsultationDetail,
  type DeskResponder,
  type Role,
} from '@common/contract'
import { errorMessage, ErrorState } from '../../components/error-state'
import { findOrg, useOrgs } from '../../components/org-store'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { deskApi } from './consultations-api'
import { STATUS_COLORS } from './status-colors'

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')
const HANDLERS: readonly Role[] = ['responder', 'admin']
const REVIEWERS: readonly Role[] = ['reviewer', 'admin']

/** a department of an organisation of the tree: the organisation, then one of its departments */
function DepartmentPicker({
  value,
  onChange,
}: {
  value?: { orgCode?: string; department?: string }
  onChange?: (v: { orgCode?: string; department?: string }) => void
}) {
  const tree = useOrgs((s) => s.tree)
  const departments = findOrg(tree, value?.orgCode)?.departments ?? []
  return (
    <Space.Compact style={{ width: '100%' }}>
      <OrgTreeSelect value={value?.orgCode} onChange={(orgCode) => onChange?.({ orgCode })} style={{ width: '45%' }} aria-label='单位' />
      <Select
        aria-label='部门'
        placeholder='选择部门'
        value={value?.department}
        onChange={(department: string) => onChange?.({ ...value, department })}
        options={departments.map((d) => ({ value: d, label: d }))}
        style={{ width: '55%' }}
        notFoundContent='该单位没有部门'
      />
    </Space.Compact>
  )
}

type Target = { orgCode?: string; department?: string }

export function DetailDrawer({ id, onClose, onChanged }: { id?: string; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp()
  const role = useSession((s) => s.user?.role)
  const [replyKey, setReplyKey] = useState(() => crypto.randomUUID())
  const [busy, setBusy] = useState<string>()
  const [responders, setResponders] = useState<DeskResponder[]>([])
  const [replyForm] = Form.useForm<{ text: string }>()
  const [assignForm] = Form.useForm<{ assigneeId?: string; target?: Target }>()
  const [transferForm] = Form.useForm<{ target?: Target; reason: string }>()
  const [returnForm] = Form.useForm<{ reason: string }>()
  const load = useCallback((signal: AbortSignal) => (id ? deskApi.detail(id, signal) : Promise.resolve(undefined)), [id])
  const { data, error, loading, reload } = useRequest<DeskConsultationDetail | undefined>(load)

  useEffect(() => {
    if (!id) return
    setReplyKey(crypto.randomUUID())
    if (role && HANDLERS.includes(role)) deskApi.responders().then(setResponders, () => setResponders([]))
  }, [id, role])

  const act = async (label: string, run: () => Promise<unknown>, done: string) => {
    setBusy(label)
    try {
      await run()
      message.success(done)
      reload()
      onChanged()
      return true
    } catch (e) {
      message.error(errorMessage(e))
      return false
    } finally {
      setBusy(undefined)
    }
  }

  const canHandle = !!role && HANDLERS.includes(role)
  const canReview = !!role && REVIEWERS.includes(role)
  const open = data && data.status !== 'answered'
  const responderOptions = useMemo(() => responders.map((r) => ({ value: r.id, label: `${r.name}${r.department ? `（${r.department}）` : ''}` })), [responders])

  const body = () => {
    if (error && !data) return <ErrorState error={error} onRetry={reload} />
    if (!data) return <Spin tip='加载中…'>{<div style={{ height: 120 }} />}</Spin>
    const tabs = []
    if (open && canHandle && data.status !== 'in_review') {
      tabs.push({
        key: 'reply',
        label: '答复',
        children: (
          <Form
            form={replyForm}
            preserve={false}
            layout='vertical'
            onFinish={(v) => void act('reply', () => deskApi.reply(data.id, v.text.trim(), replyKey), data.reviewRequired ? '答复已提交审核' : '答复已发布')}
          >
            {data.reviewRequired ? <Alert type='info' showIcon message='本单位的答复须经审核后才对居民可见' style={{ marginBottom: 12 }} /> : null}
            <Form.Item
              name='text'
              label='答复内容'
              rules={[
                { required: true, whitespace: true, message: '请填写答复内容' },
                { max: CONSULTATION_REPLY_MAX, message: `答复最多${CONSULTATION_REPLY_MAX}字` },
              ]}
            >
              <Input.TextArea rows={5} showCount maxLength={CONSULTATION_REPLY_MAX} />
            </Form.Item>
            <Button type='primary' htmlType='submit' loading={busy === 'reply'}>
              {data.reviewRequired ? '提交审核' : '发布答复'}
            </Button>
          </Form>
        ),
      })
      tabs.push({
        key: 'assign',
        label: '指派',
        children: (
          <Form
            form={assignForm}
            preserve={false}
            layout='vertical'
            onFinish={(v) => {
              const input = v.assigneeId ? { assigneeId: v.assigneeId } : { orgCode: v.target?.orgCode, department: v.target?.department }
              if (!input.assigneeId && !(input.orgCode && input.department)) {
                message.error('请选择答复员或部门')
                return
              }
              void act('assign', () => deskApi.assign(data.id, input), '已指派').then((ok) => ok && assignForm.resetFields())
            }}
          >
            <Form.Item name='assigneeId' label='答复员'>
              <Select allowClear showSearch optionFilterProp='label' placeholder='选择本单位的答复员' options={responderOptions} aria-label='答复员' />
            </Form.Item>
            <Form.Item name='target' label='或指派到本单位的部门'>
              <DepartmentPicker />
            </Form.Item>
            <Button type='primary' htmlType='submit' loading={busy === 'assign'}>
              指派
            </Button>
          </Form>
        ),
      })
      tabs.push({
        key: 'transfer',
        label: '转办',
        children: (
          <Form
            form={transferForm}
            preserve={false}
            layout='vertical'
            onFinish={(v) =>
              void act(
                'transfer',
                () => deskApi.transfer(data.id, { orgCode: v.target?.orgCode ?? '', department: v.target?.department ?? '', reason: v.reason.trim() }),
                '已转办',
              ).then((ok) => ok && transferForm.resetFields())
            }
          >
            <Form.Item
              name='target'
              label='转至部门'
              rules={[{ validator: (_, t?: Target) => (t?.orgCode && t.department ? Promise.resolve() : Promise.reject(new Error('请选择单位和部门'))) }]}
            >
              <DepartmentPicker />
            </Form.Item>
            <Form.Item
              name='reason'
              label='转办原因'
              rules={[
                { required: true, whitespace: true, message: '请填写转办原因' },
                { max: DESK_REASON_MAX, message: `原因最多${DESK_REASON_MAX}字` },
              ]}
            >
              <Input.TextArea rows={2} maxLength={DESK_REASON_MAX} />
            </Form.Item>
            <Button htmlType='submit' loading={busy === 'transfer'}>
              转办
            </Button>
          </Form>
        ),
      })
    }
    if (data.status === 'in_review' && canReview) {
      tabs.push({
        key: 'review',
        label: '审核',
        children: (
          <Form
            form={returnForm}
            preserve={false}
            layout='vertical'
            onFinish={(v) => void act('return', () => deskApi.returnReply(data.id, v.reason.trim()), '已退回')}
          >
            <Flex gap={8} style={{ marginBottom: 16 }}>
              <Button type='primary' loading={busy === 'approve'} onClick={() => void act('approve', () => deskApi.approve(data.id), '审核通过，答复已发布')}>
                通过并发布
              </Button>
            </Flex>
            <Form.Item
              name='reason'
              label='退回原因'
              rules={[
                { required: true, whitespace: true, message: '请填写退回原因' },
                { max: DESK_REASON_MAX, message: `原因最多${DESK_REASON_MAX}字` },
              ]}
            >
              <Input.TextArea rows={2} maxLength={DESK_REASON_MAX} />
            </Form.Item>
            <Button danger htmlType='submit' loading={busy === 'return'}>
              退回
            </Button>
          </Form>
        ),
      })
    }
    return (
      <>
        <Descriptions column={2} size='small' bordered>
          <Descriptions.Item label='状态'>
            <Tag color={STATUS_COLORS[data.status]}>{DESK_STATUS_LABELS[data.status]}</Tag>
            {data.overdue ? <Tag color='red'>超期</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label='答复期限'>{data.dueDate}（3个工作日）</Descriptions.Item>
          <Descriptions.Item label='主题'>{data.topicName}</Descriptions.Item>
          <Descriptions.Item label='地区'>{data.regionName}</Descriptions.Item>
          <Descriptions.Item label='提交时间'>{when(data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label='联系电话'>{data.phoneMasked ?? '未留'}</Descriptions.Item>
          <Descriptions.Item label='承办部门' span={2}>
            {data.department.name}（{data.department.orgName}）{data.assignee ? ` · 答复人：${data.assignee.name}` : ''}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          居民的问题
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid='question'>
          {data.question}
        </Typography.Paragraph>
        {data.reply ? (
          <Alert
            type='success'
            message={`${data.reply.department} 于 ${when(data.reply.repliedAt)} 答复`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{data.reply.text}</span>}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {data.draft ? (
          <Alert
            type='warning'
            message={`待审核的答复（${data.draft.byName}，${when(data.draft.at)}）`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{data.draft.text}</span>}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {/* one consultation's forms start empty: drawn anew for each (key), their fields' values dropped as they go (preserve={false}) */}
        {tabs.length > 0 ? <Tabs key={data.id} items={tabs} /> : null}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          办理记录
        </Typography.Title>
        <Timeline
          items={data.timeline.map((e) => ({
            children: (
              <>
                <div>
                  {DESK_EVENT_LABELS[e.kind]} · {e.actorName}
                </div>
                {e.note ? <Typography.Text type='secondary'>{e.note}</Typography.Text> : null}
                <div>
                  <Typography.Text type='secondary'>{when(e.at)}</Typography.Text>
                </div>
              </>
            ),
          }))}
        />
      </>
    )
  }

  return (
    <Drawer title='咨询详情' width={640} open={!!id} onClose={onClose} destroyOnHidden>
      {loading && !data ? (
        <Spin tip='加载中…'>
          <div style={{ height: 120 }} />
        </Spin>
      ) : !id ? (
        <Result status='info' title='请选择一条咨询' />
      ) : (
        body()
      )}
    </Drawer>
  )
}
