/**
 * 政策找人's routes. The resident's 我的情况: read, replace (only with consent), delete at once
 * with everything derived from it. The questionnaire: the published rules against the answers so
 * far, grouped, and the one question that could still change a result — nothing is stored, so a
 * service point runs it for the person in front of the staff. The console: matches and pushes per
 * policy and county, counts only. No fact of a situation is logged: bodies are never logged and
 * nothing here logs one.
 */
import type { FastifyInstance } from 'fastify'
import {
  assess,
  type EligibilityRule,
  FACT_BY_NAME,
  FACT_NAMES,
  type FactName,
  factProblem,
  formatAmount,
  runQuestionnaire,
  type Situation,
  yearMonthOf,
} from '../../../common/eligibility'
import type { PolicyMatchAnswer, PolicyMatchItem, PolicyMatchQuestion, PolicyMatchStats, Role } from '../../../common/contract'
import { shanghaiToday } from '../../../common/shanghai-date'
import { badRequest, forbidden } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { IdempotencyHeaders } from '../editorial/schemas'
import { orgCovers } from '../auth/org-scope'
import { staffOrg } from '../editorial/routes'
import { PolicyMatcher } from './matcher'
import { PolicyMatchRepository, type PublishedRule } from './repository'
import { Deleted, EvaluateAnswer, EvaluateBody, MATCH_LIMITS, SaveSituationBody, Stats, StatsQuery, StoredSituationView } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const personal = { cache: 'no-store' as const }
const STATS_ROLES: Role[] = ['admin', 'editor', 'reviewer']

declare module 'fastify' {
  interface FastifyInstance {
    policyMatcher: PolicyMatcher
  }
}

/** the facts of a request, each checked; the first problem refuses it, naming the field */
export function readSituation(raw: Record<string, unknown>): Situation {
  const s: Record<string, unknown> = {}
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue
    if (!(FACT_NAMES as readonly string[]).includes(name)) {
      fields[`situation.${name}`] = '没有这一情况项'
      continue
    }
    const problem = factProblem(name as FactName, value)
    if (problem) fields[`situation.${name}`] = problem
    else s[name] = value
  }
  if (typeof s.county === 'string' && !/^3310\d{2}$/.test(s.county)) fields['situation.county'] = '户籍县（市、区）须为台州市的县（市、区）'
  if (typeof s.township === 'string' && typeof s.county === 'string' && !s.township.startsWith(s.county))
    fields['situation.township'] = '乡镇（街道）不在所选的县（市、区）'
  const first = Object.values(fields)[0]
  if (first) throw badRequest(first, { fields })
  return s as Situation
}

