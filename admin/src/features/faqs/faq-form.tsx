import { Col, DatePicker, Form, Input, Row, Select } from 'antd'
import { useMemo } from 'react'
import type { FaqDraft } from '@common/contract'
import type { DraftFormProps } from '../editorial/draft-form'
import { dateItem, TopicSelect, useServerFieldErrors } from '../editorial/form-support'
import { ItemSearchSelect } from '../editorial/item-search-select'

const SIMILAR_MAX = 10
const SIMILAR_CHARS = 60

/** the server's rule (editorial/validate.ts), said before saving: blank lines do not count */
function checkSimilar(lines: string[] = []): Promise<void> {
  const filled = lines.map((l) => l.trim()).filter(Boolean)
  if (filled.length > SIMILAR_MAX) return Promise.reject(new Error(`相似问法不能超过 ${SIMILAR_MAX} 条`))
  const long = filled.findIndex((l) => [...l].length > SIMILAR_CHARS)
  if (long >= 0) return Promise.reject(new Error(`第 ${long + 1} 条相似问法超过 ${SIMILAR_CHARS} 个字`))
  return Promise.resolve()
}

/** 简明问答: a question, its answer, the words residents search it by, other ways they ask it (相似问法), and what it explains */
export function FaqForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'faq'>) {
  const [form] = Form.useForm<FaqDraft>()
  // the server names the line (draft.similar[2]); the form has one box for all of them
  const errors = useMemo(
    () =>
      fieldErrors &&
      Object.fromEntries(Object.entries(fieldErrors).map(([key, message]) => [key.replace(/^draft\.similar\[\d+\]$/, 'draft.similar'), message])),
    [fieldErrors],
  )
  useServerFieldErrors(form, errors)
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
      <Form.Item
        name='similar'
        label='相似问法'
        extra={`每行一种居民的问法，最多 ${SIMILAR_MAX} 条、每条不超过 ${SIMILAR_CHARS} 字；智能问答据此找到这条问答，居民看不到`}
        getValueProps={(v?: string[]) => ({ value: (v ?? []).join('\n') })}
        normalize={(text: string) => text.split('\n')}
        rules={[{ validator: (_, v?: string[]) => checkSimilar(v) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={'如 退休了养老金哪天到账\n养老金每月几号发'} />
      </Form.Item>
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
