/**
 * 解读 (pages/interpretations/index): the search bar, the topic chips (全部 on) and the first
 * interpretation cards, with the answers the page asks for on load: GET /topics and the first page
 * of GET /interpretations.
 */
import { Type } from '@sinclair/typebox'
import fastJson from 'fast-json-stringify'
import type { InterpretationSummary, Page, Topic } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { kindLabel, kindTone } from '../../../../common/labels/interpretation-kinds'
import { PageOf } from '../../../schemas/common'
import { InterpretationSummary as SummarySchema, Topic as TopicSchema } from '../../content/schemas'
import { asServed, type FirstScreenPage } from '../page'
import { chineseDate, escapeHtml, LAYER_LINKS, safeSrc, tag } from '../markup'
import { chipBar, emptyState, LIST_PAGE_SIZE, searchLink } from './tab-parts'

/** a card is about 170 px high: the fourth begins above the tab bar on a 844-high phone */
export const INTERPRETATIONS_ON_FIRST_SCREEN = 4

/** InterpretationCard: cover, title, summary, kind and date; the whole card a link to the interpretation */
function card(item: InterpretationSummary): string {
  const cover = safeSrc(item.cover)
  return (
    `<a class="interp-card" href="${escapeHtml(LAYER_LINKS.interpretation(item.id))}">` +
    (cover ? `<img class="interp-card__cover" src="${cover}" alt="">` : '<div class="interp-card__cover"></div>') +
    `<div class="interp-card__body"><span class="interp-card__title">${escapeHtml(item.title)}</span>` +
    `<span class="interp-card__summary">${escapeHtml(item.summary)}</span>` +
    `<div class="interp-card__meta">${tag(kindLabel[item.kind], kindTone[item.kind])}<span class="interp-card__date">${chineseDate(item.publishedAt)}</span></div>` +
    `</div></a>`
  )
}

export function interpretationsFirstScreen(topics: Topic[], list: Page<InterpretationSummary>): string {
  const cards = list.items.length ? list.items.slice(0, INTERPRETATIONS_ON_FIRST_SCREEN).map(card).join('') : emptyState('这个专题还没有解读', '看看其他专题吧')
  return `<div class="page">${searchLink(LAYER_LINKS.search('interpretation'), '搜解读：高龄津贴、医保缴费…')}${chipBar(topics)}${cards}</div>`
}

const serialiseTopics = fastJson(Type.Array(TopicSchema))
const serialiseList = fastJson(PageOf(SummarySchema))

export const interpretationsPage: FirstScreenPage = {
  page: 'pages/interpretations/index',
  async draw(app) {
    const [topics, list] = await Promise.all([app.store.content.listTopics(), app.store.content.listInterpretations({ page: 1, pageSize: LIST_PAGE_SIZE })])
    const servedTopics = asServed<Topic[]>(serialiseTopics, topics)
    const servedList = asServed<Page<InterpretationSummary>>(serialiseList, list)
    return {
      html: interpretationsFirstScreen(servedTopics, servedList),
      data: {
        [`${API_PREFIX}/topics`]: servedTopics,
        [`${API_PREFIX}/interpretations?page=1&pageSize=${LIST_PAGE_SIZE}`]: servedList,
      },
    }
  },
}
