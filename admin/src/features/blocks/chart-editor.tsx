import { useEffect, useRef, useState, type ClipboardEvent } from 'react'
import { Alert, Button, Col, Form, Input, Radio, Row, Space, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { ChartKind } from '@common/contract'
import { chartSourceProblems, chartSpec, type ChartSource } from '@common/charts/chart-spec'
import { emptyChartSource, type BlockOf } from './block-types'
import { ChartPreview } from './chart-preview'
import { type GridRow, isGridPaste, parsePastedGrid, parseValue, rowsOf, sourceOf } from './chart-grid'

const gridRows = (source: ChartSource): GridRow[] => {
  const rows = rowsOf(source)
  return rows.length > 0 ? rows : [{ category: '', value: '' }]
}

export const CHART_KIND_LABELS: Readonly<Record<ChartKind, string>> = { bar: '柱状图', line: '折线图', pie: '饼图' }

interface ChartEditorProps {
  value: BlockOf<'chart'>
  onChange: (next: BlockOf<'chart'>) => void
  readOnly?: boolean
  /** the server's messages for this block, keyed relative to it ('' for the block itself) */
  errors?: Record<string, string>
}

/**
 * A chart as a data grid: kind, names and category → value rows. Every change rebuilds the
 * block's chart with common/charts (option + table + source), so the draft always carries what
 * the app will draw; the preview beside it is drawn by the app's own ECharts code.
 */
export function ChartEditor({ value, onChange, readOnly, errors = {} }: ChartEditorProps) {
  const source = value.chart.source ?? { ...emptyChartSource(), title: value.title, data: [] }
  const meta = { kind: source.kind, title: source.title, categoryLabel: source.categoryLabel, seriesName: source.seriesName, unit: source.unit }
  // values stay as typed (「12a」 is a problem to show, not a number to guess), so the grid keeps its own text
  const [rows, setRows] = useState<GridRow[]>(() => gridRows(source))
  const emitted = useRef<ChartSource | undefined>(value.chart.source)
  useEffect(() => {
    if (value.chart.source !== emitted.current) {
      emitted.current = value.chart.source
      setRows(gridRows(value.chart.source ?? emptyChartSource()))
    }
  }, [value.chart.source])

  const emit = (nextMeta: Omit<ChartSource, 'data'>, nextRows: GridRow[]) => {
    const next = sourceOf(nextMeta, nextRows)
    emitted.current = next
    setRows(nextRows)
    onChange({ ...value, title: next.title, chart: chartSpec(next) })
  }
  const setMeta = (patch: Partial<Omit<ChartSource, 'data'>>) => emit({ ...meta, ...patch }, rows)
  const setCell = (index: number, patch: Partial<GridRow>) =>
    emit(
      meta,
      rows.map((r, i) => (i === index ? { ...r, ...patch } : r)),
    )

  const onPaste = (index: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain') || e.clipboardData.getData('text')
    if (!isGridPaste(text)) return
    e.preventDefault()
    const pasted = parsePastedGrid(text)
    const nextMeta = { ...meta }
    if (pasted.header) {
      nextMeta.categoryLabel ||= pasted.header[0]
      nextMeta.seriesName ||= pasted.header[1]
    }
    // from the row pasted into on: what was below is replaced, as in a spreadsheet
    emit(nextMeta, [...rows.slice(0, index), ...pasted.rows, ...rows.slice(index + pasted.rows.length)])
  }

  // what the draft carries (a new chart's blank first row is not data yet)
  const problems = chartSourceProblems(value.chart.source ?? sourceOf(meta, rows))
  const rowHasProblem = (i: number) => problems.some((p) => p.startsWith(`第${i + 1}行`))
  const serverMessages = Object.values(errors)

  return (
    <Row gutter={16}>
      <Col span={12}>
        {value.chart.source ? null : (
          <Alert style={{ marginBottom: 12 }} type='info' showIcon message='这张图表没有保存数据表：请在下方填写数据，图表将按数据重新生成' />
        )}
        <Form.Item label='图表类型'>
          <Radio.Group
            optionType='button'
            value={meta.kind}
            disabled={readOnly}
            options={(Object.keys(CHART_KIND_LABELS) as ChartKind[]).map((k) => ({ value: k, label: CHART_KIND_LABELS[k] }))}
            onChange={(e) => setMeta({ kind: e.target.value as ChartKind })}
          />
        </Form.Item>
        <Form.Item label='图表标题' required>
          <Input aria-label='图表标题' value={meta.title} maxLength={40} showCount disabled={readOnly} onChange={(e) => setMeta({ title: e.target.value })} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item label='分类名称' required tooltip='第一列的名称，如「年份」「年龄段」'>
              <Input
                aria-label='分类名称'
                placeholder='年份'
                value={meta.categoryLabel}
                disabled={readOnly}
                onChange={(e) => setMeta({ categoryLabel: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label='数据名称' required>
              <Input
                aria-label='数据名称'
                placeholder='基础养老金'
                value={meta.seriesName}
                disabled={readOnly}
                onChange={(e) => setMeta({ seriesName: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label='单位'>
              <Input aria-label='单位' placeholder='元/月' value={meta.unit} disabled={readOnly} onChange={(e) => setMeta({ unit: e.target.value })} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type='secondary'>可从 Excel 复制两列（分类、数值）粘贴到任一单元格。</Typography.Text>
        <table className='chart-grid' style={{ width: '100%', borderCollapse: 'collapse', margin: '8px 0' }}>
          <thead>
            <tr>
              <th scope='col' style={{ width: 40 }}>
                #
              </th>
              <th scope='col'>{meta.categoryLabel || '分类'}</th>
              <th scope='col'>{meta.unit ? `${meta.seriesName || '数值'}（${meta.unit}）` : meta.seriesName || '数值'}</th>
              <th scope='col' style={{ width: 48 }}>
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <Input
                    aria-label={`第${i + 1}行分类`}
                    value={row.category}
                    status={rowHasProblem(i) && !row.category.trim() ? 'error' : undefined}
                    disabled={readOnly}
                    onChange={(e) => setCell(i, { category: e.target.value })}
                    onPaste={onPaste(i)}
                  />
                </td>
                <td>
                  <Input
                    aria-label={`第${i + 1}行数值`}
                    inputMode='decimal'
                    value={row.value}
                    status={rowHasProblem(i) && Number.isNaN(parseValue(row.value)) ? 'error' : undefined}
                    disabled={readOnly}
                    onChange={(e) => setCell(i, { value: e.target.value })}
                    onPaste={onPaste(i)}
                  />
                </td>
                <td>
                  <Button
                    type='text'
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除第${i + 1}行`}
                    disabled={readOnly}
                    onClick={() =>
                      emit(
                        meta,
                        rows.filter((_, j) => j !== i),
                      )
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button icon={<PlusOutlined />} disabled={readOnly} onClick={() => emit(meta, [...rows, { category: '', value: '' }])}>
          添加一行
        </Button>
        {problems.length > 0 || serverMessages.length > 0 ? (
          <Alert
            style={{ marginTop: 12 }}
            type={serverMessages.length > 0 ? 'error' : 'warning'}
            showIcon
            message='图表还需完善'
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {[...serverMessages, ...problems.filter((p) => !serverMessages.includes(p))].map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Col>
      <Col span={12}>
        <Space direction='vertical' style={{ width: '100%' }}>
          <Typography.Text type='secondary'>预览（与居民端相同的图表）</Typography.Text>
          <ChartPreview chart={value.chart} title={value.title} />
        </Space>
      </Col>
    </Row>
  )
}
