import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Upload } from 'antd'
import { useState } from 'react'
import { type PolicyDraft, type PolicyValidity, UPLOAD_PDF_MAX_BYTES } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { editorialApi } from '../editorial/editorial-api'
import { validityLabel } from '@common/labels/policy-validity'
import type { DraftFormProps } from '../editorial/draft-form'
import { dateItem, OrgSelect, TopicSelect, useServerFieldErrors } from '../editorial/form-support'
import { ItemSearchSelect } from '../editorial/item-search-select'
import { RuleEditor } from '../policy-match/rule-editor'

const VALIDITIES: PolicyValidity[] = ['valid', 'revised', 'repealed']
const URL_RULE = { type: 'url' as const, message: '请输入以 http:// 或 https:// 开头的完整链接' }
/** an uploaded file (/media/uploads/…) or a link on a government website */
const ATTACHMENT_RULE = {
  pattern: /^(\/media\/uploads\/[\w.-]+|https?:\/\/\S+)$/,
  message: '请上传 PDF，或输入以 http:// 或 https:// 开头的完整链接',
}

/** 上传 PDF: the file goes to POST /uploads (PDFs are sniffed by the server), its URL into the form */
function PdfUpload({ onUploaded }: { onUploaded: (url: string, name: string) => void }) {
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState<string>()
  const upload = async (file: File) => {
    setError(undefined)
    if (file.type && file.type !== 'application/pdf') return setError('请选择 PDF 文件')
    if (file.size > UPLOAD_PDF_MAX_BYTES) return setError(`PDF 文件不能超过 ${UPLOAD_PDF_MAX_BYTES / 1024 / 1024} MB`)
    setUploading(true)
    try {
      const result = await editorialApi.upload(file)
      onUploaded(result.url, file.name)
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }
  return (
    <Space direction='vertical' size={4}>
      <Upload
        accept='application/pdf,.pdf'
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file)
          return false
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading}>
          上传 PDF
        </Button>
      </Upload>
      {error && <Alert type='error' showIcon message={error} />}
    </Space>
  )
}

