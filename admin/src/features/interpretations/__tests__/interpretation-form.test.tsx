import { useState } from 'react'
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Block, FieldErrors, InterpretationDraft } from '@common/contract'
import { chartSpec } from '@common/charts/chart-spec'
import { InterpretationForm, emptyInterpretationDraft } from '../interpretation-form'
import { drawn } from '../../../../../test/mocks/echarts'

configure({ defaultHidden: true })
jest.setTimeout(30_000)
jest.mock('../../blocks/echarts', () => jest.requireActual('../../../../../test/mocks/echarts'))

const json = (body: unknown, status = 200) => ({
  ok: status < 400,
  status,
  headers: { get: () => 'application/json' },
  text: async () => JSON.stringify(body),
})
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
const summary = (id: string, title: string, extra: object = {}) => ({ id, type: 'policy', title, status: 'published', ...extra })

const requests: string[] = []
beforeEach(() => {
  requests.length = 0
  drawn.length = 0
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test')
    requests.push(url.pathname + url.search)
    switch (url.pathname) {
      case '/api/v1/topics':
        return json([
          { id: 'yanglao', name: '养老', icon: '' },
          { id: 'jiuye', name: '就业', icon: '' },
        ])
      case '/api/v1/departments':
        return json(['市人力社保局', '市医保局'])
      case '/api/v1/videos':
        return json(page([{ id: 'v1', title: '一分钟看懂养老金' }]))
      case '/api/v1/admin/policies':
        return json(
          page(
            url.searchParams.get('q') === '养老'
              ? [summary('p7', '关于提高城乡居民基础养老金的通知', { docNumber: '台政办发〔2025〕7号' })]
              : [summary('p1', '台州市政务公开工作要点')],
          ),
        )
      case '/api/v1/admin/faqs':
        return json(page([summary('f1', '养老金什么时候发？', { type: 'faq' })]))
      default:
        return json({ error: { code: 'not_found', message: '找不到' } }, 404)
    }
  }) as unknown as typeof fetch
})

let latest: InterpretationDraft
function Harness({
  initial = emptyInterpretationDraft(),
  fieldErrors,
  readOnly,
}: {
  initial?: InterpretationDraft
  fieldErrors?: FieldErrors
  readOnly?: boolean
}) {
  const [draft, setDraft] = useState(initial)
  latest = draft
  return (
    <InterpretationForm
      value={draft}
      fieldErrors={fieldErrors}
      readOnly={readOnly}
      onChange={(next) => {
        latest = next
        setDraft(next)
      }}
    />
  )
}

// label lookups, not role queries: computing every element's accessible name on antd's trees takes seconds
const field = (label: string) => screen.getByLabelText(label, { selector: 'input, textarea, button' })
const openSelect = (label: string) => fireEvent.mouseDown(field(label))
const option = async (text: string) =>
  (await screen.findByText(text, { selector: '.ant-select-item-option-content' }, { timeout: 5000 })).closest<HTMLElement>('.ant-select-item-option')!

/**
 * the form's pick lists have answered: 主题 and 相关短视频 stop spinning (their loads start after the
 * policy and FAQ pickers' first searches, and every answer here is the fetch mock's, in order)
 */
const listsLoaded = () => waitFor(() => expect(document.querySelector('.ant-select-loading')).toBeNull())

describe('the interpretation form', () => {
  it('starts from an empty illustrated draft', () => {
    expect(emptyInterpretationDraft()).toEqual({
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
    })
  })

  it('edits the fields into the draft: title, kind, topic from /topics, summary, 首页推荐', async () => {
    render(<Harness />)
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '城乡居民基础养老金提标了' } })
    fireEvent.click(screen.getByLabelText('问答'))
    await waitFor(() => expect(requests).toContain('/api/v1/topics'))
    openSelect('主题')
    fireEvent.click(await option('养老'))
    fireEvent.change(screen.getByLabelText('摘要'), { target: { value: '每月多领 20 元。' } })
    fireEvent.click(screen.getByLabelText('首页推荐'))
    expect(latest).toMatchObject({ title: '城乡居民基础养老金提标了', kind: 'qa', topic: 'yanglao', summary: '每月多领 20 元。', featured: true })
    expect(screen.getByText('12 / 60')).toBeInTheDocument()
  })

  it('finds the policy by what is typed and keeps its id; the choice shows title and 文号', async () => {
    render(<Harness />)
    const search = field('所解读的政策')
    fireEvent.mouseDown(search)
    fireEvent.change(search, { target: { value: '养老' } })
    fireEvent.click(await option('关于提高城乡居民基础养老金的通知（台政办发〔2025〕7号）'))
    expect(latest.policyId).toBe('p7')
    expect(requests).toContain('/api/v1/admin/policies?q=%E5%85%BB%E8%80%81&pageSize=20')
  })

  it("shows the server's field errors on their field and on their block", async () => {
    const blocks: Block[] = [
      { type: 'paragraph', text: '正文' },
      { type: 'image', src: 'https://example.gov.cn/a.png', alt: '图', caption: '' },
    ]
    render(
      <Harness initial={{ ...emptyInterpretationDraft(), blocks }} fieldErrors={{ 'draft.title': '请填写标题', 'draft.blocks[1].alt': '图片说明过于简单' }} />,
    )
    expect(screen.getByText('请填写标题')).toBeInTheDocument()
    expect(within(screen.getByLabelText('第2块：图片')).getByText('图片说明过于简单')).toBeInTheDocument()
    await listsLoaded()
  })

  it('read-only: every field is disabled', async () => {
    render(<Harness initial={{ ...emptyInterpretationDraft(), title: '已发布的解读', blocks: [{ type: 'paragraph', text: '正文' }] }} readOnly />)
    for (const field of screen.getAllByRole('textbox', { hidden: false })) expect(field).toBeDisabled()
    for (const name of ['主题', '所解读的政策', '相关短视频', '相关简明问答', '首页推荐', '复核日期']) expect(field(name)).toBeDisabled()
    expect(screen.queryByText('添加内容块')).not.toBeInTheDocument()
    await waitFor(() => expect(requests).toContain('/api/v1/topics'))
  })

  it('预览 shows the interpretation as text and draws its chart with the built option', async () => {
    const chart = chartSpec({ kind: 'bar', title: '任务数量', categoryLabel: '板块', seriesName: '任务数', unit: '项', data: [['公开', 5]] })
    const blocks: Block[] = [
      { type: 'heading', text: '<b>重要举措</b>' },
      { type: 'chart', title: '任务数量', chart },
    ]
    render(<Harness initial={{ ...emptyInterpretationDraft(), title: '政务公开要点', blocks }} readOnly />)
    fireEvent.click(screen.getByText(/^预\s*览$/))
    const preview = await screen.findByLabelText('解读预览')
    expect(within(preview).getByText('政务公开要点', { selector: 'h3' })).toBeInTheDocument()
    // user text stays text: the markup is shown, never parsed
    expect(within(preview).getByText('<b>重要举措</b>')).toBeInTheDocument()
    expect(preview.querySelector('b')).toBeNull()
    await waitFor(() => expect(drawn.at(-1)?.option).toEqual({ animation: false, ...chart.option }))
  })
})
