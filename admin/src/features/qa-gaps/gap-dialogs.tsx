import { Alert, Form, Input, Modal, Select, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { QaGap, QaGapActionResult, Topic } from '@common/contract'
import { errorMessage } from '../../components/error-state'
import { FaqSearchSelect } from './faq-search-select'
import { qaGapsApi } from './qa-gaps-api'

interface DialogProps {
  gap: QaGap
  onClose: () => void
  onDone: (result: QaGapActionResult) => void
}

/** a key per opened dialog (each group opens its own): 确定 pressed again after a lost answer replays the first result */
function useDialogKey(): string {
  return useState(() => crypto.randomUUID())[0]
}

function useTopics(): Topic[] {
  const [topics, setTopics] = useState<Topic[]>([])
  useEffect(() => {
    let alive = true
    qaGapsApi
      .topics()
      .then((t) => alive && setTopics(t))
      .catch(() => alive && setTopics([]))
    return () => {
      alive = false
    }
  }, [])
  return topics
}

interface FaqValues {
  question: string
  answer?: string
  topic?: string
}

/** 转为问答: a new FAQ draft prefilled with the group's wording; it is sent for review from its editor */
export function ToFaqDialog({ gap, onClose, onDone }: DialogProps) {
  const [form] = Form.useForm<FaqValues>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const key = useDialogKey()
  const topics = useTopics()

  const submit = async () => {
    const values = await form.validateFields()
    setSaving(true)
    setError(undefined)
    try {
      onDone(
        await qaGapsApi.toFaq(gap.id, { question: values.question.trim(), answer: values.answer?.trim() || undefined, topic: values.topic || undefined }, key),
      )
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal open title='转为问答' okText='创建问答草稿' cancelText='取消' onOk={submit} onCancel={onClose} confirmLoading={saving} width={640} destroyOnHidden>
      <Typography.Paragraph type='secondary'>
        创建后进入简明问答的草稿，这组的其他问法作为相似问法一并带入（含打码个人信息的除外），填写完整后送审；审核发布后，智能问答即可回答这类问题。
      </Typography.Paragraph>
      {error && <Alert type='error' showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout='vertical' initialValues={{ question: gap.wording }}>
        <Form.Item
          name='question'
          label='问题'
          rules={[
            { required: true, whitespace: true, message: '请填写问题' },
            { max: 200, message: '问题不能超过 200 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name='answer' label='回答（可稍后在问答编辑页填写）' rules={[{ max: 2000, message: '回答过长' }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item name='topic' label='主题'>
          <Select allowClear placeholder='选择主题' options={topics.map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** 并入已有问答: the group's wordings become 相似问法 of the FAQ's next version, which goes through review */
export function AttachDialog({ gap, onClose, onDone }: DialogProps) {
  const [form] = Form.useForm<{ faqId?: string }>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const key = useDialogKey()

  const submit = async () => {
    const { faqId } = await form.validateFields()
    setSaving(true)
    setError(undefined)
    try {
      onDone(await qaGapsApi.attach(gap.id, faqId!, key))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal open title='并入已有问答' okText='并入' cancelText='取消' onOk={submit} onCancel={onClose} confirmLoading={saving} width={640} destroyOnHidden>
      <Typography.Paragraph type='secondary'>
        这组问法将作为所选问答的相似问法（最多 10 条，每条不超过 60 字），问答生成新版本草稿，送审发布后生效。
      </Typography.Paragraph>
      {error && <Alert type='error' showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout='vertical'>
        <Form.Item name='faqId' label='简明问答' rules={[{ required: true, message: '请选择要并入的问答' }]}>
          <FaqSearchSelect />
        </Form.Item>
      </Form>
    </Modal>
  )
}
