import { Col, DatePicker, Form, Input, Row, Select } from 'antd'
import type { FaqDraft } from '@common/contract'
import type { DraftFormProps } from '../editorial/draft-form'
import { dateItem, TopicSelect, useServerFieldErrors } from '../editorial/form-support'
import { ItemSearchSelect } from '../editorial/item-search-select'

/** 简明问答: a question, its answer, the words residents search it by, and what it explains */
export function FaqForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'faq'>) {
  const [form] = Form.useForm<FaqDraft>()
  useServerFieldErrors(form, fieldErrors)
  return (
    <Form
      form={form}
      layout='vertical'
      initialValues={value}
      onValuesChange={() => onChange({ ...(form.getFieldsValue(true) as FaqDraft) })}
      disabled={readOnly}
      aria-label='简明问答'
    >
      <Form.Item
        name='question'
        label='问题'
        rules={[
          { required: true, whitespace: true, message: '请填写问题' },
          { max: 200, message: '问题不能超过 200 字' },
        ]}
      >
        <Input placeholder='用居民的话提问，如 我能领多少养老补贴？' />
      </Form.Item>
      <Form.Item
        name='answer'
        label='回答'
        rules={[
          { required: true, whitespace: true, message: '请填写回答' },
          { max: 2000, message: '回答不能超过 2000 字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name='topic' label='主题' rules={[{ required: true, message: '请选择主题' }]}>
            <TopicSelect />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name='keywords' label='关键词' extra='输入后按回车添加，居民搜索这些词时会找到这条问答'>
            <Select mode='tags' tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder='如 养老金、补贴' />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name='policyId' label='相关政策'>
            <ItemSearchSelect type='policy' />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name='interpretationId' label='相关解读'>
            <ItemSearchSelect type='interpretation' />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name='reviewDate' label='复核日期' {...dateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  )
}
