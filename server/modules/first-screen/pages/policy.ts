/**
 * A policy opened from a link (/packages/policy/pages/detail/index?id=): its validity banner, title
 * and facts (文号, 机关, dates), 相关解读 / 相关视频 / 常见问答 as real links and the start of its text,
 * with the three answers the page asks for on load (GET /policies/:id, its interpretations and
 * /policies/:id/related). An unknown or unpublished id gets the plain index.html.
 */
import fastJson from 'fast-json-stringify'
import type { InterpretationSummary, Page, Policy, PolicyRelated } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { closedLabel, validityLabel } from '../../../../common/labels/policy-validity'
import { shanghaiToday } from '../../../../common/shanghai-date'
import { PageOf } from '../../../schemas/common'
import { markClosed } from '../../content/closing'
import { countView } from '../../dashboard/view-counter'
import { policyRelated } from '../../content/policy-related'
import { InterpretationSummary as InterpretationSummarySchema, Policy as PolicySchema, PolicyRelated as PolicyRelatedSchema } from '../../content/schemas'
import { chineseDate, escapeHtml, LAYER_LINKS } from '../markup'
import { asServed, queryId, type FirstScreenPage } from '../page'
import { card, inertButton, link, subpage } from '../subpage'

/** what the page asks for its 相关解读 (src/features/policies/api/get-policy.ts) */
const INTERPRETATIONS_PAGE = { page: 1, pageSize: 10 }

/** src/features/policies/components/validity-banner.tsx */
const validityHint: Record<Policy['validity'], string> = {
  valid: '本文件现行有效',
  revised: '本文件已被修订，请以新版为准',
  repealed: '本文件已废止，仅供查阅',
}

function validityBanner(p: Policy): string {
  return (
    `<div class="validity-banner validity-banner--${p.validity}"><span class="validity-banner__label">${validityLabel[p.validity]}</span>` +
    `<div class="validity-banner__body"><span class="validity-banner__hint">${validityHint[p.validity]}</span>` +
    (p.validityNote ? `<span class="validity-banner__note">${escapeHtml(p.validityNote)}</span>` : '') +
    (p.replacedBy ? link('validity-banner__link', LAYER_LINKS.policy(p.replacedBy), '查看新版文件 ›') : '') +
    `</div></div>`
  )
}

const fact = (label: string, value: string) =>
  `<div class="policy-detail__fact"><span class="policy-detail__fact-label">${label}</span><span class="policy-detail__fact-value">${value}</span></div>`

/** title, facts and the page's buttons as a visitor first sees them (分享; 收藏 before the account's state is known) */
function policyHead(p: Policy): string {
  const facts = [
    fact('文号', escapeHtml(p.docNumber)),
    fact('发布机关', escapeHtml(p.issuer)),
    fact('主管部门', escapeHtml(p.department)),
    fact('发布日期', chineseDate(p.publishedAt)),
    p.effectiveFrom ? fact('施行日期', chineseDate(p.effectiveFrom)) : '',
    p.closesAt ? fact('截止日期', `${chineseDate(p.closesAt)}${p.closed ? `（${closedLabel}）` : ''}`) : '',
  ].join('')
  return card(
    `<div class="policy-detail__title">${escapeHtml(p.title)}</div><div class="policy-detail__facts">${facts}</div>` +
      `<div class="policy-detail__actions">${inertButton('share-button', '分享')}${inertButton('fav-button', '☆ 收藏')}</div>`,
    { layout: 'flush', className: 'policy-detail__head' },
  )
}

/** src/features/policies/components/related-section.tsx: nothing when there is nothing to link */
function relatedSection(title: string, links: { label: string; href: string }[]): string {
  if (!links.length) return ''
  const items = links.map((l) => link('related-section__item', l.href, `<span>${escapeHtml(l.label)}</span><span aria-hidden="true">›</span>`)).join('')
  return card(items, { title, padding: 'none', className: 'related-section' })
}

/** the first section of the text: below the fold on a phone, but there if the head is short */
function textStart(p: Policy): string {
  const s = p.sections[0]
  if (!s) return ''
  const paragraphs = s.paragraphs
    .slice(0, 2)
    .map((t) => `<span class="policy-text__para">${escapeHtml(t)}</span>`)
    .join('')
  return `<div class="policy-text"><div class="policy-text__section"><div class="policy-text__heading">${escapeHtml(s.heading)}</div>${paragraphs}</div></div>`
}

export function policyFirstScreen(p: Policy, interpretations: InterpretationSummary[], related: PolicyRelated): string {
  return subpage(
    '政策原文',
    'policy-detail',
    validityBanner(p) +
      policyHead(p) +
      relatedSection(
        '相关解读',
        interpretations.map((i) => ({ label: i.title, href: LAYER_LINKS.interpretation(i.id) })),
      ) +
      relatedSection(
        '相关视频',
        related.videos.map((v) => ({ label: v.title, href: LAYER_LINKS.video(v.id) })),
      ) +
      relatedSection(
        '常见问答',
        related.faqs.map((f) => ({ label: f.question, href: LAYER_LINKS.qa(f.question) })),
      ) +
      textStart(p),
  )
}

const serialisePolicy = fastJson(PolicySchema)
const serialiseInterpretations = fastJson(PageOf(InterpretationSummarySchema))
const serialiseRelated = fastJson(PolicyRelatedSchema)

export const policyPage: FirstScreenPage = {
  page: 'packages/policy/pages/detail/index',
  async draw(app, query) {
    const id = queryId(query)
    if (!id) return undefined
    // as GET /policies/:id, GET /interpretations?policyId= and GET /policies/:id/related answer them
    const [found, interpretations, related] = await Promise.all([
      app.store.content.getPolicy(id),
      app.store.content.listInterpretations({ policyId: id, ...INTERPRETATIONS_PAGE }),
      policyRelated(app.store, id),
    ])
    if (!found || !related) return undefined
    // the page takes the policy from the HTML: its read is counted here (the dashboard's 最常阅读)
    countView(app.store, 'policy', id)
    const policy = asServed<Policy>(serialisePolicy, markClosed(found, shanghaiToday(app.store.now())))
    const list = asServed<Page<InterpretationSummary>>(serialiseInterpretations, interpretations)
    const links = asServed<PolicyRelated>(serialiseRelated, related)
    const api = `${API_PREFIX}/policies/${encodeURIComponent(id)}`
    const listUrl = `${API_PREFIX}/interpretations?policyId=${encodeURIComponent(id)}&page=${INTERPRETATIONS_PAGE.page}&pageSize=${INTERPRETATIONS_PAGE.pageSize}`
    return {
      html: policyFirstScreen(policy, list.items, links),
      data: { [api]: policy, [listUrl]: list, [`${api}/related`]: links },
    }
  },
}
