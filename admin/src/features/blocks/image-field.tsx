import { useState } from 'react'
import { Button, Input, Space, Upload, message } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { UPLOAD_ACCEPT, uploadImage, useImageUrl } from './upload-image'

interface ImageFieldProps {
  value: string
  onChange: (url: string) => void
  /** what the picture is, for the buttons' accessible names: 「封面」「图片」 */
  label: string
  /** the alt of the preview; empty until the editor writes one */
  alt?: string
  disabled?: boolean
  status?: 'error'
}

/** a picture: uploaded (POST /api/v1/uploads) or an address typed in, with its preview */
export function ImageField({ value, onChange, label, alt, disabled, status }: ImageFieldProps) {
  const [uploading, setUploading] = useState(false)
  const shown = useImageUrl(value)
  const upload = async (file: File) => {
    setUploading(true)
    try {
      onChange(await uploadImage(file))
      void message.success(`${label}已上传`)
    } catch (e) {
      void message.error((e as Error).message || '上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={`${label}地址`}
          placeholder='上传图片，或填写图片地址（https://…）'
          value={value}
          status={status}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value.trim())}
        />
        <Upload
          accept={UPLOAD_ACCEPT}
          showUploadList={false}
          disabled={disabled || uploading}
          beforeUpload={(file) => {
            void upload(file)
            return false
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} disabled={disabled}>
            上传{label}
          </Button>
        </Upload>
      </Space.Compact>
      {shown ? (
        <img src={shown} alt={alt ?? ''} style={{ maxWidth: 320, maxHeight: 180, objectFit: 'contain', border: '1px solid #f0f0f0', borderRadius: 4 }} />
      ) : null}
    </Space>
  )
}
