import { useState } from 'react'
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Block, FieldErrors } from '@common/contract'
import { chartSpec } from '@common/charts/chart-spec'
import { BlocksEditor } from '../blocks-editor'
import { IMAGE_ALT_REQUIRED } from '../block-types'
import { drawn } from '../../../../../test/mocks/echarts'

// role queries skip the visibility check: on antd's deep trees it is most of a test's time
configure({ defaultHidden: true })
// antd under jsdom on a shared 2-core machine: a test that types a whole chart takes seconds
jest.setTimeout(30_000)

// jsdom has no canvas: the preview's ECharts is the app tests' recorder
jest.mock('../echarts', () => jest.requireActual('../../../../../test/mocks/echarts'))

let latest: Block[] = []
function Harness({ initial = [], fieldErrors, readOnly }: { initial?: Block[]; fieldErrors?: FieldErrors; readOnly?: boolean }) {
  const [blocks, setBlocks] = useState<Block[]>(initial)
  latest = blocks
  return (
    <BlocksEditor
      value={blocks}
      fieldErrors={fieldErrors}
      readOnly={readOnly}
      onChange={(next) => {
        latest = next
        setBlocks(next)
      }}
    />
  )
}

const type = (label: string, text: string, scope: HTMLElement = document.body) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value: text } })

async function addBlock(label: string) {
  fireEvent.click(screen.getByText('添加内容块'))
  fireEvent.click(await screen.findByText(label, { selector: '.ant-dropdown-menu-title-content' }))
}

const paragraph = (text: string): Block => ({ type: 'paragraph', text })
const image = (alt: string): Block => ({ type: 'image', src: 'https://example.gov.cn/a.png', alt, caption: '' })

const realFetch = global.fetch
afterEach(() => {
  global.fetch = realFetch
})
beforeEach(() => {
  latest = []
  drawn.length = 0
})

