import { Button, DatePicker, Form, Input, Modal, Radio, Space, Tag, Tooltip, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { EditorialAction, EditorialItem, Role } from '@common/contract'
import { EDITORIAL_ACTION_LABELS } from '@common/contract'
import { allowedActions, canCheck } from './allowed-actions'
import type { TransitionBody } from './editorial-api'
import { StatusCell } from './status-cell'
import { formatTime } from './labels'

export interface WorkflowBarProps {
  item: EditorialItem
  role?: Role
  /** unsaved changes: an action would act on the saved version, not on what is on screen */
  dirty: boolean
  busy: boolean
  onAction: (action: EditorialAction, body: TransitionBody) => void
  onCheck: () => void
  onVersions: () => void
}

/** status, versions and the actions this status allows to this role (the server has the last word) */
export function WorkflowBar({ item, role, dirty, busy, onAction, onCheck, onVersions }: WorkflowBarProps) {
  const [modal, setModal] = useState<'reject' | 'publish' | 'withdraw'>()
  const actions = allowedActions(item.status, role, item.live)
  const revision = item.revision
  const blockedReason = dirty ? '请先保存修改' : undefined

  const run = (action: EditorialAction) => {
    if (action === 'reject' || action === 'publish' || action === 'withdraw') setModal(action)
    else onAction(action, { revision })
  }

  return (
    <div role='toolbar' aria-label='审核发布' style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', padding: '12px 0' }}>
      <StatusCell item={item} />
      <Typography.Text type='secondary'>
        工作版本 v{item.version}
        {item.publishedVersion ? ` · 线上版本 v${item.publishedVersion}` : ' · 尚未发布'}
      </Typography.Text>
      {item.status === 'scheduled' && item.scheduledAt && <Tag color='purple'>将于 {formatTime(item.scheduledAt)} 发布</Tag>}
      <Space style={{ marginLeft: 'auto' }} wrap>
        {canCheck(item.status, role) && (
          <Button onClick={onCheck} disabled={busy}>
            检查
          </Button>
        )}
        {actions.map((action) => (
          <Tooltip key={action} title={blockedReason}>
            <Button
              type={action === 'submit' || action === 'approve' || action === 'publish' ? 'primary' : 'default'}
              danger={action === 'reject' || action === 'withdraw'}
              disabled={busy || !!blockedReason}
              onClick={() => run(action)}
            >
              {EDITORIAL_ACTION_LABELS[action]}
            </Button>
          </Tooltip>
        ))}
        <Button onClick={onVersions}>版本记录</Button>
      </Space>
      {modal === 'reject' && (
        <RejectModal
          onCancel={() => setModal(undefined)}
          onOk={(reason) => {
            setModal(undefined)
            onAction('reject', { revision, reason })
          }}
        />
      )}
      {modal === 'publish' && (
        <PublishModal
          onCancel={() => setModal(undefined)}
          onOk={(at) => {
            setModal(undefined)
            onAction('publish', at ? { revision, at } : { revision })
          }}
        />
      )}
      {modal === 'withdraw' && (
        <Modal
          open
          title={item.status === 'scheduled' ? '取消定时发布？' : '撤回已发布的内容？'}
          okText='撤回'
          okButtonProps={{ danger: true }}
          cancelText='取消'
          onCancel={() => setModal(undefined)}
          onOk={() => {
            setModal(undefined)
            onAction('withdraw', { revision })
          }}
        >
          {item.status === 'scheduled' ? '撤回后不再定时发布，内容回到「审核通过」。' : '撤回后居民将看不到这条内容。'}
        </Modal>
      )}
    </div>
  )
}

function RejectModal({ onOk, onCancel }: { onOk: (reason: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ reason: string }>()
  return (
    <Modal
      open
      title='退回'
      okText='退回'
      okButtonProps={{ danger: true }}
      cancelText='取消'
      onCancel={onCancel}
      onOk={() =>
        form
          .validateFields()
          .then((v) => onOk(v.reason.trim()))
          .catch(() => undefined)
      }
    >
      <Form form={form} layout='vertical'>
        <Form.Item
          name='reason'
          label='退回理由'
          rules={[
            { required: true, whitespace: true, message: '请填写退回理由' },
            { max: 500, message: '退回理由不能超过 500 字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} placeholder='写明需要修改的地方，编辑会看到' />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function PublishModal({ onOk, onCancel }: { onOk: (at?: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ when: 'now' | 'later'; at?: Dayjs }>()
  const when = Form.useWatch('when', form)
  return (
    <Modal
      open
      title='发布'
      okText='发布'
      cancelText='取消'
      onCancel={onCancel}
      // a refusal of validateFields is shown on the fields
      onOk={() =>
        form
          .validateFields()
          .then((v) => onOk(v.when === 'later' && v.at ? v.at.toISOString() : undefined))
          .catch(() => undefined)
      }
    >
      <Form form={form} layout='vertical' initialValues={{ when: 'now' }}>
        <Form.Item name='when' label='发布方式'>
          <Radio.Group>
            <Radio value='now'>立即发布</Radio>
            <Radio value='later'>定时发布</Radio>
          </Radio.Group>
        </Form.Item>
        {when === 'later' && (
          <Form.Item
            name='at'
            label='发布时间'
            rules={[
              { required: true, message: '请选择发布时间' },
              { validator: (_, at?: Dayjs) => (!at || at.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error('定时发布的时间须晚于现在'))) },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format='YYYY-MM-DD HH:mm' disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
