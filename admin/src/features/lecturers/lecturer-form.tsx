import { App, Checkbox, DatePicker, Form, Input, Modal, Select, Switch } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useRef, useState } from 'react'
import { type DeskLecturer, type DeskLecturerInput, type DeskTopic, type Page, timeOfDayLabel } from '@common/contract'
import { api } from '../../api/client'
import { errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { useRequest } from '../../components/use-request'
import { PARTS, slotKey, slotOf, WEEKDAYS } from './slots'

interface FormValues {
  name: string
  title: string
  orgCode: string
  topicIds: string[]
  slots: string[]
  blockedDates: Dayjs[]
  active: boolean
}

export interface LecturerFormProps {
  /** undefined: a new lecturer */
  lecturer?: DeskLecturer
  defaultOrg?: string
  onClose: () => void
  onSaved: (lecturer: DeskLecturer) => void
}

/** 新增 / 编辑宣讲员: organisation, topics, the weekly slots they are free and the days they are not */
export function LecturerForm({ lecturer, defaultOrg, onClose, onSaved }: LecturerFormProps) {
  const { message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [saving, setSaving] = useState(false)
  const key = useRef(crypto.randomUUID())
  const loadTopics = useCallback((signal: AbortSignal) => api.get<Page<DeskTopic>>('/admin/lecture-topics', { page: 1, pageSize: 50 }, signal), [])
  const topics = useRequest(loadTopics)

  const save = async (values: FormValues) => {
    const body: DeskLecturerInput = {
      name: values.name.trim(),
      title: values.title.trim(),
      orgCode: values.orgCode,
      topicIds: values.topicIds ?? [],
      weeklySlots: (values.slots ?? []).map(slotOf),
      blockedDates: (values.blockedDates ?? []).map((d) => d.format('YYYY-MM-DD')),
      active: values.active,
    }
    setSaving(true)
    try {
      const saved = lecturer
        ? await api.put<DeskLecturer>(`/admin/lecturers/${lecturer.id}`, body)
        : await api.post<DeskLecturer>('/admin/lecturers', body, { idempotencyKey: key.current })
      message.success('已保存')
      onSaved(saved)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={lecturer ? `编辑宣讲员 · ${lecturer.name}` : '新增宣讲员'}
      okText='保存'
      cancelText='取消'
      width={720}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: saving }}
    >
      <Form<FormValues>
        form={form}
        layout='vertical'
        onFinish={(v) => void save(v)}
        initialValues={{
          name: lecturer?.name ?? '',
          title: lecturer?.title ?? '',
          orgCode: lecturer?.orgCode ?? defaultOrg,
          topicIds: lecturer?.topicIds ?? [],
          slots: (lecturer?.weeklySlots ?? []).map(slotKey),
          blockedDates: (lecturer?.blockedDates ?? []).map((d) => dayjs(d)),
          active: lecturer?.active ?? true,
        }}
      >
        <Form.Item name='name' label='姓名' rules={[{ required: true, whitespace: true, message: '请填写宣讲员姓名' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name='title' label='职务或简介' rules={[{ required: true, whitespace: true, message: '请填写职务或简介' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name='orgCode' label='所属单位' rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgTreeSelect aria-label='所属单位' allowClear={false} />
        </Form.Item>
        <Form.Item name='topicIds' label='可讲专题'>
          <Select
            mode='multiple'
            aria-label='可讲专题'
            loading={topics.loading}
            placeholder='选择宣讲菜单中的专题'
            optionFilterProp='label'
            options={(topics.data?.items ?? []).map((t) => ({ value: t.id, label: t.title }))}
          />
        </Form.Item>
        <Form.Item name='slots' label='每周可安排时段（不选表示不限）'>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', rowGap: 4 }}>
            {PARTS.map((part) =>
              WEEKDAYS.map((day, i) => (
                <Checkbox key={`${i + 1}-${part}`} value={`${i + 1}-${part}`}>
                  {day}
                  {timeOfDayLabel[part]}
                </Checkbox>
              )),
            )}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name='blockedDates' label='不可安排日期（请假、出差等）'>
          <DatePicker multiple aria-label='不可安排日期' style={{ width: '100%' }} maxTagCount='responsive' />
        </Form.Item>
        <Form.Item name='active' label='启用' valuePropName='checked'>
          <Switch checkedChildren='启用' unCheckedChildren='停用' />
        </Form.Item>
      </Form>
    </Modal>
  )
}
