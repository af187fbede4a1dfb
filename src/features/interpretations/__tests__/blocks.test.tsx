import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Block } from '@common/contract'
import { drawn } from '../../../../test/mocks/echarts'
import { InterpretationBlocks } from '../components/blocks/interpretation-blocks'

const chart: Extract<Block, { type: 'chart' }> = {
  type: 'chart',
  title: '高龄津贴月标准（按年龄段）',
  chart: {
    option: {
      xAxis: { type: 'category', data: ['80-89周岁', '90-99周岁', '100周岁及以上'] },
      yAxis: { type: 'value', name: '元/月' },
      series: [{ type: 'bar', name: '津贴', data: [60, 200, 800] }],
    },
    table: {
      columns: ['年龄段', '每月津贴（元）'],
      rows: [
        ['80-89周岁', 60],
        ['90-99周岁', 200],
        ['100周岁及以上', 800],
      ],
    },
  },
}

const blocks: Block[] = [
  { type: 'heading', text: '政策背景' },
  { type: 'paragraph', text: '为提高高龄老人生活质量，<b>市民政局</b>调整了津贴标准。' },
  { type: 'image', src: '/media/covers/i003.jpg', alt: '高龄津贴领取指南', caption: '图：领取流程' },
  { type: 'keyFigures', items: [{ value: '800', unit: '元/月', caption: '百岁老人津贴' }] },
  { type: 'timeline', items: [{ date: '2024-07-01', title: '新标准施行', detail: '按月发放' }] },
  { type: 'table', title: '申领材料', columns: ['材料', '说明'], rows: [['身份证', '本人或代办人']] },
  { type: 'callout', tone: 'key', title: '政策要点', text: '无需每年重复申请。' },
  { type: 'callout', tone: 'notice', title: '注意事项', text: '老人去世后请及时告知村（社区）。' },
  chart,
  { type: 'faq', items: [{ id: 'q1', question: '外地户籍老人能领吗？', answer: '需具有本市户籍。' }] },
]

describe('InterpretationBlocks', () => {
  beforeEach(() => {
    drawn.length = 0
  })

  it('renders headings, paragraphs (as text, never HTML), key figures, timelines, tables and callouts', () => {
    render(<InterpretationBlocks blocks={blocks} />)
    expect(screen.getByRole('heading', { name: '政策背景' })).toBeInTheDocument()
    // the markup in the paragraph is shown literally, not interpreted
    expect(screen.getByText('为提高高龄老人生活质量，<b>市民政局</b>调整了津贴标准。')).toBeInTheDocument()
    expect(document.querySelector('b')).toBeNull()
    expect(screen.getByText('800')).toBeInTheDocument()
    expect(screen.getByText('元/月')).toBeInTheDocument()
    expect(screen.getByText('百岁老人津贴')).toBeInTheDocument()
    expect(screen.getByText('2024年7月1日')).toBeInTheDocument()
    expect(screen.getByText('新标准施行')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: '申领材料' })
    expect(within(table).getByText('身份证')).toBeInTheDocument()
    expect(within(table).getByRole('columnheader', { name: '说明' })).toBeInTheDocument()
    expect(screen.getByText('政策要点').closest('.callout')).toHaveClass('callout--key')
    expect(screen.getByText('注意事项').closest('.callout')).toHaveClass('callout--notice')
  })

  it('previews an image full screen on tap', () => {
    const preview = jest.spyOn(Taro, 'previewImage')
    render(<InterpretationBlocks blocks={blocks} />)
    fireEvent.click(screen.getByLabelText('高龄津贴领取指南（点击查看大图）'))
    expect(preview).toHaveBeenCalledWith({ current: '/media/covers/i003.jpg', urls: ['/media/covers/i003.jpg'] })
    expect(screen.getByText('图：领取流程')).toBeInTheDocument()
  })

  it('opens and closes an FAQ answer', () => {
    render(<InterpretationBlocks blocks={blocks} />)
    expect(screen.queryByText('需具有本市户籍。')).toBeNull()
    const q = screen.getByRole('button', { name: /外地户籍老人能领吗/ })
    expect(q).toHaveAttribute('aria-expanded', 'false')
    fireEvent.click(q)
    expect(screen.getByText('需具有本市户籍。')).toBeInTheDocument()
    expect(q).toHaveAttribute('aria-expanded', 'true')
    fireEvent.click(q)
    expect(screen.queryByText('需具有本市户籍。')).toBeNull()
  })

  it('draws the chart with its option at the device pixel ratio, and 查看数据 swaps it for the same data as a table', async () => {
    render(<InterpretationBlocks blocks={blocks} />)
    // ECharts arrives in its own chunk once the chart mounts
    await waitFor(() => expect(drawn).toHaveLength(1))
    expect(drawn[0].option).toMatchObject({ series: chart.chart.option.series })
    expect(drawn[0].devicePixelRatio).toBe(window.devicePixelRatio || 1)
    expect(screen.getByRole('img', { name: /高龄津贴月标准/ })).toBeInTheDocument()

    fireEvent.click(screen.getByText('查看数据'))
    expect(drawn[0].disposed).toBe(true)
    const table = screen.getByRole('table', { name: '高龄津贴月标准（按年龄段）' })
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent)
    expect(rows).toEqual(['年龄段每月津贴（元）', '80-89周岁60', '90-99周岁200', '100周岁及以上800'])

    fireEvent.click(screen.getByText('查看图表'))
    await waitFor(() => expect(drawn).toHaveLength(2))
  })
})
