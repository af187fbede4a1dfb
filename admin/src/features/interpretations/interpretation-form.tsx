import { Form, Input } from 'antd'
import type { InterpretationDraft } from '@common/contract'
import type { DraftFormProps } from '../editorial/draft-form'
import { useServerFieldErrors } from '../editorial/form-support'
import { ItemSearchSelect } from '../editorial/item-search-select'

/** a stand-in until the interpretation form with its block editor lands: title, summary, policy */
export function InterpretationForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'interpretation'>) {
  const [form] = Form.useForm<InterpretationDraft>()
  useServerFieldErrors(form, fieldErrors)
  return (
    <Form
      form={form}
      layout='vertical'
      initialValues={value}
      onValuesChange={() => onChange({ ...(form.getFieldsValue(true) as InterpretationDraft) })}
      disabled={readOnly}
      aria-label='政策解读'
    >
      <Form.Item name='title' label='标题' rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
        <Input />
      </Form.Item>
      <Form.Item name='summary' label='摘要' rules={[{ required: true, whitespace: true, message: '请填写摘要' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name='policyId' label='解读的政策' rules={[{ required: true, message: '请选择解读的政策' }]}>
        <ItemSearchSelect type='policy' />
      </Form.Item>
    </Form>
  )
}
