import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons'
import { Button, Col, Empty, Form, Input, List, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import type { CourseDraft, CourseLessonDraft } from '@common/contract'
import { ImageField } from '../blocks/image-field'
import type { DraftFormProps } from '../editorial/draft-form'
import { TopicSelect, useServerFieldErrors } from '../editorial/form-support'
import { ItemSearchSelect } from '../editorial/item-search-select'

/** moves the lesson at `from` to `to` (up/down buttons; the keyboard can do it too) */
export function moveLesson(lessons: readonly CourseLessonDraft[], from: number, to: number): CourseLessonDraft[] {
  if (to < 0 || to >= lessons.length || from === to) return [...lessons]
  const next = [...lessons]
  const [moved] = next.splice(from, 1)
  next.splice(to, 0, moved)
  return next
}

/** 网络课堂: a course with its lessons in order, each a published short video */
export function CourseForm({ value, onChange, fieldErrors, readOnly }: DraftFormProps<'course'>) {
  const [form] = Form.useForm<CourseDraft>()
  useServerFieldErrors(form, fieldErrors)
  const [adding, setAdding] = useState<string>()
  const lessons: CourseLessonDraft[] = (Form.useWatch('lessons', form) as CourseLessonDraft[] | undefined) ?? value.lessons
  const cover = (Form.useWatch('cover', form) as string | undefined) ?? value.cover

  const emit = () => onChange({ ...value, ...(form.getFieldsValue(true) as CourseDraft) })
  const setLessons = (next: CourseLessonDraft[]) => {
    form.setFieldsValue({ lessons: next })
    emit()
  }
  const lessonError = (i: number) => fieldErrors?.[`draft.lessons[${i}].videoId`]

  return (
    <Form form={form} layout='vertical' initialValues={value} onValuesChange={emit} disabled={readOnly} aria-label='网络课堂'>
      <Row gutter={24}>
        <Col xs={24} xl={12}>
          <Form.Item name='title' label='课程名称' rules={[{ required: true, whitespace: true, message: '请填写课程名称' }]}>
            <Input maxLength={100} showCount />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name='topic' label='主题' rules={[{ required: true, message: '请选择主题' }]}>
                <TopicSelect />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name='department' label='发布部门' rules={[{ required: true, whitespace: true, message: '请填写发布部门' }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name='summary' label='简介' rules={[{ required: true, whitespace: true, message: '请填写简介' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name='cover' label='封面' rules={[{ required: true, message: '请上传封面' }]}>
            <ImageField label='封面' value={cover} onChange={(url) => (form.setFieldsValue({ cover: url }), emit())} alt='课程封面' disabled={readOnly} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5} id='lessons-title'>
            课时（{lessons.length}）
          </Typography.Title>
          <Typography.Paragraph type='secondary'>每节课时是一个已发布的短视频；用 ↑ ↓ 调整顺序。</Typography.Paragraph>
          {fieldErrors?.['draft.lessons'] && <Typography.Text type='danger'>{fieldErrors['draft.lessons']}</Typography.Text>}
          <List
            aria-labelledby='lessons-title'
            bordered
            dataSource={lessons}
            locale={{ emptyText: <Empty description='还没有课时' /> }}
            renderItem={(lesson, i) => (
              <List.Item
                aria-label={`第 ${i + 1} 课时`}
                actions={
                  readOnly
                    ? []
                    : [
                        <Button
                          key='up'
                          size='small'
                          icon={<ArrowUpOutlined />}
                          aria-label={`第 ${i + 1} 课时上移`}
                          disabled={i === 0}
                          onClick={() => setLessons(moveLesson(lessons, i, i - 1))}
                        />,
                        <Button
                          key='down'
                          size='small'
                          icon={<ArrowDownOutlined />}
                          aria-label={`第 ${i + 1} 课时下移`}
                          disabled={i === lessons.length - 1}
                          onClick={() => setLessons(moveLesson(lessons, i, i + 1))}
                        />,
                        <Button
                          key='remove'
                          size='small'
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`删除第 ${i + 1} 课时`}
                          onClick={() => setLessons(lessons.filter((_, k) => k !== i))}
                        />,
                      ]
                }
              >
                <Space direction='vertical' style={{ width: '100%' }} size={4}>
                  <Typography.Text strong>
                    第 {i + 1} 课时 · 视频 {lesson.videoId}
                  </Typography.Text>
                  <Input
                    aria-label={`第 ${i + 1} 课时标题`}
                    placeholder='课时标题（不填则用视频标题）'
                    value={lesson.title}
                    maxLength={100}
                    disabled={readOnly}
                    onChange={(e) => setLessons(lessons.map((l, k) => (k === i ? { ...l, title: e.target.value } : l)))}
                  />
                  {lessonError(i) && <Typography.Text type='danger'>{lessonError(i)}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
          {!readOnly && (
            <Space style={{ marginTop: 12 }}>
              <ItemSearchSelect type='video' value={adding} onChange={setAdding} id='add-lesson' />
              <Button
                disabled={!adding || lessons.some((l) => l.videoId === adding)}
                onClick={() => {
                  if (!adding) return
                  setLessons([...lessons, { videoId: adding, title: '' }])
                  setAdding(undefined)
                }}
              >
                添加课时
              </Button>
            </Space>
          )}
        </Col>
      </Row>
    </Form>
  )
}
