import { UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Space, Upload } from 'antd'
import { useState } from 'react'
import type { BannerDraft } from '@common/contract'
import { UPLOAD_MAX_BYTES } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import type { DraftFormProps } from '../editorial/draft-form'
import { editorialApi } from '../editorial/editorial-api'
import { dateItem, useServerFieldErrors } from '../editorial/form-support'

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp']
/** an in-app page or an https link (the mini-program opens nothing else) */
const LINK = /^(\/(pages|packages)\/\S+|https:\/\/\S+)$/

/** 首页公益广告: a picture with its description, where it leads and the days it is shown */
export function BannerForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'banner'>) {
  const [form] = Form.useForm<BannerDraft>()
  useServerFieldErrors(form, fieldErrors)
  const [uploading, setUploading] = useState(false)
  const [uploadError, setUploadError] = useState<string>()
  const image = Form.useWatch('image', form) ?? value.image
  const alt = Form.useWatch('alt', form) ?? value.alt

  const emit = () => onChange({ ...(form.getFieldsValue(true) as BannerDraft) })

  const upload = async (file: File) => {
    setUploadError(undefined)
    if (!IMAGE_TYPES.includes(file.type)) return setUploadError('仅支持 JPG、PNG、WebP 图片')
    if (file.size > UPLOAD_MAX_BYTES) return setUploadError(`图片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`)
    setUploading(true)
    try {
      const result = await editorialApi.upload(file)
      form.setFieldsValue({ image: result.url })
      emit()
    } catch (e) {
      setUploadError(e instanceof ApiRequestError ? e.message : '上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }

  return (
    <Form form={form} layout='vertical' initialValues={value} onValuesChange={emit} disabled={readOnly} aria-label='首页公益广告'>
      <Form.Item
        name='title'
        label='标题'
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: 60, message: '标题不能超过 60 字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name='image' label='图片' rules={[{ required: true, message: '请上传图片' }]} extra='JPG、PNG 或 WebP，不超过 5 MB'>
        <Input placeholder='上传后自动填写，也可填写图片地址' />
      </Form.Item>
      <Space direction='vertical' style={{ marginBottom: 16 }}>
        {!readOnly && (
          <Upload
            accept={IMAGE_TYPES.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file)
              return false
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              上传图片
            </Button>
          </Upload>
        )}
        {uploadError && <Alert type='error' showIcon message={uploadError} />}
        {image && <img src={image} alt={alt || '（请填写图片说明）'} style={{ maxWidth: 480, maxHeight: 200, border: '1px solid #f0f0f0' }} />}
      </Space>
      <Form.Item
        name='alt'
        label='图片说明'
        extra='读屏软件会朗读这段文字：写清图片的内容，如「老年人在便民服务点办理养老补贴」'
        rules={[
          { required: true, whitespace: true, message: '请填写图片说明（供视障人士读屏使用）' },
          { max: 120, message: '图片说明不能超过 120 字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name='link'
        label='链接'
        rules={[
          { required: true, whitespace: true, message: '请填写链接' },
          { pattern: LINK, message: '请填写小程序页面路径（/pages/… 或 /packages/…）或 https:// 开头的链接' },
        ]}
      >
        <Input placeholder='/packages/interpretation/detail?id=… 或 https://…' />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name='startsAt' label='开始日期' rules={[{ required: true, message: '请选择开始日期' }]} {...dateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name='endsAt'
            label='结束日期'
            dependencies={['startsAt']}
            rules={[
              { required: true, message: '请选择结束日期' },
              ({ getFieldValue }) => ({
                validator: (_, end?: string) => {
                  const start = getFieldValue('startsAt') as string | undefined
                  return !end || !start || end >= start ? Promise.resolve() : Promise.reject(new Error('结束日期不能早于开始日期'))
                },
              }),
            ]}
            {...dateItem}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name='position' label='排序' tooltip='数字小的排在前面' rules={[{ type: 'integer', min: 0, message: '请填写不小于 0 的整数' }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  )
}