describe('chart blocks', () => {
  it('adding a bar chart and typing its grid gives a block whose chart is chartSpec of the grid', async () => {
    render(<Harness />)
    await addBlock('图表')
    const block = screen.getByLabelText('第1块：图表')
    type('图表标题', '市区基础养老金月标准', block)
    type('分类名称', '年份', block)
    type('数据名称', '基础养老金', block)
    type('单位', '元/月', block)
    type('第1行分类', '2019', block)
    type('第1行数值', '200', block)
    fireEvent.click(within(block).getByText('添加一行'))
    type('第2行分类', '2020', block)
    type('第2行数值', '220', block)

    const source = {
      kind: 'bar' as const,
      title: '市区基础养老金月标准',
      categoryLabel: '年份',
      seriesName: '基础养老金',
      unit: '元/月',
      data: [
        ['2019', 200],
        ['2020', 220],
      ] as [string, number][],
    }
    expect(latest).toHaveLength(1)
    expect(latest[0]).toEqual({ type: 'chart', title: '市区基础养老金月标准', chart: chartSpec(source) })
    expect(within(block).queryByText('图表还需完善')).not.toBeInTheDocument()
  })

  it('a pie chart carries the pie option built from the same grid', async () => {
    render(<Harness />)
    await addBlock('图表')
    const block = screen.getByLabelText('第1块：图表')
    fireEvent.click(within(block).getByLabelText('饼图'))
    type('图表标题', '参保人员年龄结构', block)
    type('分类名称', '年龄段', block)
    type('数据名称', '人数', block)
    type('第1行分类', '60岁以上', block)
    type('第1行数值', '1,200', block)

    const source = {
      kind: 'pie' as const,
      title: '参保人员年龄结构',
      categoryLabel: '年龄段',
      seriesName: '人数',
      unit: '',
      data: [['60岁以上', 1200]] as [string, number][],
    }
    const block0 = latest[0] as Extract<Block, { type: 'chart' }>
    expect(block0.chart).toEqual(chartSpec(source))
    expect((block0.chart.option.series as { type: string }[])[0].type).toBe('pie')
  })

  it('a new chart has no data until some is typed, and says so', async () => {
    render(<Harness />)
    await addBlock('图表')
    const block = screen.getByLabelText('第1块：图表')
    expect((latest[0] as Extract<Block, { type: 'chart' }>).chart.source?.data).toEqual([])
    expect(within(block).getByText('图表没有数据')).toBeInTheDocument()
    expect(within(block).getByLabelText('第1行数值')).toHaveValue('')
  })

  it('opens a saved chart with its rows in the grid', () => {
    const chart = chartSpec({
      kind: 'line',
      title: '标准',
      categoryLabel: '年份',
      seriesName: '金额',
      unit: '元',
      data: [
        ['2024', 300],
        ['2025', 320],
      ],
    })
    render(<Harness initial={[{ type: 'chart', title: '标准', chart }]} />)
    expect(screen.getByLabelText('第2行分类')).toHaveValue('2025')
    expect(screen.getByLabelText('第2行数值')).toHaveValue('320')
    expect(screen.getByLabelText('折线图')).toBeChecked()
  })

  it('a value that is not a number shows the problem beside the grid', async () => {
    render(<Harness />)
    await addBlock('图表')
    const block = screen.getByLabelText('第1块：图表')
    type('第1行分类', '2019', block)
    type('第1行数值', '两百', block)
    expect(within(block).getByText('第1行的数值不是数字')).toBeInTheDocument()
    expect(
      within(block).getByLabelText('第1行数值').closest('.ant-input-status-error, .ant-input-affix-wrapper-status-error') ??
        within(block).getByLabelText('第1行数值'),
    ).toHaveClass(/status-error/)
    type('第1行数值', '200', block)
    expect(within(block).queryByText('第1行的数值不是数字')).not.toBeInTheDocument()
  })

  it('pasting two rows from Excel fills two rows of the grid', async () => {
    render(<Harness />)
    await addBlock('图表')
    const block = screen.getByLabelText('第1块：图表')
    fireEvent.paste(within(block).getByLabelText('第1行分类'), { clipboardData: { getData: () => '2019\t200\n2020\t220\n' } })
    expect(within(block).getByLabelText('第1行分类')).toHaveValue('2019')
    expect(within(block).getByLabelText('第1行数值')).toHaveValue('200')
    expect(within(block).getByLabelText('第2行分类')).toHaveValue('2020')
    expect(within(block).getByLabelText('第2行数值')).toHaveValue('220')
    expect(within(block).queryByLabelText('第3行分类')).not.toBeInTheDocument()
    const chart = (latest[0] as Extract<Block, { type: 'chart' }>).chart
    expect(chart.source?.data).toEqual([
      ['2019', 200],
      ['2020', 220],
    ])
  })

  it('the live preview draws the built option with ECharts, and redraws when a cell changes', async () => {
    render(<Harness />)
    await addBlock('图表')
    const block = screen.getByLabelText('第1块：图表')
    type('图表标题', '任务数量', block)
    type('分类名称', '板块', block)
    type('数据名称', '任务数', block)
    type('第1行分类', '公开', block)
    type('第1行数值', '5', block)
    const built = () => (latest[0] as Extract<Block, { type: 'chart' }>).chart.option
    await waitFor(() => expect(drawn.at(-1)?.option).toEqual({ animation: false, ...built() }))
    expect(drawn).toHaveLength(1)
    type('第1行数值', '7', block)
    await waitFor(() => expect((drawn[0].option.series as { data: number[] }[])[0].data).toEqual([7]))
    expect(drawn).toHaveLength(1)

    fireEvent.click(within(block).getByText('查看数据'))
    const data = within(block).getByLabelText('任务数量的数据')
    expect(
      within(data)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['板块', '任务数'])
    expect(
      within(data)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['公开', '7'])
  })
})

describe('image blocks', () => {
  it('an image without alt text says it is required', () => {
    render(<Harness initial={[image('')]} />)
    const block = screen.getByLabelText('第1块：图片')
    expect(within(block).getByText(IMAGE_ALT_REQUIRED)).toBeInTheDocument()
    expect(within(block).getByLabelText('图片说明')).toHaveAttribute('aria-invalid', 'true')
    type('图片说明', '城乡居民基础养老金申领流程图', block)
    expect(within(block).queryByText(IMAGE_ALT_REQUIRED)).not.toBeInTheDocument()
    expect(latest[0]).toMatchObject({ type: 'image', alt: '城乡居民基础养老金申领流程图' })
  })

  it('uploads a picture through POST /api/v1/uploads (field file) and keeps the address it is served at', async () => {
    const sent: { url: string; method?: string; body?: unknown; headers?: Record<string, string> }[] = []
    global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(url), method: init?.method, body: init?.body, headers: init?.headers as Record<string, string> })
      if (init?.method === 'POST')
        return {
          ok: true,
          status: 201,
          headers: { get: () => 'application/json' },
          text: async () => JSON.stringify({ url: '/media/uploads/abc.png', type: 'image/png', size: 3 }),
        }
      return { ok: false, status: 404, headers: { get: () => '' }, text: async () => '' }
    }) as unknown as typeof fetch
    render(<Harness initial={[{ type: 'image', src: '', alt: '', caption: '' }]} />)
    const block = screen.getByLabelText('第1块：图片')
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e])], '流程图.png', { type: 'image/png' })
    fireEvent.change(block.querySelector('input[type=file]')!, { target: { files: [file] } })
    await waitFor(() => expect(latest[0]).toMatchObject({ type: 'image', src: '/media/uploads/abc.png' }))
    const post = sent.find((r) => r.method === 'POST')!
    expect(post.url).toBe('/api/v1/uploads')
    expect((post.body as FormData).get('file')).toBe(file)
    expect(post.headers?.['Idempotency-Key']).toBeTruthy()
    expect(within(block).getByLabelText('图片地址')).toHaveValue('/media/uploads/abc.png')
  })

  it("the server's error for draft.blocks[1].alt shows on the second block only", () => {
    render(<Harness initial={[image('第一张图'), image('第二张图')]} fieldErrors={{ 'draft.blocks[1].alt': '图片说明不能只写「图片」' }} />)
    expect(within(screen.getByLabelText('第2块：图片')).getByText('图片说明不能只写「图片」')).toBeInTheDocument()
    expect(within(screen.getByLabelText('第1块：图片')).queryByText('图片说明不能只写「图片」')).not.toBeInTheDocument()
  })
})

