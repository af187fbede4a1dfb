/**
 * An interpretation opened from a link (/packages/interpretation/pages/detail/index?id=): its head
 * and first blocks, with GET /interpretations/:id's answer. An unknown id gets the plain index.html.
 */
import fastJson from 'fast-json-stringify'
import type { Block, Interpretation } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { firstScreenBlockCount } from '../../../../common/first-screen-blocks'
import { kindLabel, staleNotice } from '../../../../common/labels/interpretation-kinds'
import { validityLabel, validityTone } from '../../../../common/labels/policy-validity'
import { Interpretation as InterpretationSchema } from '../../content/schemas'
import { countView } from '../../dashboard/view-counter'
import { asServed, queryId, type FirstScreenPage } from '../page'
import { chineseDate, escapeHtml, safeSrc, tag } from '../markup'
import { card, titleBar } from '../subpage'

function firstBlocks(blocks: Block[]): string {
  const out: string[] = []
  // the blocks a phone shows first (the page draws the same ones in its first render)
  for (const b of blocks.slice(0, firstScreenBlockCount(blocks))) {
    if (b.type === 'heading') out.push(`<div class="block block--heading"><div class="block__heading">${escapeHtml(b.text)}</div></div>`)
    else if (b.type === 'paragraph') out.push(`<div class="block block--paragraph"><span class="block__paragraph">${escapeHtml(b.text)}</span></div>`)
    else if (b.type === 'image') {
      const src = safeSrc(b.src)
      if (!src) break
      out.push(
        `<div class="block block--image"><div class="block__figure"><img class="block__image" src="${src}" alt="${escapeHtml(b.alt)}">` +
          (b.caption ? `<span class="block__caption">${escapeHtml(b.caption)}</span>` : '') +
          `</div></div>`,
      )
    } else break
  }
  return `<div class="blocks">${out.join('')}</div>`
}

/** an interpretation's head (tags, title, department and date) and its first blocks, under H5's title bar as the page has it */
export function interpretationFirstScreen(item: Interpretation): string {
  return (
    // InterpretationHead is a flush Card
    `<div class="page interp-detail">${titleBar('政策解读')}` +
    card(
      `<div class="interp-detail__tags">${tag(kindLabel[item.kind], 'primary')}${tag(validityLabel[item.validity], validityTone[item.validity])}</div>` +
        `<div class="interp-detail__title">${escapeHtml(item.title)}</div>` +
        `<span class="interp-detail__meta">${escapeHtml(item.department)} · ${chineseDate(item.publishedAt)}</span>` +
        `<div class="interp-detail__tools"><div class="read-aloud">▶ 朗读全文</div><div class="interp-detail__poster">生成明白卡海报</div></div>` +
        (item.validity === 'valid' ? '' : `<div class="interp-detail__stale">${staleNotice[item.validity]}</div>`),
      { className: 'interp-detail__head', layout: 'flush' },
    ) +
    `${firstBlocks(item.blocks)}</div>`
  )
}

const serialiseInterpretation = fastJson(InterpretationSchema)

export const interpretationPage: FirstScreenPage = {
  page: 'packages/interpretation/pages/detail/index',
  async draw(app, query) {
    const id = queryId(query)
    const item = id ? await app.store.content.getInterpretation(id) : undefined
    if (!item) return undefined
    // the page takes the interpretation from the HTML: its read is counted here (the dashboard's 最常阅读)
    countView(app.store, 'interpretation', id)
    const data = asServed<Interpretation>(serialiseInterpretation, item)
    return { html: interpretationFirstScreen(data), data: { [`${API_PREFIX}/interpretations/${encodeURIComponent(id)}`]: data } }
  },
}
