/**
 * A quiz campaign opened from a link (/packages/quiz/pages/detail/index?id=): cover, title,
 * department, status with the time left, description and 竞赛规则, with GET /campaigns/:id's answer
 * (and the region names its 参与范围 asks for). Public only: 参加竞赛 with the visitor's attempts
 * and rank is the page's to draw once it knows who is asking. An unknown id gets the plain index.html.
 */
import fastJson from 'fast-json-stringify'
import type { Campaign, RegionEntry } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { campaignRuleRows } from '../../../../common/labels/campaign-rules'
import { campaignEndedHero, campaignStatusLabel, campaignStatusTone, campaignTimeLeft } from '../../../../common/labels/campaign-status'
import { inShanghai } from '../../../../common/shanghai-date'
import { regionIndexOf, type RegionIndex } from '../../content/region-index'
import { RegionEntry as RegionEntrySchema } from '../../content/schemas'
import { Campaign as CampaignSchema } from '../../quiz/campaign-schemas'
import { escapeHtml, LAYER_LINKS, safeSrc, tag } from '../markup'
import { asServed, queryId, type FirstScreenPage } from '../page'
import { card, link, subpage } from '../subpage'

/** 距结束 … / 距开始 … / 已结束，可查看排行榜, as the page's CampaignHero says it */
const timing = (c: Campaign, now: Date) => campaignTimeLeft(c, now) ?? campaignEndedHero

/** 6月1日 08:00 in Beijing time (src/features/quiz/format.ts formatDateTime, on a phone in Taizhou) */
const dateTime = (iso: string) => inShanghai(iso).format('M月D日 HH:mm')

/** '331000': the whole city */
const isCity = (code: string) => code.length === 6 && code.endsWith('00')

function rules(c: Campaign, regionName: (code: string) => string): string {
  const rows = campaignRuleRows(c, {
    dateTime,
    regionNames: (codes) => codes.map((code) => (isCity(code) ? '台州全市' : regionName(code))).join('、'),
  })
  const html = rows
    .map(
      ([k, v]) =>
        `<div class="campaign-rules__row"><span class="campaign-rules__key">${k}</span><span class="campaign-rules__value">${escapeHtml(v)}</span></div>`,
    )
    .join('')
  return card(html, { title: '竞赛规则', className: 'campaign-rules' })
}

/** the campaign's hero and rules as the page draws them at `now`; its 排行榜 and 练习 as links */
export function campaignFirstScreen(c: Campaign, now: Date, regionName: (code: string) => string = (code) => code): string {
  const cover = safeSrc(c.cover)
  const hero = card(
    (cover ? `<img class="quiz-hero__cover" src="${cover}" alt="" style="object-fit:cover">` : '') +
      `<div class="quiz-hero__body"><span class="quiz-hero__title">${escapeHtml(c.title)}</span><span class="quiz-hero__dept">${escapeHtml(c.department)}</span>` +
      `<div class="quiz-hero__timing">${tag(campaignStatusLabel[c.status], campaignStatusTone[c.status])}<span>${timing(c, now)}</span></div>` +
      `<span class="quiz-hero__desc">${escapeHtml(c.description)}</span></div>`,
    { layout: 'flush', padding: 'none', className: 'quiz-hero' },
  )
  const links =
    `<div class="quiz-actions">${link('quiz-btn quiz-btn--ghost', LAYER_LINKS.quizLeaderboard(c.id), '排行榜')}` +
    `${link('quiz-btn quiz-btn--ghost', LAYER_LINKS.quizPractice(c.topics.length === 1 ? c.topics[0] : undefined), '练习')}</div>`
  return subpage('知识竞赛', '', hero + rules(c, regionName) + links)
}

const serialiseCampaign = fastJson(CampaignSchema)
const serialiseRegion = fastJson(RegionEntrySchema)

/**
 * the answers useRegionNames (src/features/quiz/hooks) asks for a campaign open to some places
 * only: the counties in one list, or each township by its code; none for a city-wide one
 */
function regionAnswers(index: RegionIndex, codes: string[]): Record<string, RegionEntry[] | RegionEntry> {
  const places = [...new Set(codes.filter((c) => !isCity(c)))]
  if (!places.length) return {}
  if (places.every((c) => c.length === 6)) {
    const counties = index.children() ?? []
    return { [`${API_PREFIX}/regions/children`]: counties.map((r) => asServed<RegionEntry>(serialiseRegion, r)) }
  }
  const out: Record<string, RegionEntry> = {}
  for (const code of places) {
    const entry = index.get(code)
    if (entry) out[`${API_PREFIX}/regions/${encodeURIComponent(code)}`] = asServed<RegionEntry>(serialiseRegion, entry)
  }
  return out
}

export const campaignPage: FirstScreenPage = {
  page: 'packages/quiz/pages/detail/index',
  async draw(app, query) {
    const id = queryId(query)
    const campaign = id ? await app.store.quiz.getCampaign(id) : undefined
    if (!campaign) return undefined
    const data = asServed<Campaign>(serialiseCampaign, campaign)
    const index = regionIndexOf(app.store.regionTree())
    return {
      html: campaignFirstScreen(data, app.store.now(), (code) => index.get(code)?.name ?? code),
      data: { [`${API_PREFIX}/campaigns/${encodeURIComponent(id)}`]: data, ...regionAnswers(index, data.rules.eligibleRegions) },
    }
  },
}
