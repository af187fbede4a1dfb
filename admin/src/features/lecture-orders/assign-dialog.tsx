import { Alert, App, Empty, Input, Modal, Radio, Space, Spin, Tag, Typography } from 'antd'
import { useCallback, useRef, useState } from 'react'
import type { LecturerCandidate, LectureOrder } from '@common/contract'
import { api } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { useRequest } from '../../components/use-request'

export interface AssignDialogProps {
  order: LectureOrder
  onClose: () => void
  onAssigned: (order: LectureOrder) => void
}

/** 派单: the topic's lecturers of the dispatcher's organisation, free ones first, each with the days they are free */
export function AssignDialog({ order, onClose, onAssigned }: AssignDialogProps) {
  const { message } = App.useApp()
  const load = useCallback((signal: AbortSignal) => api.get<LecturerCandidate[]>(`/admin/lecture-orders/${order.id}/candidates`, undefined, signal), [order.id])
  const { data, error, loading, reload } = useRequest(load)
  const [picked, setPicked] = useState<string>()
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  // one key for this dialog's 派单: a retry after a lost answer does not dispatch twice
  const key = useRef(crypto.randomUUID())

  const submit = async () => {
    if (!picked) return
    setSaving(true)
    try {
      const next = await api.post<LectureOrder>(
        `/admin/lecture-orders/${order.id}/assign`,
        { lecturerId: picked, ...(note.trim() ? { note: note.trim() } : {}) },
        { idempotencyKey: key.current },
      )
      message.success(`已派给${next.lecturerName ?? '宣讲员'}`)
      onAssigned(next)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={`派单 · ${order.topicTitle}`}
      okText='确定派单'
      cancelText='取消'
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !picked, loading: saving }}
      width={640}
    >
      <Typography.Paragraph type='secondary'>
        {order.regionName} · 期望 {order.dateFrom} 至 {order.dateTo}
      </Typography.Paragraph>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Spin tip='正在查找可安排的宣讲员…'>
          <div style={{ height: 80 }} />
        </Spin>
      ) : !data || data.length === 0 ? (
        <Empty description='本单位没有可讲该专题的宣讲员，请先在「宣讲员」中为宣讲员添加该专题' />
      ) : (
        <Radio.Group value={picked} onChange={(e) => setPicked(e.target.value as string)} style={{ width: '100%' }}>
          <Space direction='vertical' style={{ width: '100%' }}>
            {data.map((c) => (
              <Radio key={c.id} value={c.id} disabled={!c.available} aria-label={c.name}>
                <Space direction='vertical' size={0}>
                  <span>
                    <strong>{c.name}</strong> <Typography.Text type='secondary'>{c.title}</Typography.Text>{' '}
                    {c.available ? <Tag color='green'>可安排 {c.freeDates.length} 天</Tag> : <Tag>不可安排</Tag>}
                  </span>
                  {c.freeDates.length > 0 ? (
                    <Typography.Text type='secondary'>
                      空闲：{c.freeDates.slice(0, 6).join('、')}
                      {c.freeDates.length > 6 ? ' 等' : ''}
                    </Typography.Text>
                  ) : null}
                  {c.notes.map((n) => (
                    <Typography.Text key={n} type={c.available ? 'warning' : 'secondary'}>
                      {n}
                    </Typography.Text>
                  ))}
                </Space>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      <Input.TextArea
        aria-label='派单说明'
        placeholder='派单说明（选填，宣讲员和点单人可见）'
        maxLength={200}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        style={{ marginTop: 16 }}
      />
      {data && data.every((c) => !c.available) && data.length > 0 ? (
        <Alert style={{ marginTop: 12 }} type='warning' showIcon message='点单时段内没有可安排的宣讲员，可与点单人协商调整时间或驳回' />
      ) : null}
    </Modal>
  )
}
