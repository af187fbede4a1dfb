import { useState } from 'react'
import { Button, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Space, Switch, Typography, AutoComplete } from 'antd'
import { EyeOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import type { InterpretationDraft, InterpretationKind } from '@common/contract'
import { kindLabel } from '@common/labels/interpretation-kinds'
import type { DraftFormProps } from '../editorial/draft-form'
import { BlocksEditor } from '../blocks/blocks-editor'
import { ImageField } from '../blocks/image-field'
import { InterpretationPreviewDrawer } from './interpretation-preview'
import { loadDepartments, loadFaqChoices, loadPolicyChoice, loadTopics, loadVideos, searchFaqs, searchPolicies, useLoaded } from './lookups'
import { RemoteSelect } from './remote-select'

export const TITLE_MAX = 60
export const SUMMARY_MAX = 200
const KINDS: InterpretationKind[] = ['illustrated', 'qa', 'video']

export function emptyInterpretationDraft(): InterpretationDraft {
  return {
    title: '',
    kind: 'illustrated',
    topic: '',
    department: '',
    policyId: '',
    cover: '',
    summary: '',
    featured: false,
    blocks: [],
    videoIds: [],
    faqIds: [],
  }
}

/**
 * The 政策解读 form: what the interpretation is and links to, then its ordered blocks. Controlled:
 * every change hands the whole draft to onChange. The server's field errors show on their field,
 * a block's on its block.
 */
export function InterpretationForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'interpretation'>) {
  const [previewOpen, setPreviewOpen] = useState(false)
  const topics = useLoaded(loadTopics, [])
  const departments = useLoaded(loadDepartments, [])
  const videos = useLoaded(loadVideos, [])
  const set = <K extends keyof InterpretationDraft>(key: K, v: InterpretationDraft[K]) => onChange({ ...value, [key]: v })
  const errorOf = (field: string) => fieldErrors?.[`draft.${field}`] ?? fieldErrors?.[field]
  const item = (field: string) => {
    const message = errorOf(field)
    return message ? { validateStatus: 'error' as const, help: message } : {}
  }
  const status = (field: string) => (errorOf(field) ? ('error' as const) : undefined)

  return (
    <Form layout='vertical' component='div' disabled={readOnly} className='interpretation-form'>
      <Row gutter={24}>
        <Col xs={24} xl={16}>
          <Form.Item label='标题' required htmlFor='interp-title' {...item('title')}>
            <Input
              id='interp-title'
              value={value.title}
              maxLength={TITLE_MAX}
              showCount
              status={status('title')}
              onChange={(e) => set('title', e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={8}>
          <Form.Item label='解读形式' required {...item('kind')}>
            <Radio.Group
              aria-label='解读形式'
              optionType='button'
              value={value.kind}
              options={KINDS.map((k) => ({ value: k, label: kindLabel[k] }))}
              onChange={(e) => set('kind', e.target.value as InterpretationKind)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label='主题' required htmlFor='interp-topic' {...item('topic')}>
            <Select
              id='interp-topic'
              aria-label='主题'
              placeholder='选择主题'
              loading={topics.loading}
              value={value.topic || undefined}
              status={status('topic')}
              options={topics.items.map((t) => ({ value: t.id, label: t.name }))}
              onChange={(topic: string) => set('topic', topic)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label='解读部门' required htmlFor='interp-department' {...item('department')}>
            <AutoComplete
              id='interp-department'
              aria-label='解读部门'
              placeholder='如：市人力社保局'
              value={value.department}
              status={status('department')}
              options={departments.items.map((d) => ({ value: d }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
              onChange={(department: string) => set('department', department)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label='复核日期' htmlFor='interp-review-date' tooltip='到期后列入「待复核」，提醒核对内容是否仍然准确' {...item('reviewDate')}>
            <DatePicker
              id='interp-review-date'
              style={{ width: '100%' }}
              placeholder='选择日期'
              value={value.reviewDate ? dayjs(value.reviewDate) : null}
              status={status('reviewDate')}
              onChange={(d) => set('reviewDate', d ? d.format('YYYY-MM-DD') : undefined)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item label='所解读的政策' required htmlFor='interp-policy' extra='输入标题或文号搜索；发布后该政策页面会链接到本解读' {...item('policyId')}>
            <RemoteSelect
              id='interp-policy'
              aria-label='所解读的政策'
              placeholder='搜索政策标题或文号'
              value={value.policyId ? [value.policyId] : []}
              status={status('policyId')}
              disabled={readOnly}
              search={searchPolicies}
              loadChosen={(ids, signal) => loadPolicyChoice(ids[0], signal)}
              onChange={(ids) => set('policyId', ids[0] ?? '')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={8}>
          <Form.Item label='首页推荐' {...item('featured')}>
            <Switch
              aria-label='首页推荐'
              checked={value.featured}
              checkedChildren='推荐'
              unCheckedChildren='不推荐'
              onChange={(featured) => set('featured', featured)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label='封面图' {...item('cover')}>
            <ImageField label='封面' value={value.cover} disabled={readOnly} status={status('cover')} onChange={(cover) => set('cover', cover)} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label='摘要' required htmlFor='interp-summary' {...item('summary')}>
            <Input.TextArea
              id='interp-summary'
              value={value.summary}
              maxLength={SUMMARY_MAX}
              showCount
              autoSize={{ minRows: 3, maxRows: 6 }}
              status={status('summary')}
              onChange={(e) => set('summary', e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label='相关短视频' htmlFor='interp-videos' {...item('videoIds')}>
            <Select
              id='interp-videos'
              aria-label='相关短视频'
              mode='multiple'
              placeholder='选择短视频'
              loading={videos.loading}
              value={value.videoIds}
              status={status('videoIds')}
              optionFilterProp='label'
              options={[
                ...videos.items.map((v) => ({ value: v.id, label: v.title })),
                ...value.videoIds.filter((id) => !videos.items.some((v) => v.id === id)).map((id) => ({ value: id, label: `视频 ${id}` })),
              ]}
              onChange={(ids: string[]) => set('videoIds', ids)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label='相关简明问答' htmlFor='interp-faqs' {...item('faqIds')}>
            <RemoteSelect
              id='interp-faqs'
              aria-label='相关简明问答'
              mode='multiple'
              placeholder='搜索问答'
              value={value.faqIds}
              status={status('faqIds')}
              disabled={readOnly}
              search={searchFaqs}
              loadChosen={loadFaqChoices}
              onChange={(ids) => set('faqIds', ids)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider style={{ margin: '0 0 12px' }} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          正文内容块
        </Typography.Title>
        <Button icon={<EyeOutlined />} disabled={false} onClick={() => setPreviewOpen(true)}>
          预览
        </Button>
      </Space>
      {errorOf('blocks') ? <Typography.Text type='danger'>{errorOf('blocks')}</Typography.Text> : null}
      <BlocksEditor value={value.blocks} onChange={(blocks) => set('blocks', blocks)} fieldErrors={fieldErrors} readOnly={readOnly} />
      <InterpretationPreviewDrawer draft={value} open={previewOpen} onClose={() => setPreviewOpen(false)} />
    </Form>
  )
}
