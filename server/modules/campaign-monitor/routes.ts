/**
 * 知识竞赛 live monitor for the console (issue 15), staff only (admins and editors), each caller
 * seeing the regions of their organisation (the city all, a county its own and its townships, a
 * township itself):
 *
 *   GET /admin/campaigns/:id/monitor      participants and per-10,000-resident figures by county and
 *                                         township — the rows of the resident boards, from the same
 *                                         code (quiz/service.ts regionalBoardRows) — score buckets,
 *                                         submitted attempts per Beijing hour, KPIs
 *   GET /admin/campaigns/:id/suspicious   attempts flagged by the rules of rules.ts, names masked (audited);
 *                                         the checks of a campaign and region are reused for 60 s
 *   GET /admin/campaigns/:id/results.csv  the results in board order, streamed, UTF-8 with a BOM for
 *                                         Excel; names and mobiles masked unless an admin asks ?full=1
 *                                         (audited either way, with what was asked)
 */
import { Readable } from 'node:stream'
import type { User } from '../../../common/contract'
import { badRequest, forbidden, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams } from '../../schemas/common'
import type { Store } from '../../store/store'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { isOrgCode, orgCovers } from '../auth/org-scope'
import { maskName } from '../contest-integrity/rules'
import { maskMobile } from '../identity/mobile'
import { regionalBoardRows, regionLabel } from '../quiz/service'
import { secondsOf } from '../quiz/time'
import { requireOrg } from '../staff-scope/scope'
import { type AttemptRow, monitorRepository, type ResultRow, scopeOf } from './repository'
import { averageOf, beijingHour, riskReason, sameTimingGroups, scoreBuckets, tooFast } from './rules'
import { CampaignMonitor, MonitorQuery, ResultsQuery, SuspiciousPage, SuspiciousQuery } from './schemas'
import type { SuspicionKind, SuspicionReason } from '../../../common/contract'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }

/** how long a campaign's checks are reused (see `checked_`) */
export const SUSPICIOUS_TTL_MS = 60_000

interface Checked {
  flagged: { a: AttemptRow; reasons: SuspicionReason[] }[]
  counts: Record<SuspicionKind, number>
  checked: number
}

export const MONITOR_ROLES = ['admin', 'editor'] as const
/** rows read per page of the export */
export const EXPORT_PAGE = 2_000

async function campaignOr404(store: Store, id: string) {
  const campaign = await store.quiz.getCampaign(id)
  if (!campaign) throw notFound('找不到该知识竞赛')
  return campaign
}

const REGION_MESSAGE = '请选择台州市的县（市、区）或乡镇（街道）'

/** the organisation the figures cover: `region` when the caller's organisation covers it (403 otherwise), or the caller's own */
function regionOf(user: User, region: string | undefined): string {
  const org = requireOrg(user)
  if (region === undefined || region === org) return org
  if (!isOrgCode(region)) throw badRequest(REGION_MESSAGE)
  if (!orgCovers(org, region)) throw forbidden('只能查看本单位及下级单位的竞赛数据')
  return region
}

function scopeName(store: Store, org: string): string {
  return store.orgNames().get(org) ?? org
}

