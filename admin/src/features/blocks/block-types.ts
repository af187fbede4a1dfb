import type { Block } from '@common/contract'
import { chartSpec, type ChartSource } from '@common/charts/chart-spec'

export type BlockType = Block['type']
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>

/** the order of the 添加 menu */
export const BLOCK_TYPES: readonly BlockType[] = ['heading', 'paragraph', 'image', 'keyFigures', 'timeline', 'table', 'chart', 'callout', 'faq']

export const BLOCK_LABELS: Readonly<Record<BlockType, string>> = {
  heading: '标题',
  paragraph: '段落',
  image: '图片',
  keyFigures: '关键数字',
  timeline: '时间线',
  table: '算例表格',
  chart: '图表',
  callout: '提示框',
  faq: '问答',
}

export const CALLOUT_TONE_LABELS: Readonly<Record<BlockOf<'callout'>['tone'], string>> = { key: '要点', notice: '提示' }

export const HEADING_MAX = 40
export const PARAGRAPH_MAX = 1000
export const IMAGE_ALT_REQUIRED = '请填写图片说明（供读屏软件朗读）'

/** a new chart has no data (a 0 nobody typed would be drawn as a figure); its grid starts with one blank row */
export function emptyChartSource(): ChartSource {
  return { kind: 'bar', title: '', categoryLabel: '', seriesName: '', unit: '', data: [] }
}

/** a new block of a type, with one empty row where it has rows */
export function emptyBlock(type: BlockType): Block {
  switch (type) {
    case 'heading':
    case 'paragraph':
      return { type, text: '' }
    case 'image':
      return { type, src: '', alt: '', caption: '' }
    case 'keyFigures':
      return { type, items: [{ value: '', unit: '', caption: '' }] }
    case 'timeline':
      return { type, items: [{ date: '', title: '', detail: '' }] }
    case 'table':
      return { type, title: '', columns: ['', ''], rows: [['', '']] }
    case 'chart':
      return { type, title: '', chart: chartSpec(emptyChartSource()) }
    case 'callout':
      return { type, tone: 'key', title: '', text: '' }
    case 'faq':
      return { type, items: [{ id: newFaqItemId(), question: '', answer: '' }] }
  }
}

/** a question/answer row's id: only unique within the interpretation */
export function newFaqItemId(): string {
  return `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
}

/**
 * The server's field errors for one block, keyed relative to it: 'draft.blocks[1].alt' → 'alt',
 * 'draft.blocks[1]' → ''. Accepts keys with or without the 'draft.' prefix.
 */
export function blockErrors(fieldErrors: Record<string, string> | undefined, index: number): Record<string, string> {
  const found: Record<string, string> = {}
  if (!fieldErrors) return found
  for (const [key, message] of Object.entries(fieldErrors)) {
    const m = /^(?:draft\.)?blocks\[(\d+)\]\.?(.*)$/.exec(key)
    if (m && Number(m[1]) === index) found[m[2]] = message
  }
  return found
}