function question(name: FactName): PolicyMatchQuestion {
  const f = FACT_BY_NAME[name]
  return {
    name,
    kind: f.kind,
    question: f.question,
    label: f.label,
    ...(f.options ? { options: Object.entries(f.options).map(([value, label]) => ({ value, label })) } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
  }
}

function itemOf(p: PublishedRule, r: ReturnType<typeof assess>, faqs: { question: string; answer: string }[]): PolicyMatchItem {
  const rule: EligibilityRule = p.rule
  return {
    policyId: p.policyId,
    title: p.title,
    docNumber: p.docNumber,
    department: p.department,
    verdict: r.truth,
    ...(r.amount ? { amount: formatAmount(r.amount) } : {}),
    ...(rule.note ? { note: rule.note } : {}),
    ...(rule.automatic ? { automatic: true } : {}),
    steps: rule.steps ?? [],
    materials: rule.materials ?? [],
    ...(rule.where ? { where: rule.where } : {}),
    interpretationIds: p.interpretationIds,
    faqs,
    questions: r.questions.map((name) => ({ name, label: FACT_BY_NAME[name].label })),
    failed: r.failed,
    ...(r.from ? { from: r.from } : {}),
  }
}

export function policyMatchRoutes(): RoutePlugin {
  return async (app) => {
    const repo = () => new PolicyMatchRepository(app.store.database.kysely)

    app.get('/me/situation', { schema: { response: { 200: StoredSituationView, ...errors } }, config: personal, onRequest: requireRole() }, async (request) => {
      const stored = await repo().situation(request.user!.id)
      return stored ?? { situation: null }
    })

    // PUT replaces the whole situation: sending it again changes nothing, so a retried request is
    // harmless. The Idempotency-Key is accepted but no answer is recorded under it (that record
    // would keep personal facts after 「删除我的情况」).
    app.put(
      '/me/situation',
      {
        schema: { headers: IdempotencyHeaders, body: SaveSituationBody, response: { 200: StoredSituationView, ...errors } },
        config: personal,
        onRequest: requireRole(),
        preHandler: [app.limit(MATCH_LIMITS.situationWrite)],
      },
      async (request) => {
        if (request.body.consent !== true) throw badRequest('请先阅读并同意《我的情况》使用说明', { fields: { consent: '请先阅读并同意' } })
        const situation = readSituation(request.body.situation)
        return repo().saveSituation(request.user!.id, situation, app.store.now().toISOString())
      },
    )

    app.delete(
      '/me/situation',
      {
        schema: { headers: IdempotencyHeaders, response: { 200: Deleted, ...errors } },
        config: personal,
        onRequest: requireRole(),
        preHandler: [app.limit(MATCH_LIMITS.situationWrite)],
      },
      async (request) => ({ deleted: await repo().deleteSituation(request.user!.id) }),
    )

    app.post(
      '/policy-match/evaluate',
      {
        schema: { body: EvaluateBody, response: { 200: EvaluateAnswer, ...errors } },
        config: personal,
        preHandler: [app.limit(MATCH_LIMITS.evaluate)],
      },
      async (request): Promise<PolicyMatchAnswer> => {
        const situation = readSituation(request.body.situation)
        const skipped = (request.body.skipped ?? []) as FactName[]
        const rules = await repo().publishedRules()
        const month = yearMonthOf(shanghaiToday(app.store.now()))
        const state = runQuestionnaire(rules, situation, month, skipped)
        const faqs = await repo().faqsOf(state.results.filter((r) => r.truth !== 'no' || r.from).map((r) => r.policyId))
        const byId = new Map(rules.map((r) => [r.policyId, r]))
        const answer: PolicyMatchAnswer = { eligible: [], possible: [], later: [], otherCount: 0 }
        for (const r of state.results) {
          const item = itemOf(byId.get(r.policyId)!, r, faqs.get(r.policyId) ?? [])
          if (r.truth === 'yes') answer.eligible.push(item)
          else if (r.truth === 'unknown') answer.possible.push(item)
          else if (r.from) answer.later.push(item)
          else answer.otherCount++
        }
        if (state.next) answer.next = question(state.next)
        return answer
      },
    )

    app.get(
      '/admin/policy-match/stats',
      {
        schema: { querystring: StatsQuery, response: { 200: Stats, ...errors } },
        config: personal,
        onRequest: requireRole(...STATS_ROLES),
        preHandler: [app.limit(MATCH_LIMITS.stats)],
      },
      async (request): Promise<PolicyMatchStats> => {
        const own = staffOrg(request)
        const county = request.query.county
        if (county && !orgCovers(own, county) && !orgCovers(county, own)) throw forbidden('不能查看其他单位的数据')
        // a county's staff see their county; the city sees every county, or the one asked for
        const scope = own.length === 6 && own !== '331000' ? own.slice(0, 6) : county
        const k = app.store.database.kysely
        let counts = k
          .selectFrom('policy_match_counts as c')
          .innerJoin('policies as p', 'p.id', 'c.policy_id')
          .leftJoin('regions as g', 'g.code', 'c.county')
          .select(['c.policy_id', 'p.title', 'c.county', 'g.name as county_name', 'c.matched', 'c.pushed', 'c.matched_at'])
        if (scope) counts = counts.where('c.county', '=', scope)
        const rows = await counts.orderBy('c.policy_id').orderBy('c.county').execute()
        let situations = k.selectFrom('situations').select((eb) => eb.fn.countAll<number>().as('n'))
        if (scope) situations = situations.where('county', '=', scope)
        const n = Number((await situations.executeTakeFirstOrThrow()).n)
        const policies = new Map<string, PolicyMatchStats['policies'][number]>()
        for (const r of rows) {
          const p = policies.get(r.policy_id) ?? { policyId: r.policy_id, title: r.title, matched: 0, pushed: 0, byCounty: [] }
          p.matched += Number(r.matched)
          p.pushed += Number(r.pushed)
          if (!p.matchedAt || r.matched_at > p.matchedAt) p.matchedAt = r.matched_at
          p.byCounty.push({ county: r.county, countyName: r.county_name ?? '未填写', matched: Number(r.matched), pushed: Number(r.pushed) })
          policies.set(r.policy_id, p)
        }
        return { situations: n, policies: [...policies.values()].sort((a, b) => b.matched - a.matched) }
      },
    )
  }
}

/** on the API's instance, after setupMessages and before the editorial routes that publish */
export function setupPolicyMatch(api: FastifyInstance, options: { wechat?: boolean } = {}): void {
  const matcher = new PolicyMatcher({ db: api.store.database, now: api.store.now, messages: api.messages, log: api.log, wechat: options.wechat })
  api.decorate('policyMatcher', matcher)
  // what was published while no instance ran, or while one stopped mid-match
  api.addHook('onReady', async () => {
    void matcher.kick()
  })
  api.addHook('onClose', async () => matcher.idle())
}
