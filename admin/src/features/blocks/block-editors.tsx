import type { ReactNode } from 'react'
import { Button, Col, Form, Input, Radio, Row, Space } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { Block } from '@common/contract'
import { CALLOUT_TONE_LABELS, HEADING_MAX, IMAGE_ALT_REQUIRED, PARAGRAPH_MAX, newFaqItemId, type BlockOf, type BlockType } from './block-types'
import { ChartEditor } from './chart-editor'
import { ImageField } from './image-field'

export interface BlockEditorProps<T extends BlockType> {
  value: BlockOf<T>
  onChange: (next: BlockOf<T>) => void
  readOnly?: boolean
  /** the server's messages for this block, keyed relative to it: 'alt', 'items[0].value', '' */
  errors: Record<string, string>
}

const fieldError = (message: string | undefined) => (message ? { validateStatus: 'error' as const, help: message } : {})

function TextBlockEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'heading' | 'paragraph'>) {
  const isHeading = value.type === 'heading'
  return (
    <Form.Item label={isHeading ? '标题文字' : '段落文字'} required {...fieldError(errors.text)}>
      {isHeading ? (
        <Input
          aria-label='标题文字'
          value={value.text}
          maxLength={HEADING_MAX}
          showCount
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
      ) : (
        <Input.TextArea
          aria-label='段落文字'
          value={value.text}
          maxLength={PARAGRAPH_MAX}
          showCount
          autoSize={{ minRows: 3, maxRows: 12 }}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
      )}
    </Form.Item>
  )
}

function ImageBlockEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'image'>) {
  const altMessage = errors.alt ?? (value.alt.trim() ? undefined : IMAGE_ALT_REQUIRED)
  return (
    <>
      <Form.Item label='图片' required {...fieldError(errors.src)}>
        <ImageField
          label='图片'
          value={value.src}
          alt={value.alt}
          disabled={readOnly}
          status={errors.src ? 'error' : undefined}
          onChange={(src) => onChange({ ...value, src })}
        />
      </Form.Item>
      <Form.Item
        label='图片说明（替代文字）'
        required
        {...fieldError(altMessage)}
        extra={altMessage ? undefined : '读屏软件会朗读这段文字，请写清图片表达的内容'}
      >
        <Input.TextArea
          aria-label='图片说明'
          aria-required
          aria-invalid={Boolean(altMessage)}
          value={value.alt}
          maxLength={200}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          status={altMessage ? 'error' : undefined}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, alt: e.target.value })}
        />
      </Form.Item>
      <Form.Item label='图注' {...fieldError(errors.caption)}>
        <Input
          aria-label='图注'
          value={value.caption ?? ''}
          maxLength={80}
          showCount
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, caption: e.target.value })}
        />
      </Form.Item>
    </>
  )
}

interface RowsEditorProps<R> {
  rows: R[]
  onChange: (rows: R[]) => void
  empty: () => R
  /** what one row is called: 「数字」「事件」「问答」 */
  noun: string
  readOnly?: boolean
  renderRow: (row: R, index: number, set: (patch: Partial<R>) => void) => ReactNode
}

