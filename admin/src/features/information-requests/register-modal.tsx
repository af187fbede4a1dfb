import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import {
  FOIA_APPLICANT_LABELS,
  FOIA_DELIVERY_LABELS,
  FOIA_FORMAT_LABELS,
  FOIA_ID_TYPE_LABELS,
  FOIA_TEXT_MAX,
  type FoiaApplicantType,
  type FoiaApplicationInput,
  type FoiaIdType,
  type InformationRequestDetail,
} from '@common/contract'
import { idNumberProblem } from '@common/foia-rules'
import { errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { foiaApi } from './foia-api'

type RegisterForm = Omit<FoiaApplicationInput, 'orgCode'> & { orgCode?: string; channel: 'paper' | 'letter'; receivedOn?: Dayjs }

const options = <K extends string>(labels: Record<K, string>, only?: readonly K[]) =>
  (only ?? (Object.keys(labels) as K[])).map((k) => ({ value: k, label: labels[k] }))

/** 登记纸质/信函申请: the office types in an application that came on paper or by letter */
export function RegisterModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: InformationRequestDetail) => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<RegisterForm>()
  const [key, setKey] = useState(() => crypto.randomUUID())
  const [saving, setSaving] = useState(false)
  const applicantType = Form.useWatch('applicantType', form) as FoiaApplicantType | undefined
  const idType = Form.useWatch('idType', form) as FoiaIdType | undefined

  useEffect(() => {
    if (open) {
      form.resetFields()
      setKey(crypto.randomUUID())
    }
  }, [open, form])

  const submit = async (v: RegisterForm) => {
    setSaving(true)
    try {
      const { receivedOn, orgCode, ...rest } = v
      const r = await foiaApi.register({ ...rest, orgCode: orgCode!, ...(receivedOn ? { receivedOn: receivedOn.format('YYYY-MM-DD') } : {}) }, key)
      message.success(`已登记，申请编号 ${r.number}`)
      onDone(r)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title='登记纸质/信函申请'
      onCancel={onClose}
      onOk={() => form.submit()}
      okText='登记'
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form<RegisterForm>
        form={form}
        layout='vertical'
        onFinish={(v) => void submit(v)}
        initialValues={{ channel: 'paper', applicantType: 'citizen', idType: 'id_card', format: 'paper', delivery: 'pickup', receivedOn: dayjs() }}
      >
        <Form.Item name='channel' label='申请方式'>
          <Radio.Group
            options={[
              { value: 'paper', label: '当面申请' },
              { value: 'letter', label: '信函申请' },
            ]}
          />
        </Form.Item>
        <Form.Item name='receivedOn' label='收到日期' extra='信函以签收之日为收到申请之日'>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(60, 'day'), 'day')} />
        </Form.Item>
        <Form.Item name='applicantType' label='申请人类型'>
          <Radio.Group
            options={options(FOIA_APPLICANT_LABELS)}
            onChange={(e) => form.setFieldValue('idType', e.target.value === 'organisation' ? 'credit_code' : 'id_card')}
          />
        </Form.Item>
        <Form.Item name='name' label={applicantType === 'organisation' ? '名称' : '姓名'} rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name='idType' label='证件类型'>
          <Select
            options={
              applicantType === 'organisation'
                ? options(FOIA_ID_TYPE_LABELS, ['credit_code'])
                : options(FOIA_ID_TYPE_LABELS, ['id_card', 'passport', 'hk_macao_pass'])
            }
          />
        </Form.Item>
        <Form.Item
          name='idNumber'
          label='证件号码'
          rules={[
            {
              validator: async (_, value?: string) => {
                const p = idNumberProblem(idType ?? 'id_card', value ?? '')
                if (p) throw new Error(p)
              },
            },
          ]}
        >
          <Input maxLength={40} autoComplete='off' />
        </Form.Item>
        <Form.Item name='phone' label='联系电话' rules={[{ required: true, pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '请填写正确的联系电话' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name='email' label='电子邮箱'>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name='address' label='通讯地址'>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name='infoTitle' label='所需信息的名称' rules={[{ required: true, whitespace: true, message: '请填写所需信息的名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name='docNumber' label='文号'>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name='description' label='所需信息的内容描述'>
          <Input.TextArea rows={3} maxLength={FOIA_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name='orgCode' label='申请公开的机关' rules={[{ required: true, message: '请选择申请公开的机关' }]}>
          <OrgTreeSelect aria-label='申请公开的机关' />
        </Form.Item>
        <Form.Item name='format' label='载体形式'>
          <Radio.Group options={options(FOIA_FORMAT_LABELS)} />
        </Form.Item>
        <Form.Item name='delivery' label='获取方式'>
          <Radio.Group options={options(FOIA_DELIVERY_LABELS)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
