/**
 * 智能问答 opened from a link (/packages/qa/pages/ask/index, ?q= with a question): the question box,
 * 大家都在问 and the way on to a department. The page asks nothing on load without a question;
 * with one it asks GET /qa/search, which is the page's to do (an answer is a search, logged for
 * 问答缺口): the layer shows the question and the page's own 正在查找答案 placeholder meanwhile.
 * The box is a real form and each example a real link, so a question asked before the app has
 * taken over is still answered (by a page load with ?q=).
 */
import { QA_QUERY_MAX } from '../../../../common/contract'
import { escapeHtml, LAYER_LINKS } from '../markup'
import type { FirstScreenPage } from '../page'
import { card, link, subpage } from '../subpage'

/** src/features/qa/components/ask-parts.tsx */
export const QA_EXAMPLES = ['我妈82岁了高龄津贴能领多少', '医保怎么异地备案', '灵活就业交社保有补贴吗', '种粮补贴什么时候发']

/** a bare field inside the box, as Taro's Input draws it (the box is the border) */
const INPUT_STYLE = 'min-width:0;border:0;outline:0;padding:0;background:transparent;font:inherit;font-size:var(--fs-md);color:inherit'

const PLACEHOLDER = '像聊天一样问，比如：医保怎么异地备案'

function askBox(question: string): string {
  return (
    `<form class="qa__box" role="search" method="get" action="${LAYER_LINKS.qa()}">` +
    `<input class="qa__input" style="${INPUT_STYLE}" name="q" type="search" enterkeyhint="search" maxlength="${QA_QUERY_MAX}" placeholder="${PLACEHOLDER}" aria-label="输入你想问的政策问题" value="${escapeHtml(question)}">` +
    `<button class="qa__ask" type="submit">提问</button></form>`
  )
}

const skeletonCard = `<div class="skeleton__card"><div class="skeleton__line skeleton__line--title"></div><div class="skeleton__line"></div><div class="skeleton__line skeleton__line--short"></div></div>`

export function qaAskFirstScreen(question = ''): string {
  const below = question
    ? `<div class="skeleton" aria-busy="true" aria-label="正在查找答案" role="status">${skeletonCard}${skeletonCard}</div>`
    : card(`<span class="qa__list-title">大家都在问</span>${QA_EXAMPLES.map((q) => link('qa__example', LAYER_LINKS.qa(q), escapeHtml(q))).join('')}`, {
        className: 'qa__list',
        padding: 'none',
      })
  return subpage(
    '智能问答',
    'qa',
    askBox(question) +
      below +
      link('qa__consult', LAYER_LINKS.consult(question || undefined), '<span>没找到答案？向部门咨询</span><span aria-hidden="true">›</span>') +
      link('qa__mine', LAYER_LINKS.myConsultations, '我的咨询'),
  )
}

export const qaAskPage: FirstScreenPage = {
  page: 'packages/qa/pages/ask/index',
  async draw(_app, query) {
    // the page reads ?q= as a question (src/features/qa/hooks/use-ask.ts); too long, the search would refuse it
    const question = typeof query.q === 'string' ? query.q.trim() : ''
    if (question.length > QA_QUERY_MAX) return undefined
    return { html: qaAskFirstScreen(question), data: {} }
  },
}