/** 政策文件: its fields, the 原文 sections (heading + paragraphs) and its validity */
export function PolicyForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'policy'>) {
  const [form] = Form.useForm<PolicyDraft>()
  useServerFieldErrors(form, fieldErrors)
  const validity = Form.useWatch('validity', form) ?? value.validity
  const publishedAt = (Form.useWatch('publishedAt', form) as string | undefined) ?? value.publishedAt

  const changed = (changedValues: Partial<PolicyDraft>) => {
    const next = { ...(form.getFieldsValue(true) as PolicyDraft) }
    // the conditional fields belong to their validity only
    if (changedValues.validity !== undefined) {
      if (next.validity !== 'revised') delete next.replacedBy
      if (next.validity !== 'repealed') delete next.repealedAt
    }
    if (next.attachment && !next.attachment.url && !next.attachment.name) delete next.attachment
    if (!next.closesAt) delete next.closesAt
    onChange(next)
  }
  const setAttachment = (url: string, name: string) => {
    const attachment = { url, name: (form.getFieldValue(['attachment', 'name']) as string | undefined) || name }
    form.setFieldsValue({ attachment })
    onChange({ ...(form.getFieldsValue(true) as PolicyDraft), attachment })
  }

  return (
    <Form form={form} layout='vertical' initialValues={value} onValuesChange={changed} disabled={readOnly} aria-label='政策文件'>
      <Form.Item
        name='title'
        label='标题'
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: 200, message: '标题不能超过 200 字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name='docNumber' label='文号' rules={[{ required: true, whitespace: true, message: '请填写文号' }]}>
            <Input placeholder='如 仙政办发〔2026〕12号' />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name='issuer' label='发文机关' rules={[{ required: true, whitespace: true, message: '请填写发文机关' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name='department' label='部门' rules={[{ required: true, whitespace: true, message: '请填写部门' }]}>
            <Input placeholder='如 人力社保局' />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name='topic' label='主题' rules={[{ required: true, message: '请选择主题' }]}>
            <TopicSelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name='regionCode' label='适用地区' rules={[{ required: true, message: '请选择适用地区' }]}>
            <OrgSelect placeholder='选择适用地区' />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name='reviewDate' label='复核日期' tooltip='到期后列入待复核' {...dateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name='writtenAt' label='成文日期' {...dateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name='publishedAt' label='发布日期' rules={[{ required: true, message: '请选择发布日期' }]} {...dateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name='effectiveFrom' label='施行日期' {...dateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name='closesAt' label='截止日期' tooltip='申请期限或有效期的最后一天（选填），过后居民端标为「已截止」；不能早于发布日期' {...dateItem}>
            <DatePicker style={{ width: '100%' }} allowClear disabledDate={(day) => !!publishedAt && day.format('YYYY-MM-DD') < publishedAt} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name='summary'
        label='摘要'
        rules={[
          { required: true, whitespace: true, message: '请填写摘要' },
          { max: 500, message: '摘要不能超过 500 字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>

      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name='validity' label='有效性' rules={[{ required: true, message: '请选择有效性' }]}>
            <Select options={VALIDITIES.map((v) => ({ value: v, label: validityLabel[v] }))} />
          </Form.Item>
        </Col>
        {validity === 'revised' && (
          <Col span={16}>
            <Form.Item name='replacedBy' label='修订后的政策' rules={[{ required: true, message: '请选择修订后的政策' }]}>
              <ItemSearchSelect type='policy' />
            </Form.Item>
          </Col>
        )}
        {validity === 'repealed' && (
          <Col span={8}>
            <Form.Item name='repealedAt' label='废止日期' rules={[{ required: true, message: '请选择废止日期' }]} {...dateItem}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {validity !== 'valid' && (
        <Form.Item name='validityNote' label='有效性说明'>
          <Input placeholder='如 已被某某文件修订，自某日起执行新标准' />
        </Form.Item>
      )}

      <Form.Item name='sourceUrl' label='原文链接' rules={[URL_RULE]}>
        <Input placeholder='政府网站上的原文地址' />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name={['attachment', 'name']} label='附件名称'>
            <Input placeholder='如 政策原文.pdf' />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name={['attachment', 'url']}
            label='附件（PDF）'
            rules={[ATTACHMENT_RULE]}
            extra={
              <Space direction='vertical' size={4}>
                <span>上传 PDF 原文（不超过 20 MB），或填写其在政府网站上的地址</span>
                {!readOnly && <PdfUpload onUploaded={(url, name) => setAttachment(url, name)} />}
              </Space>
            }
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>

      <SectionsEditor readOnly={readOnly} />
      <RuleEditor
        value={value.eligibility}
        readOnly={readOnly}
        onChange={(eligibility) => {
          const next = { ...(form.getFieldsValue(true) as PolicyDraft) }
          if (eligibility) next.eligibility = eligibility
          else delete next.eligibility
          form.setFieldsValue({ eligibility } as Partial<PolicyDraft>)
          onChange(next)
        }}
      />
    </Form>
  )
}

/** 原文: sections of a heading and paragraphs, added, removed and moved */
function SectionsEditor({ readOnly }: { readOnly?: boolean }) {
  return (
    <Form.List name='sections'>
      {(sections, { add, remove, move }) => (
        <div role='group' aria-label='原文'>
          <h3>原文</h3>
          {sections.map((section, index) => (
            <Card
              key={section.key}
              size='small'
              style={{ marginBottom: 12 }}
              title={`第 ${index + 1} 节`}
              extra={
                !readOnly && (
                  <Space>
                    <Button
                      size='small'
                      icon={<ArrowUpOutlined />}
                      aria-label={`第 ${index + 1} 节上移`}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size='small'
                      icon={<ArrowDownOutlined />}
                      aria-label={`第 ${index + 1} 节下移`}
                      disabled={index === sections.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button size='small' danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 节`} onClick={() => remove(index)} />
                  </Space>
                )
              }
            >
              <Form.Item name={[section.name, 'heading']} label='小标题' rules={[{ required: true, whitespace: true, message: '请填写小标题' }]}>
                <Input />
              </Form.Item>
              <Form.List name={[section.name, 'paragraphs']}>
                {(paragraphs, paragraphOps) => (
                  <>
                    {paragraphs.map((paragraph, p) => (
                      <Space key={paragraph.key} align='start' style={{ display: 'flex' }}>
                        <Form.Item
                          name={paragraph.name}
                          label={`第 ${p + 1} 段`}
                          style={{ flex: 1, minWidth: 560 }}
                          rules={[{ required: true, whitespace: true, message: '请填写段落内容' }]}
                        >
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
                        </Form.Item>
                        {!readOnly && (
                          <Button
                            style={{ marginTop: 30 }}
                            icon={<DeleteOutlined />}
                            aria-label={`删除第 ${index + 1} 节第 ${p + 1} 段`}
                            onClick={() => paragraphOps.remove(paragraph.name)}
                          />
                        )}
                      </Space>
                    ))}
                    {!readOnly && (
                      <Button type='dashed' icon={<PlusOutlined />} onClick={() => paragraphOps.add('')}>
                        添加段落
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          {!readOnly && (
            <Button type='dashed' block icon={<PlusOutlined />} onClick={() => add({ heading: '', paragraphs: [''] })}>
              添加一节
            </Button>
          )}
        </div>
      )}
    </Form.List>
  )
}
