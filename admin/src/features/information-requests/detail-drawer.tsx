import { App, Button, Descriptions, Divider, Drawer, Form, Input, InputNumber, Result, Select, Space, Spin, Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import {
  FOIA_ACTION_LABELS,
  FOIA_APPLICANT_LABELS,
  FOIA_CHANNEL_LABELS,
  FOIA_DELIVERY_LABELS,
  FOIA_EVENT_LABELS,
  FOIA_FORMAT_LABELS,
  FOIA_ID_TYPE_LABELS,
  FOIA_NOTE_MAX,
  FOIA_REFUSAL_GROUNDS,
  FOIA_REPLY_LABELS,
  FOIA_REPLY_TYPES,
  FOIA_STATUS_LABELS,
  FOIA_TEXT_MAX,
  type FoiaAction,
  type FoiaReply,
  type FoiaReplyType,
  type InformationRequestDetail,
} from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { errorMessage, ErrorState } from '../../components/error-state'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'
import { DaysLeft } from './days-left'
import { type ActionBody, foiaApi } from './foia-api'
import { FOIA_OFFICERS } from './roles'
import { FOIA_STATUS_COLORS } from './status-colors'

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

interface StepForm {
  note?: string
  approver?: string
  type?: FoiaReplyType
  ground?: string
  holder?: string
  text?: string
  pages?: number
}

function ReplyView({ reply, title }: { reply: FoiaReply; title: string }) {
  return (
    <Descriptions size='small' column={1} bordered title={title} style={{ marginTop: 16 }}>
      <Descriptions.Item label='答复类型'>{reply.typeLabel}</Descriptions.Item>
      {reply.ground ? <Descriptions.Item label='法律依据'>{reply.ground}</Descriptions.Item> : null}
      {reply.holder ? <Descriptions.Item label='掌握信息的机关'>{reply.holder}</Descriptions.Item> : null}
      <Descriptions.Item label='正文'>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{reply.text || '—'}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label='信息处理费'>{reply.fee ? `${reply.fee.amount} 元（${reply.fee.basis}）` : '不收费'}</Descriptions.Item>
      {reply.repliedAt ? <Descriptions.Item label='答复时间'>{when(reply.repliedAt)}</Descriptions.Item> : null}
    </Descriptions>
  )
}

/** the steps the server allows now, each with the input it needs */
function StepForms({ data, onStep }: { data: InformationRequestDetail; onStep: (action: FoiaAction, body: ActionBody) => Promise<boolean> }) {
  const [form] = Form.useForm<StepForm>()
  const [current, setCurrent] = useState<FoiaAction>()
  const type = Form.useWatch('type', form)
  useEffect(() => {
    form.resetFields()
    setCurrent(undefined)
  }, [data.id, data.status, form])
  if (data.actions.length === 0) return null

  const needsInput = (a: FoiaAction) => ['request_correction', 'extend', 'submit_review', 'return', 'correct'].includes(a)
  const submit = async (action: FoiaAction, v: StepForm) => {
    const body: ActionBody = {
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(v.approver?.trim() ? { approver: v.approver.trim() } : {}),
      ...(action === 'submit_review' && v.type
        ? {
            reply: {
              type: v.type,
              text: v.text?.trim() ?? '',
              ...(v.ground ? { ground: v.ground } : {}),
              ...(v.holder?.trim() ? { holder: v.holder.trim() } : {}),
              ...(typeof v.pages === 'number' ? { pages: v.pages } : {}),
            },
          }
        : {}),
    }
    if (await onStep(action, body)) setCurrent(undefined)
  }
  const replyTypes = data.status === 'correction' ? (['no_correction'] as FoiaReplyType[]) : FOIA_REPLY_TYPES.filter((t) => t !== 'no_correction')

  return (
    <>
      <Divider orientation='left'>办理</Divider>
      <Space wrap>
        {data.actions.map((a) =>
          needsInput(a) ? (
            <Button key={a} type={current === a ? 'primary' : 'default'} onClick={() => setCurrent(a)} data-testid={`foia-open-${a}`}>
              {FOIA_ACTION_LABELS[a]}
            </Button>
          ) : (
            <Button key={a} type='primary' ghost={a !== 'reply'} onClick={() => void submit(a, {})} data-testid={`foia-do-${a}`}>
              {FOIA_ACTION_LABELS[a]}
            </Button>
          ),
        )}
      </Space>
      {current ? (
        <Form form={form} layout='vertical' style={{ marginTop: 16 }} onFinish={(v) => void submit(current, v)}>
          {current === 'extend' ? (
            <Form.Item name='approver' label='延期批准人' rules={[{ required: true, whitespace: true, message: '请填写延期批准人' }]}>
              <Input maxLength={100} placeholder='批准延期的负责人' />
            </Form.Item>
          ) : null}
          {current === 'submit_review' ? (
            <>
              <Form.Item name='type' label='答复类型' rules={[{ required: true, message: '请选择答复类型' }]}>
                <Select options={replyTypes.map((t) => ({ value: t, label: FOIA_REPLY_LABELS[t] }))} placeholder='选择答复类型' aria-label='答复类型' />
              </Form.Item>
              {type === 'refused' || type === 'partial' ? (
                <Form.Item name='ground' label='不予公开的法律依据' rules={[{ required: true, message: '不予公开须写明法律依据' }]}>
                  <Select options={FOIA_REFUSAL_GROUNDS.map((g) => ({ value: g, label: g }))} placeholder='选择法律依据' aria-label='法律依据' />
                </Form.Item>
              ) : null}
              {type === 'not_held' ? (
                <Form.Item name='holder' label='掌握该信息的机关' rules={[{ required: true, whitespace: true, message: '请填写掌握该信息的机关' }]}>
                  <Input maxLength={100} />
                </Form.Item>
              ) : null}
              <Form.Item name='text' label='答复正文（模板之外的说明）' rules={[{ max: FOIA_TEXT_MAX, message: `最多${FOIA_TEXT_MAX}字` }]}>
                <Input.TextArea rows={4} showCount maxLength={FOIA_TEXT_MAX} />
              </Form.Item>
              <Form.Item name='pages' label='提供信息的页数' extra='超过 30 页或申请人本月申请超过 10 件时，按《政府信息公开信息处理费管理办法》计收信息处理费'>
                <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
              </Form.Item>
            </>
          ) : null}
          {current !== 'submit_review' ? (
            <Form.Item
              name='note'
              label={current === 'request_correction' ? '补正要求' : current === 'extend' ? '延期理由' : current === 'return' ? '退回理由' : '说明'}
              rules={[
                { required: current !== 'correct', whitespace: true, message: '请填写' },
                { max: FOIA_NOTE_MAX, message: `最多${FOIA_NOTE_MAX}字` },
              ]}
            >
              <Input.TextArea rows={3} showCount maxLength={FOIA_NOTE_MAX} />
            </Form.Item>
          ) : null}
          <Space>
            <Button type='primary' htmlType='submit' data-testid='foia-submit-step'>
              确认{FOIA_ACTION_LABELS[current]}
            </Button>
            <Button onClick={() => setCurrent(undefined)}>取消</Button>
          </Space>
        </Form>
      ) : null}
    </>
  )
}

export function DetailDrawer({ id, onClose, onChanged }: { id?: string; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp()
  const role = useSession((s) => s.user?.role)
  const [keys, setKeys] = useState<Record<string, string>>({})
  const load = useCallback((signal: AbortSignal) => (id ? foiaApi.detail(id, signal) : Promise.resolve(undefined)), [id])
  const { data, error, reload } = useRequest<InformationRequestDetail | undefined>(load)

  useEffect(() => setKeys({}), [id])

  const onStep = async (action: FoiaAction, body: ActionBody) => {
    if (!data) return false
    // one key per step and state: a retry after a lost answer takes the step once
    const k = `${action}|${data.status}`
    const key = keys[k] ?? crypto.randomUUID()
    setKeys((m) => ({ ...m, [k]: key }))
    try {
      await foiaApi.step(data.id, action, body, key)
      message.success(`已${FOIA_ACTION_LABELS[action]}`)
      reload()
      onChanged()
      return true
    } catch (e) {
      message.error(errorMessage(e))
      return false
    }
  }

  const disclose = async () => {
    if (!data) return
    try {
      await foiaApi.disclose(data.id)
      message.success('已生成主动公开草稿，请到「简明问答」中编辑后送审')
      reload()
    } catch (e) {
      message.error(errorMessage(e))
    }
  }

  const download = async () => {
    if (!data) return
    try {
      await foiaApi.pdf(data.id, data.number)
    } catch (e) {
      message.error(errorMessage(e))
    }
  }

  const body = () => {
    if (error && !data)
      return error instanceof ApiRequestError && error.status === 404 ? (
        <Result status='404' title='找不到该申请' />
      ) : (
        <ErrorState error={error} onRetry={reload} />
      )
    if (!data) return <Spin tip='加载中…'>{<div style={{ height: 120 }} />}</Spin>
    const answered = data.status === 'answered' || data.status === 'closed'
    const canDisclose =
      answered && !!role && FOIA_OFFICERS.includes(role) && !data.disclosureItemId && (data.reply?.type === 'full' || data.reply?.type === 'partial')
    return (
      <>
        <Space style={{ marginBottom: 12 }} wrap>
          <Tag color={FOIA_STATUS_COLORS[data.status]}>{FOIA_STATUS_LABELS[data.status]}</Tag>
          <DaysLeft r={data} />
          {data.extended ? <Tag color='purple'>已延期</Tag> : null}
          {answered ? (
            <Button size='small' onClick={() => void download()} data-testid='foia-pdf'>
              下载答复书 PDF
            </Button>
          ) : null}
          {canDisclose ? (
            <Button size='small' onClick={() => void disclose()}>
              转为主动公开
            </Button>
          ) : null}
          {data.disclosureItemId ? <Tag color='green'>已转主动公开草稿</Tag> : null}
        </Space>
        <Descriptions size='small' column={2} bordered>
          <Descriptions.Item label='申请编号'>{data.number}</Descriptions.Item>
          <Descriptions.Item label='申请方式'>{FOIA_CHANNEL_LABELS[data.channel]}</Descriptions.Item>
          <Descriptions.Item label='申请人'>
            {data.name}（{FOIA_APPLICANT_LABELS[data.applicantType]}）
          </Descriptions.Item>
          <Descriptions.Item label={FOIA_ID_TYPE_LABELS[data.idType]}>{data.idNumber ?? data.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label='联系电话'>{data.phone ?? data.phoneMasked}</Descriptions.Item>
          <Descriptions.Item label='电子邮箱'>{data.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label='通讯地址' span={2}>
            {data.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label='所需信息' span={2}>
            {data.infoTitle}
            {data.docNumber ? `（${data.docNumber}）` : ''}
          </Descriptions.Item>
          {data.description ? (
            <Descriptions.Item label='信息描述' span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.description}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label='受理机关'>{data.orgName}</Descriptions.Item>
          <Descriptions.Item label='载体 / 获取方式'>
            {FOIA_FORMAT_LABELS[data.format]} / {FOIA_DELIVERY_LABELS[data.delivery]}
          </Descriptions.Item>
          <Descriptions.Item label='期限起算日'>{data.receivedOn}</Descriptions.Item>
          <Descriptions.Item label='答复期限'>{data.dueDate ?? '待补正，计时暂停'}</Descriptions.Item>
          {data.extension ? (
            <Descriptions.Item label='延期' span={2}>
              批准人：{data.extension.approver}；理由：{data.extension.reason}
            </Descriptions.Item>
          ) : null}
          {data.correctionNote ? (
            <Descriptions.Item label='补正要求' span={2}>
              {data.correctionNote}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {data.draft ? <ReplyView reply={data.draft} title='拟答复（待审核/待发出）' /> : null}
        {data.reply ? <ReplyView reply={data.reply} title='答复' /> : null}
        <StepForms data={data} onStep={onStep} />
        <Divider orientation='left'>办理过程</Divider>
        <Timeline
          items={data.timeline.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{FOIA_EVENT_LABELS[e.kind]}</Typography.Text> · {e.actorName} · {when(e.at)}
                {e.note ? <div style={{ color: '#666', whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
              </>
            ),
          }))}
        />
      </>
    )
  }

  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={data ? `申请 ${data.number}` : '申请详情'} destroyOnHidden>
      {body()}
    </Drawer>
  )
}
