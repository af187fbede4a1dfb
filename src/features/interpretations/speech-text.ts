import type { Block } from '@common/contract'

/** what 朗读 says for a block: its words, figures with their units, tables row by row */
export function blockSpeechText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.text
    case 'image':
      return block.caption ? `图片：${block.caption}` : ''
    case 'keyFigures':
      return block.items.map((f) => `${f.caption}：${f.value}${f.unit ?? ''}`).join('。')
    case 'timeline':
      return block.items.map((t) => `${t.date}，${t.title}${t.detail ? `，${t.detail}` : ''}`).join('。')
    case 'chart':
      return `图表：${block.title}。可点“查看数据”看具体数字`
    case 'table':
      return [block.title ?? '表格', ...block.rows.map((r) => r.map((cell, i) => `${block.columns[i] ?? ''}${cell}`).join('，'))].join('。')
    case 'callout':
      return `${block.title}。${block.text}`
    case 'faq':
      return block.items.map((q) => `问：${q.question}。答：${q.answer}`).join('。')
  }
}
