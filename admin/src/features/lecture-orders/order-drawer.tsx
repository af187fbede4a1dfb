import { App, Button, Descriptions, Drawer, Image, Input, Modal, Space, Spin, Tag, Timeline, Typography, Upload } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useRef, useState } from 'react'
import { lectureStatusLabel, type LectureOrder, type Role, timeOfDayLabel, UPLOAD_FIELD, UPLOAD_MAX_BYTES } from '@common/contract'
import { api, ApiRequestError } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { ROLE_LABELS } from '../../components/role-labels'
import { useRequest } from '../../components/use-request'
import { AssignDialog } from './assign-dialog'
import { STATUS_COLORS } from './labels'

export interface OrderDrawerProps {
  orderId: string
  role: Role
  onClose: () => void
  /** the list should load again (the order changed) */
  onChanged: () => void
}

async function uploadPhoto(file: File): Promise<string> {
  if (file.size > UPLOAD_MAX_BYTES) throw new Error(`照片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`)
  const form = new FormData()
  form.append(UPLOAD_FIELD, file)
  return (await api.post<{ url: string }>('/uploads', form)).url
}

/** one order: what was asked, its steps, the completion report with its photos; 派单 and 驳回 for the dispatcher */
export function OrderDrawer({ orderId, role, onClose, onChanged }: OrderDrawerProps) {
  const { message } = App.useApp()
  const load = useCallback((signal: AbortSignal) => api.get<LectureOrder>(`/admin/lecture-orders/${orderId}`, undefined, signal), [orderId])
  const { data: order, error, loading, reload } = useRequest(load)
  const [assigning, setAssigning] = useState(false)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const rejectKey = useRef(crypto.randomUUID())

  const changed = () => {
    reload()
    onChanged()
  }

  const reject = async () => {
    setBusy(true)
    try {
      await api.post(`/admin/lecture-orders/${orderId}/reject`, { reason: reason.trim() }, { idempotencyKey: rejectKey.current })
      message.success('已驳回')
      setRejecting(false)
      changed()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const addPhoto = async (file: File) => {
    setBusy(true)
    try {
      const url = await uploadPhoto(file)
      await api.post(`/admin/lecture-orders/${orderId}/photos`, { photos: [url] })
      message.success('已补充现场照片')
      changed()
    } catch (e) {
      message.error(e instanceof ApiRequestError || !(e instanceof Error) ? errorMessage(e) : e.message)
    } finally {
      setBusy(false)
    }
  }

  const canDispatch = role === 'dispatcher' && order?.actions.includes('dispatch')
  const canReject = role === 'dispatcher' && order?.actions.includes('reject')
  const canAddPhotos = (role === 'admin' || role === 'lecturer') && order?.report !== undefined

  return (
    <Drawer
      open
      width={620}
      title={order ? `点单详情 · ${order.topicTitle}` : '点单详情'}
      onClose={onClose}
      extra={
        <Space>
          {canReject ? <Button onClick={() => setRejecting(true)}>驳回</Button> : null}
          {canDispatch ? (
            <Button type='primary' onClick={() => setAssigning(true)}>
              {order?.lecturerId ? '改派' : '派单'}
            </Button>
          ) : null}
        </Space>
      }
    >
      {error && !order ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !order ? (
        <Spin tip='加载中…' spinning={loading}>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <>
          <Descriptions column={1} size='small' bordered>
            <Descriptions.Item label='状态'>
              <Tag color={STATUS_COLORS[order.status]}>{lectureStatusLabel[order.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label='村（社区）'>{order.regionName}</Descriptions.Item>
            <Descriptions.Item label='宣讲地点'>{order.placeName}</Descriptions.Item>
            <Descriptions.Item label='期望时间'>
              {order.dateFrom} 至 {order.dateTo} · {timeOfDayLabel[order.timeOfDay]}
            </Descriptions.Item>
            <Descriptions.Item label='形式与人数'>
              {order.format === 'online' ? '线上' : '现场'} · 约 {order.audienceSize} 人
            </Descriptions.Item>
            <Descriptions.Item label='联系人'>
              {order.contactName} {order.contactPhone}
            </Descriptions.Item>
            {order.notes ? <Descriptions.Item label='备注'>{order.notes}</Descriptions.Item> : null}
            <Descriptions.Item label='宣讲员'>{order.lecturerName ?? '未派单'}</Descriptions.Item>
            {order.schedule ? (
              <Descriptions.Item label='排期'>
                {order.schedule.date} {order.schedule.time} · {order.schedule.place}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {order.report ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                完成报告
              </Typography.Title>
              <Typography.Paragraph>
                到场 {order.report.attendance} 人，扫码签到 {order.report.signedIn} 人
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{order.report.summary}</Typography.Paragraph>
              {order.report.photos.length > 0 ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {order.report.photos.map((src, i) => (
                      <Image key={src} src={src} width={120} height={90} style={{ objectFit: 'cover' }} alt={`现场照片${i + 1}`} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : (
                <Typography.Text type='secondary'>暂无现场照片</Typography.Text>
              )}
              {canAddPhotos ? (
                <div style={{ marginTop: 12 }}>
                  <Upload
                    accept='image/jpeg,image/png,image/webp'
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void addPhoto(file)
                      return false
                    }}
                  >
                    <Button loading={busy}>补充现场照片</Button>
                  </Upload>
                </div>
              ) : null}
            </>
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            办理过程
          </Typography.Title>
          <Timeline
            items={order.timeline.map((e) => ({
              children: (
                <>
                  <div>
                    {lectureStatusLabel[e.status]} · {e.byName}（{ROLE_LABELS[e.byRole] ?? e.byRole}）
                  </div>
                  {e.note ? <Typography.Text type='secondary'>{e.note}</Typography.Text> : null}
                  <div>
                    <Typography.Text type='secondary'>{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                  </div>
                </>
              ),
            }))}
          />
        </>
      )}
      {assigning && order ? (
        <AssignDialog
          order={order}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false)
            changed()
          }}
        />
      ) : null}
      <Modal
        open={rejecting}
        title='驳回点单'
        okText='确定驳回'
        cancelText='取消'
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(false)}
      >
        <Input.TextArea
          aria-label='驳回原因'
          placeholder='请填写驳回原因，点单人可见'
          maxLength={200}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Drawer>
  )
}