function RowsEditor<R>({ rows, onChange, empty, noun, readOnly, renderRow }: RowsEditorProps<R>) {
  return (
    <Space direction='vertical' style={{ width: '100%' }}>
      {rows.map((row, i) => (
        <Row key={i} gutter={8} align='top' wrap={false}>
          <Col flex='auto'>{renderRow(row, i, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}</Col>
          <Col flex='none'>
            <Button
              type='text'
              danger
              icon={<DeleteOutlined />}
              aria-label={`删除第${i + 1}个${noun}`}
              disabled={readOnly || rows.length <= 1}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          </Col>
        </Row>
      ))}
      <Button icon={<PlusOutlined />} disabled={readOnly} onClick={() => onChange([...rows, empty()])}>
        添加{noun}
      </Button>
    </Space>
  )
}

function KeyFiguresEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'keyFigures'>) {
  return (
    <RowsEditor
      rows={value.items}
      noun='数字'
      readOnly={readOnly}
      empty={() => ({ value: '', unit: '', caption: '' })}
      onChange={(items) => onChange({ ...value, items })}
      renderRow={(item, i, set) => (
        <Row gutter={8}>
          <Col span={6}>
            <Form.Item label={i === 0 ? '数字' : undefined} {...fieldError(errors[`items[${i}].value`])}>
              <Input
                aria-label={`第${i + 1}个数字`}
                placeholder='320'
                value={item.value}
                disabled={readOnly}
                onChange={(e) => set({ value: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={i === 0 ? '单位' : undefined}>
              <Input
                aria-label={`第${i + 1}个数字的单位`}
                placeholder='元/月'
                value={item.unit ?? ''}
                disabled={readOnly}
                onChange={(e) => set({ unit: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label={i === 0 ? '说明' : undefined} {...fieldError(errors[`items[${i}].caption`])}>
              <Input
                aria-label={`第${i + 1}个数字的说明`}
                placeholder='基础养老金最低标准'
                value={item.caption}
                maxLength={40}
                disabled={readOnly}
                onChange={(e) => set({ caption: e.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  )
}

function TimelineEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'timeline'>) {
  return (
    <RowsEditor
      rows={value.items}
      noun='事件'
      readOnly={readOnly}
      empty={() => ({ date: '', title: '', detail: '' })}
      onChange={(items) => onChange({ ...value, items })}
      renderRow={(item, i, set) => (
        <Row gutter={8}>
          <Col span={5}>
            <Form.Item label={i === 0 ? '时间' : undefined} {...fieldError(errors[`items[${i}].date`])}>
              <Input
                aria-label={`第${i + 1}个事件的时间`}
                placeholder='2026年1月'
                value={item.date}
                disabled={readOnly}
                onChange={(e) => set({ date: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label={i === 0 ? '事件' : undefined} {...fieldError(errors[`items[${i}].title`])}>
              <Input aria-label={`第${i + 1}个事件`} value={item.title} maxLength={40} disabled={readOnly} onChange={(e) => set({ title: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={i === 0 ? '详情' : undefined}>
              <Input
                aria-label={`第${i + 1}个事件的详情`}
                value={item.detail ?? ''}
                maxLength={200}
                disabled={readOnly}
                onChange={(e) => set({ detail: e.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  )
}

function FaqBlockEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'faq'>) {
  return (
    <RowsEditor
      rows={value.items}
      noun='问答'
      readOnly={readOnly}
      empty={() => ({ id: newFaqItemId(), question: '', answer: '' })}
      onChange={(items) => onChange({ ...value, items })}
      renderRow={(item, i, set) => (
        <>
          <Form.Item label={`问题 ${i + 1}`} {...fieldError(errors[`items[${i}].question`])}>
            <Input
              aria-label={`第${i + 1}个问题`}
              value={item.question}
              maxLength={100}
              showCount
              disabled={readOnly}
              onChange={(e) => set({ question: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={`回答 ${i + 1}`} {...fieldError(errors[`items[${i}].answer`])}>
            <Input.TextArea
              aria-label={`第${i + 1}个回答`}
              value={item.answer}
              maxLength={500}
              showCount
              autoSize={{ minRows: 2, maxRows: 6 }}
              disabled={readOnly}
              onChange={(e) => set({ answer: e.target.value })}
            />
          </Form.Item>
        </>
      )}
    />
  )
}

function CalloutEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'callout'>) {
  return (
    <>
      <Form.Item label='样式'>
        <Radio.Group
          optionType='button'
          value={value.tone}
          disabled={readOnly}
          options={(['key', 'notice'] as const).map((tone) => ({ value: tone, label: CALLOUT_TONE_LABELS[tone] }))}
          onChange={(e) => onChange({ ...value, tone: e.target.value as BlockOf<'callout'>['tone'] })}
        />
      </Form.Item>
      <Form.Item label='提示标题' required {...fieldError(errors.title)}>
        <Input
          aria-label='提示标题'
          value={value.title}
          maxLength={HEADING_MAX}
          showCount
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </Form.Item>
      <Form.Item label='提示内容' required {...fieldError(errors.text)}>
        <Input.TextArea
          aria-label='提示内容'
          value={value.text}
          maxLength={PARAGRAPH_MAX}
          showCount
          autoSize={{ minRows: 2, maxRows: 8 }}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
      </Form.Item>
    </>
  )
}

/** 算例表格: column headings and rows of cells, columns and rows added and removed */
function TableEditor({ value, onChange, readOnly, errors }: BlockEditorProps<'table'>) {
  const setColumns = (columns: string[], rows: string[][]) => onChange({ ...value, columns, rows })
  const addColumn = () =>
    setColumns(
      [...value.columns, ''],
      value.rows.map((r) => [...r, '']),
    )
  const removeColumn = (c: number) =>
    setColumns(
      value.columns.filter((_, i) => i !== c),
      value.rows.map((r) => r.filter((_, i) => i !== c)),
    )
  const setCell = (r: number, c: number, text: string) =>
    onChange({ ...value, rows: value.rows.map((row, i) => (i === r ? row.map((cell, j) => (j === c ? text : cell)) : row)) })
  return (
    <>
      <Form.Item label='表格标题' {...fieldError(errors.title)}>
        <Input
          aria-label='表格标题'
          value={value.title ?? ''}
          maxLength={HEADING_MAX}
          showCount
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </Form.Item>
      <div style={{ overflowX: 'auto' }}>
        <table className='table-grid' style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              {value.columns.map((column, c) => (
                <th key={c} scope='col' style={{ padding: 4, minWidth: 140 }}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Input
                      aria-label={`第${c + 1}列标题`}
                      placeholder={`第${c + 1}列标题`}
                      value={column}
                      status={errors[`columns[${c}]`] ? 'error' : undefined}
                      disabled={readOnly}
                      onChange={(e) =>
                        setColumns(
                          value.columns.map((x, i) => (i === c ? e.target.value : x)),
                          value.rows,
                        )
                      }
                    />
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`删除第${c + 1}列`}
                      disabled={readOnly || value.columns.length <= 1}
                      onClick={() => removeColumn(c)}
                    />
                  </Space.Compact>
                </th>
              ))}
              <th scope='col' style={{ width: 48 }}>
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {value.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} style={{ padding: 4 }}>
                    <Input aria-label={`第${r + 1}行第${c + 1}列`} value={cell} disabled={readOnly} onChange={(e) => setCell(r, c, e.target.value)} />
                  </td>
                ))}
                <td>
                  <Button
                    type='text'
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除表格第${r + 1}行`}
                    disabled={readOnly || value.rows.length <= 1}
                    onClick={() => onChange({ ...value, rows: value.rows.filter((_, i) => i !== r) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Space style={{ marginTop: 8 }}>
        <Button icon={<PlusOutlined />} disabled={readOnly} onClick={() => onChange({ ...value, rows: [...value.rows, value.columns.map(() => '')] })}>
          添加一行
        </Button>
        <Button icon={<PlusOutlined />} disabled={readOnly} onClick={addColumn}>
          添加一列
        </Button>
      </Space>
    </>
  )
}

/** the editor for a block of any type */
export function BlockEditor({ value, onChange, readOnly, errors }: BlockEditorProps<BlockType> & { value: Block; onChange: (next: Block) => void }) {
  const props = { onChange, readOnly, errors }
  switch (value.type) {
    case 'heading':
    case 'paragraph':
      return <TextBlockEditor value={value} {...props} />
    case 'image':
      return <ImageBlockEditor value={value} {...props} />
    case 'keyFigures':
      return <KeyFiguresEditor value={value} {...props} />
    case 'timeline':
      return <TimelineEditor value={value} {...props} />
    case 'table':
      return <TableEditor value={value} {...props} />
    case 'chart':
      return <ChartEditor value={value} {...props} />
    case 'callout':
      return <CalloutEditor value={value} {...props} />
    case 'faq':
      return <FaqBlockEditor value={value} {...props} />
  }
}