const csvCell = (value: unknown): string => {
  let s = value === undefined || value === null ? '' : String(value)
  // a leading = + - @ would run as a formula in a spreadsheet
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) || s !== String(value ?? '') ? `"${s.replace(/"/g, '""')}"` : s
}
const csvLine = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`

const beijing = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

const RISK_LABELS: Record<string, string> = { passed: '通过', flagged: '风控标记', unavailable: '未能检测' }

export function campaignMonitorRoutes(): RoutePlugin {
  return async (app) => {
    const repo = () => monitorRepository(app.store.quiz.db)
    const readLimit = app.limit({ name: 'campaign-monitor-read', max: 600, windowMs: 10 * 60_000, per: 'user', message: '刷新过于频繁' })
    const exportLimit = app.limit({ name: 'campaign-results-export', max: 30, windowMs: 60 * 60_000, per: 'user', message: '导出过于频繁' })

    app.get(
      '/admin/campaigns/:id/monitor',
      {
        schema: { params: IdParams, querystring: MonitorQuery, response: { 200: CampaignMonitor, ...errors } },
        config: { cache: 'no-store', validationMessages: { region: REGION_MESSAGE } },
        onRequest: requireRole(...MONITOR_ROLES),
        preHandler: [readLimit],
      },
      async (request) => {
        const org = regionOf(request.user!, request.query.region)
        const campaign = await campaignOr404(app.store, request.params.id)
        const scope = scopeOf(org)
        const [counties, townships, perScore, attempts] = await Promise.all([
          regionalBoardRows(app.store, campaign, 'county'),
          regionalBoardRows(app.store, campaign, 'township'),
          repo().scoreCounts(campaign.id, scope),
          repo().attemptCounts(campaign.id, scope),
        ])
        const mine = (r: { regionCode?: string }) => r.regionCode !== undefined && orgCovers(org, r.regionCode)
        const participants = [...perScore.values()].reduce((s, n) => s + n, 0)
        return {
          campaign: { id: campaign.id, title: campaign.title, status: campaign.status, startsAt: campaign.startsAt, endsAt: campaign.endsAt },
          scope: { code: org, name: scopeName(app.store, org) },
          kpis: {
            participants,
            submittedAttempts: attempts.perHour.reduce((s, h) => s + h.n, 0),
            activeAttempts: attempts.active,
            averageScore: averageOf(perScore),
            riskFlagged: attempts.riskFlagged,
          },
          counties: counties.filter(mine),
          townships: townships.filter(mine),
          scoreBuckets: scoreBuckets(perScore),
          attemptsOverTime: attempts.perHour.filter((h) => h.hour).map((h) => ({ hour: beijingHour(h.hour), attempts: h.n })),
          readAt: app.store.now().toISOString(),
        }
      },
    )

    /**
     * The checks of a campaign's attempts in a region, kept SUSPICIOUS_TTL_MS: the list and its
     * pages and filters are then read from memory (the monitor refreshes every 30 s, and checking
     * 100,000 attempts takes seconds), at most that far behind the database.
     */
    const checks = new Map<string, { at: number; result: Promise<Checked> }>()
    async function checkedOf(campaignId: string, org: string): Promise<Checked> {
      const key = `${campaignId}:${org}`
      const now = app.store.now().getTime()
      const kept = checks.get(key)
      if (kept && now - kept.at < SUSPICIOUS_TTL_MS) return kept.result
      if (checks.size >= 100) checks.clear()
      const result = check(campaignId, org)
      checks.set(key, { at: now, result })
      result.catch(() => checks.delete(key))
      return result
    }
    async function check(campaignId: string, org: string): Promise<Checked> {
      const attempts = await repo().submittedAttempts(campaignId, scopeOf(org))
      const keys = await app.store.quiz.questionKeys([...new Set(attempts.flatMap((a) => a.questionIds))])
      const chars = new Map([...keys].map(([id, q]) => [id, [...q.stem].length + q.options.reduce((s, o) => s + [...o.text].length, 0)]))
      const charsOf = (id: string) => chars.get(id) ?? 0
      const same = sameTimingGroups(attempts)
      const counts: Record<SuspicionKind, number> = { 'too-fast': 0, 'same-timing': 0, 'risk-rank': 0 }
      const flagged = attempts
        .map((a) => ({ a, reasons: [tooFast(a, charsOf), same.get(a.id), riskReason(a)].filter((r): r is SuspicionReason => r !== undefined) }))
        .filter((f) => f.reasons.length > 0)
      for (const f of flagged) for (const r of f.reasons) counts[r.kind] += 1
      return { flagged, counts, checked: attempts.length }
    }

    app.get(
      '/admin/campaigns/:id/suspicious',
      {
        schema: { params: IdParams, querystring: SuspiciousQuery, response: { 200: SuspiciousPage, ...errors } },
        config: { cache: 'no-store', validationMessages: { region: REGION_MESSAGE }, audit: { action: 'campaign.suspicious.view', target: 'campaign' } },
        onRequest: requireRole(...MONITOR_ROLES),
        preHandler: [readLimit],
      },
      async (request) => {
        const org = regionOf(request.user!, request.query.region)
        const campaign = await campaignOr404(app.store, request.params.id)
        const { flagged, counts, checked } = await checkedOf(campaign.id, org)
        const { page, pageSize, kind } = request.query
        const listed = flagged
          .filter((f) => !kind || f.reasons.some((r) => r.kind === kind))
          .sort(
            (x, y) =>
              y.reasons.length - x.reasons.length ||
              (x.reasons[0].group ?? '').localeCompare(y.reasons[0].group ?? '') ||
              (x.a.submittedAt < y.a.submittedAt ? 1 : x.a.submittedAt > y.a.submittedAt ? -1 : x.a.id < y.a.id ? -1 : 1),
          )
        const slice = listed.slice((page - 1) * pageSize, page * pageSize)
        const people = await repo().people(slice.map((f) => f.a.userId))
        return {
          items: slice.map(({ a, reasons }) => {
            const person = people.get(a.userId)
            const region = regionLabel(app.store, a.townshipCode ?? a.countyCode)
            return {
              attemptId: a.id,
              name: maskName(person?.nickname ?? ''),
              ...(person?.mobile ? { mobile: maskMobile(person.mobile) } : {}),
              ...(region ? { regionName: region } : {}),
              score: a.score,
              timeUsedSec: secondsOf(a.timeUsedMs),
              submittedAt: a.submittedAt,
              ...(a.riskRank !== undefined ? { riskRank: a.riskRank } : {}),
              reasons,
            }
          }),
          total: listed.length,
          page,
          pageSize,
          counts,
          checked,
        }
      },
    )

    app.get(
      '/admin/campaigns/:id/results.csv',
      {
        schema: { params: IdParams, querystring: ResultsQuery, response: errors },
        config: { cache: 'no-store', validationMessages: { region: REGION_MESSAGE }, audit: { action: 'campaign.results.export', target: 'campaign' } },
        onRequest: requireRole(...MONITOR_ROLES),
        preHandler: [exportLimit],
      },
      async (request, reply) => {
        const user: User = request.user!
        const org = regionOf(user, request.query.region)
        const full = request.query.full === '1'
        if (full && user.role !== 'admin') throw forbidden('只有管理员可以导出完整姓名和手机号')
        const campaign = await campaignOr404(app.store, request.params.id)
        const scope = scopeOf(org)
        // recorded before the first byte: an export cut off half way is still in the log
        await auditInTransaction(app, request, { detail: { full, scope: org } })
        const store = app.store
        const repository = repo()
        async function* lines() {
          yield '\uFEFF'
          yield csvLine(['名次', '姓名', '手机号', '县（市、区）', '乡镇（街道）', '得分', '用时（秒）', '完成时间（北京时间）', '微信风控'])
          let after: ResultRow | undefined
          let n = 0
          let prev: ResultRow | undefined
          let rank = 0
          const names = store.orgNames()
          for (;;) {
            const page = await repository.resultsPage(campaign.id, scope, EXPORT_PAGE, after)
            let chunk = ''
            for (const r of page) {
              n += 1
              const tied = prev && prev.score === r.score && prev.timeUsedMs === r.timeUsedMs && prev.finishedAt === r.finishedAt
              if (!tied) rank = n
              prev = r
              chunk += csvLine([
                rank,
                full ? r.nickname : maskName(r.nickname),
                r.mobile ? (full ? r.mobile : maskMobile(r.mobile)) : '',
                r.countyCode ? (names.get(r.countyCode) ?? r.countyCode) : '',
                r.townshipCode ? (names.get(r.townshipCode) ?? r.townshipCode) : '',
                r.score,
                secondsOf(r.timeUsedMs),
                beijing(r.finishedAt),
                r.riskCheck ? (RISK_LABELS[r.riskCheck] ?? r.riskCheck) : '未检测',
              ])
            }
            if (chunk) yield chunk
            if (page.length < EXPORT_PAGE) return
            after = page[page.length - 1]
          }
        }
        const filename = encodeURIComponent(`${campaign.title}-成绩${full ? '' : '（脱敏）'}.csv`)
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="results.csv"; filename*=UTF-8''${filename}`)
          .send(Readable.from(lines()) as never)
      },
    )
  }
}