describe('算例表格 blocks', () => {
  it('edits column headings and cells, adds a column and a row, removes a column', async () => {
    render(<Harness />)
    await addBlock('算例表格')
    const block = screen.getByLabelText('第1块：算例表格')
    type('第1列标题', '缴费档次', block)
    type('第2列标题', '每月多领', block)
    type('第1行第1列', '500元', block)
    type('第1行第2列', '20元', block)
    fireEvent.click(within(block).getByText('添加一列'))
    type('第3列标题', '备注', block)
    fireEvent.click(within(block).getByText('添加一行'))
    type('第2行第1列', '1000元', block)
    expect(latest[0]).toEqual({
      type: 'table',
      title: '',
      columns: ['缴费档次', '每月多领', '备注'],
      rows: [
        ['500元', '20元', ''],
        ['1000元', '', ''],
      ],
    })
    fireEvent.click(within(block).getByLabelText('删除第2列'))
    expect(latest[0]).toMatchObject({
      columns: ['缴费档次', '备注'],
      rows: [
        ['500元', ''],
        ['1000元', ''],
      ],
    })
  })
})

describe('order and removal', () => {
  it('moves a block up and down with buttons', async () => {
    render(<Harness initial={[paragraph('甲'), paragraph('乙'), paragraph('丙')]} />)
    expect(screen.getByLabelText('上移第1块：段落')).toBeDisabled()
    expect(screen.getByLabelText('下移第3块：段落')).toBeDisabled()
    fireEvent.click(screen.getByLabelText('下移第1块：段落'))
    expect(latest.map((b) => (b as { text: string }).text)).toEqual(['乙', '甲', '丙'])
    // the focus stays with the moved block, so the arrow can be pressed again from the keyboard
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('下移第2块：段落')))
    fireEvent.click(screen.getByLabelText('上移第3块：段落'))
    expect(latest.map((b) => (b as { text: string }).text)).toEqual(['乙', '丙', '甲'])
    expect(within(screen.getByLabelText('第2块：段落')).getByLabelText('段落文字')).toHaveValue('丙')
  })

  it('removing a block asks first, and only the confirmation removes it', async () => {
    render(<Harness initial={[paragraph('甲'), paragraph('乙')]} />)
    fireEvent.click(screen.getByLabelText('删除第1块：段落'))
    const confirm = (await screen.findByText('删除第1块：段落？')).closest<HTMLElement>('.ant-popover')!
    expect(latest).toHaveLength(2)
    fireEvent.click(within(confirm).getByText(/^取\s*消$/))
    expect(latest).toHaveLength(2)

    fireEvent.click(screen.getByLabelText('删除第1块：段落'))
    const again = (await screen.findByText('删除第1块：段落？')).closest<HTMLElement>('.ant-popover')!
    await act(async () => fireEvent.click(within(again).getByText(/^删\s*除$/)))
    expect(latest).toEqual([paragraph('乙')])
  })

  it('read-only: every field is disabled and there is nothing to add, move or remove', () => {
    render(<Harness initial={[paragraph('甲'), image('图'), { type: 'table', title: '算例', columns: ['档次', '金额'], rows: [['一档', '100']] }]} readOnly />)
    const fields = screen.getAllByRole('textbox', { hidden: false })
    expect(fields).toHaveLength(9)
    for (const input of fields) expect(input).toBeDisabled()
    expect(screen.queryByText('添加内容块')).not.toBeInTheDocument()
    expect(screen.queryAllByLabelText(/^(上移|下移|删除)第\d+块/)).toHaveLength(0)
  })
})
