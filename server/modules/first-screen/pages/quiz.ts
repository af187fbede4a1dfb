/**
 * 答题 (pages/quiz/index): 练习 and 错题本, the status chips (进行中 on, as the page opens) and the
 * first campaign cards with their countdowns, with GET /campaigns?status=ongoing's answer.
 */
import { Type } from '@sinclair/typebox'
import fastJson from 'fast-json-stringify'
import type { CampaignStatus, CampaignSummary } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { campaignStatusLabel, campaignStatusTone, campaignTimeLeft } from '../../../../common/labels/campaign-status'
import { formatCount } from '../../../../common/counts'
import { inShanghai } from '../../../../common/shanghai-date'
import { CampaignSummary as CampaignSummarySchema } from '../../quiz/campaign-schemas'
import { asServed, type FirstScreenPage } from '../page'
import { escapeHtml, LAYER_LINKS, safeSrc, tag } from '../markup'
import { chipBar, emptyState } from './tab-parts'

/** the status the page opens on (src/pages/quiz/index.tsx) */
const OPENING_STATUS: CampaignStatus = 'ongoing'

/** a campaign card is about 120 px high: three fit under 练习 and the chips */
export const CAMPAIGNS_ON_FIRST_SCREEN = 3

const STATUSES = (['ongoing', 'upcoming', 'ended'] as const).map((id) => ({ id, name: campaignStatusLabel[id] }))

/** as CampaignCard says it: the time left, or the day it ended */
const timing = (c: CampaignSummary, now: Date) => campaignTimeLeft(c, now) ?? `已于 ${inShanghai(c.endsAt).format('YYYY年M月D日')} 结束`

/** CampaignCard: cover, title, department, status, countdown and participants; a link to the campaign */
function card(c: CampaignSummary, now: Date): string {
  const cover = safeSrc(c.cover)
  return (
    `<div class="card card--pad-none card--inset campaign-card"><a class="campaign-card__link" href="${escapeHtml(LAYER_LINKS.campaign(c.id))}">` +
    (cover ? `<img class="campaign-card__cover" src="${cover}" alt="">` : '') +
    `<div class="campaign-card__body"><span class="campaign-card__title">${escapeHtml(c.title)}</span>` +
    `<span class="campaign-card__dept">${escapeHtml(c.department)}</span>` +
    `<div class="campaign-card__meta">${tag(campaignStatusLabel[c.status], campaignStatusTone[c.status])}<span class="campaign-card__timing">${escapeHtml(timing(c, now))}</span></div>` +
    `<span class="campaign-card__people">${formatCount(c.participants)} 人参与</span></div></a></div>`
  )
}

const entry = (title: string, hint: string, href: string) =>
  `<div class="card card--pad-none card--inset quiz-entry"><a class="quiz-entry__link" href="${href}" aria-label="${title}：${hint}">` +
  `<span class="quiz-entry__title">${title}</span><span class="quiz-entry__hint">${hint}</span></a></div>`

export function quizFirstScreen(campaigns: CampaignSummary[], now: Date): string {
  const cards = campaigns.length
    ? campaigns
        .slice(0, CAMPAIGNS_ON_FIRST_SCREEN)
        .map((c) => card(c, now))
        .join('')
    : emptyState('暂无竞赛', '看看其他状态的竞赛吧')
  return (
    `<div class="page"><div class="quiz-entries">${entry('练习', '按主题答题，即时看解析', LAYER_LINKS.quizPractice())}${entry('错题本', '答错的题，重练巩固', LAYER_LINKS.quizMistakes)}</div>` +
    `${chipBar(STATUSES, OPENING_STATUS)}${cards}</div>`
  )
}

const serialiseCampaigns = fastJson(Type.Array(CampaignSummarySchema))

export const quizPage: FirstScreenPage = {
  page: 'pages/quiz/index',
  async draw(app) {
    const campaigns = asServed<CampaignSummary[]>(serialiseCampaigns, await app.store.quiz.listCampaigns({ status: OPENING_STATUS }))
    return {
      // the countdowns by the server's clock, which also decides each campaign's status
      html: quizFirstScreen(campaigns, app.store.now()),
      data: { [`${API_PREFIX}/campaigns?status=${OPENING_STATUS}`]: campaigns },
    }
  },
}
