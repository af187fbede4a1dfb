import { Button, Form, Input, Modal, Radio, Select, Space } from 'antd'
import { useEffect } from 'react'
import type { BankQuestion, BankQuestionInput } from '@common/contract'
import { BANK_LIMITS, BANK_QUESTION_TYPE_LABELS, BANK_QUESTION_TYPES, OPTION_KEYS } from '@common/contract'
import { TopicSelect } from '../editorial/form-support'

interface Values {
  type: BankQuestionInput['type']
  stem: string
  options: string[]
  answer: string[]
  explanation: string
  topic: string
  policyId?: string
}

export interface QuestionFormProps {
  open: boolean
  question?: BankQuestion
  defaultTopic: string
  saving: boolean
  /** server-side errors by field (stem, options.1, answer …) */
  fieldErrors?: Record<string, string>
  onCancel: () => void
  onSave: (input: BankQuestionInput) => void
}

const blank = (topic: string): Values => ({ type: 'single', stem: '', options: ['', '', '', ''], answer: [], explanation: '', topic })

/** 新增 / 修改题目: checked here for a quick answer; the server's rules decide */
export function QuestionForm({ open, question, defaultTopic, saving, fieldErrors, onCancel, onSave }: QuestionFormProps) {
  const [form] = Form.useForm<Values>()
  const type = Form.useWatch('type', form)
  const options = Form.useWatch('options', form) ?? []

  useEffect(() => {
    if (!open) return
    form.setFieldsValue(
      question
        ? {
            type: question.type as Values['type'],
            stem: question.stem,
            options: question.options.map((o) => o.text),
            answer: question.answer,
            explanation: question.explanation,
            topic: question.topic,
            policyId: question.policyId,
          }
        : blank(defaultTopic),
    )
  }, [open, question, defaultTopic, form])

  useEffect(() => {
    if (!fieldErrors) return
    form.setFields(
      Object.entries(fieldErrors).map(([field, message]) => {
        const [head, index] = field.split('.')
        return { name: (index !== undefined ? [head, Number(index)] : head) as never, errors: [message] }
      }),
    )
  }, [fieldErrors, form])

  const submit = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    onSave({ ...v, policyId: v.policyId?.trim() || undefined, answer: [...v.answer].sort() })
  }

  const keys = options.map((_, i) => OPTION_KEYS[i])
  return (
    <Modal
      title={question ? '修改题目' : '新增题目'}
      open={open}
      width={720}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText='保存'
      confirmLoading={saving}
    >
      <Form form={form} layout='vertical' initialValues={blank(defaultTopic)}>
        <Form.Item name='type' label='题型'>
          <Radio.Group options={BANK_QUESTION_TYPES.map((t) => ({ value: t, label: BANK_QUESTION_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item
          name='stem'
          label='题干'
          rules={[
            { required: true, whitespace: true, message: '请填写题干' },
            { max: BANK_LIMITS.stem, message: `题干不能超过 ${BANK_LIMITS.stem} 个字` },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.List name='options'>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Form.Item key={field.key} label={`选项${OPTION_KEYS[i]}`} required style={{ marginBottom: 8 }}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={field.name} noStyle rules={[{ required: true, whitespace: true, message: `请填写选项${OPTION_KEYS[i]}` }]}>
                      <Input aria-label={`选项${OPTION_KEYS[i]}`} maxLength={BANK_LIMITS.option} />
                    </Form.Item>
                    <Button disabled={fields.length <= BANK_LIMITS.minOptions} onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  </Space.Compact>
                </Form.Item>
              ))}
              {fields.length < BANK_LIMITS.maxOptions ? (
                <Button type='dashed' onClick={() => add('')} style={{ marginBottom: 16 }}>
                  添加选项
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item
          name='answer'
          label='正确答案'
          rules={[
            { required: true, message: '请选择正确答案' },
            {
              validator: (_, value: string[] = []) =>
                type === 'single' && value.length !== 1
                  ? Promise.reject(new Error('单选题只能有一个正确答案'))
                  : type === 'multiple' && value.length < 2
                    ? Promise.reject(new Error('多选题至少需要两个正确答案'))
                    : Promise.resolve(),
            },
          ]}
        >
          <Select mode='multiple' aria-label='正确答案' options={keys.map((k) => ({ value: k, label: k }))} placeholder='选择正确选项' />
        </Form.Item>
        <Form.Item name='explanation' label='解析' rules={[{ required: true, whitespace: true, message: '请填写解析' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={BANK_LIMITS.explanation} />
        </Form.Item>
        <Form.Item name='topic' label='主题' rules={[{ required: true, message: '请选择主题' }]}>
          <TopicSelect />
        </Form.Item>
        <Form.Item name='policyId' label='关联政策编号（可选）'>
          <Input placeholder='政策库中的政策编号，如 p001' maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
