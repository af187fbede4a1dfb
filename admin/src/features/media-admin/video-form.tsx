import { UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Col, Descriptions, Form, Input, List, Progress, Row, Space, Typography, Upload } from 'antd'
import { useState } from 'react'
import type { CaptionProblem, VideoDraft, VideoFileResult } from '@common/contract'
import { VIDEO_MAX_BYTES } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { ImageField } from '../blocks/image-field'
import { useImageUrl } from '../blocks/upload-image'
import type { DraftFormProps } from '../editorial/draft-form'
import { TopicSelect, useServerFieldErrors } from '../editorial/form-support'
import { ItemSearchSelect } from '../editorial/item-search-select'
import { durationText, readText, uploadCaptions, uploadVideo } from './media-api'

/** the caption problems of a refused upload: 「第 3 行：…」 each, from the server's findings */
const problemsOf = (e: ApiRequestError): CaptionProblem[] =>
  (e.checks ?? []).map((c) => ({ line: Number(/^line:(\d+)$/.exec(c.field ?? '')?.[1] ?? 0), message: c.message }))

/** 短视频: the mp4 (uploaded with progress, its length and size read back), captions, cover and links */
export function VideoForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'video'>) {
  const [form] = Form.useForm<VideoDraft>()
  useServerFieldErrors(form, fieldErrors)
  const [progress, setProgress] = useState<number>()
  const [file, setFile] = useState<Pick<VideoFileResult, 'size' | 'probedWith'>>()
  const [videoError, setVideoError] = useState<string>()
  const [captionsError, setCaptionsError] = useState<{ message: string; problems: CaptionProblem[] }>()
  const [captionsBusy, setCaptionsBusy] = useState(false)
  const draft = { ...value, ...(Form.useWatch([], form) as Partial<VideoDraft> | undefined) }
  const src = useImageUrl(draft.src ?? '')
  const captions = useImageUrl(draft.captions ?? '')
  const poster = useImageUrl(draft.poster ?? '')

  const emit = () => onChange({ ...value, ...(form.getFieldsValue(true) as VideoDraft) })
  const set = (patch: Partial<VideoDraft>) => {
    form.setFieldsValue(patch)
    emit()
  }

  const sendVideo = async (chosen: File) => {
    setVideoError(undefined)
    if (chosen.size > VIDEO_MAX_BYTES) return setVideoError(`视频不能超过 ${VIDEO_MAX_BYTES / 1024 / 1024} MB`)
    setProgress(0)
    try {
      const result = await uploadVideo(chosen, setProgress)
      setFile({ size: result.size, probedWith: result.probedWith })
      set({ src: result.url, durationSec: result.durationSec, width: result.width, height: result.height })
    } catch (e) {
      setVideoError(e instanceof ApiRequestError ? e.message : '上传失败，请重试')
    } finally {
      setProgress(undefined)
    }
  }

  const sendCaptions = async (chosen: File) => {
    setCaptionsError(undefined)
    setCaptionsBusy(true)
    try {
      const result = await uploadCaptions(await readText(chosen), draft.durationSec || undefined)
      set({ captions: result.url })
    } catch (e) {
      setCaptionsError(e instanceof ApiRequestError ? { message: e.message, problems: problemsOf(e) } : { message: '上传失败，请重试', problems: [] })
    } finally {
      setCaptionsBusy(false)
    }
  }

  return (
    <Form form={form} layout='vertical' initialValues={value} onValuesChange={emit} disabled={readOnly} aria-label='短视频'>
      <Row gutter={24}>
        <Col xs={24} xl={13}>
          <Form.Item name='title' label='标题' rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input maxLength={100} showCount />
          </Form.Item>
          <Form.Item name='topic' label='主题' rules={[{ required: true, message: '请选择主题' }]}>
            <TopicSelect />
          </Form.Item>
          <Form.Item name='summary' label='简介'>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>

          <Form.Item name='src' label='视频文件' required extra='MP4（H.264），不超过 500 MB；上传后读取时长与分辨率'>
            <Input readOnly placeholder='请上传 MP4 视频' />
          </Form.Item>
          {!readOnly && (
            <Space direction='vertical' style={{ width: '100%', marginBottom: 16 }}>
              <Upload
                accept='video/mp4,.mp4'
                showUploadList={false}
                disabled={progress !== undefined}
                beforeUpload={(chosen) => {
                  void sendVideo(chosen)
                  return false
                }}
              >
                <Button icon={<UploadOutlined />} loading={progress !== undefined}>
                  上传视频
                </Button>
              </Upload>
              {progress !== undefined && <Progress percent={progress} aria-label='视频上传进度' status='active' />}
              {videoError && <Alert type='error' showIcon message={videoError} />}
            </Space>
          )}
          {draft.src && (
            <Descriptions size='small' column={3} bordered style={{ marginBottom: 16 }} aria-label='视频信息'>
              <Descriptions.Item label='时长'>{durationText(draft.durationSec ?? 0)}</Descriptions.Item>
              <Descriptions.Item label='分辨率'>{draft.width && draft.height ? `${draft.width}×${draft.height}` : '—'}</Descriptions.Item>
              <Descriptions.Item label='大小'>{file ? `${(file.size / 1024 / 1024).toFixed(1)} MB` : '—'}</Descriptions.Item>
            </Descriptions>
          )}

          <Form.Item name='captions' label='字幕（WebVTT）' required extra='没有字幕的视频不能发布'>
            <Input readOnly placeholder='请上传 .vtt 字幕文件' />
          </Form.Item>
          {!readOnly && (
            <Space direction='vertical' style={{ width: '100%', marginBottom: 16 }}>
              <Upload
                accept='.vtt,text/vtt'
                showUploadList={false}
                beforeUpload={(chosen) => {
                  void sendCaptions(chosen)
                  return false
                }}
              >
                <Button icon={<UploadOutlined />} loading={captionsBusy}>
                  上传字幕
                </Button>
              </Upload>
              {captionsError && (
                <Alert
                  type='error'
                  showIcon
                  message={captionsError.message}
                  description={
                    captionsError.problems.length > 1 && (
                      <List size='small' aria-label='字幕问题' dataSource={captionsError.problems} renderItem={(p) => <List.Item>{p.message}</List.Item>} />
                    )
                  }
                />
              )}
            </Space>
          )}

          <Form.Item name='poster' label='封面' rules={[{ required: true, message: '请上传封面' }]}>
            <ImageField label='封面' value={draft.poster ?? ''} onChange={(url) => set({ poster: url })} alt='视频封面' disabled={readOnly} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name='policyId' label='关联政策'>
                <ItemSearchSelect type='policy' />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name='interpretationId' label='关联解读'>
                <ItemSearchSelect type='interpretation' />
              </Form.Item>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={11}>
          <Typography.Title level={5}>预览</Typography.Title>
          {draft.src ? (
            // the captions as residents see them: the browser renders cue text as text, never HTML
            <video
              key={`${src}|${captions}`}
              controls
              preload='metadata'
              poster={poster}
              src={src}
              aria-label='视频预览'
              style={{ width: '100%', maxHeight: 360, background: '#000', borderRadius: 4 }}
            >
              {captions && <track kind='captions' src={captions} srcLang='zh' label='中文' default />}
            </video>
          ) : (
            <Alert type='info' showIcon message='上传视频后可在此预览（含字幕）' />
          )}
        </Col>
      </Row>
    </Form>
  )
}
