/**
 * Campaigns in the console (issue 15), under /api/v1/admin/campaigns:
 *
 *   GET  /admin/campaigns?q=&status=&page=&pageSize=   the caller's organisation and below (seeded ones: the city's)
 *   POST /admin/campaigns {…AdminCampaignInput}        (Idempotency-Key)
 *   GET  /admin/campaigns/:id · PUT /admin/campaigns/:id {changed fields}
 *   GET  /admin/campaigns/:id/preview                  one draw as the app shows it; nothing recorded
 *
 * A campaign made here is a row of `campaigns` (what the resident quiz reads), its bank version's
 * questions copied into the quiz's key (`quiz_questions`, same ids) and its pool
 * (`campaign_questions`), and the console's settings beside it — all in one transaction. The
 * version is then locked (rules.ts) and the contest-integrity lock covers its questions from that
 * moment (upcoming), so practice never shows them. Status comes from the window (quiz/campaign-status):
 * upcoming campaigns change in everything but their bank version; running ones only in
 * CAMPAIGN_SAFE_FIELDS; ended ones not at all. Regions must be within the caller's organisation.
 */
import type { FastifyRequest } from 'fastify'
import {
  type AdminCampaign as AdminCampaignBody,
  type AdminCampaignInput,
  CAMPAIGN_SAFE_FIELDS,
  type CampaignRules,
  type CampaignStatus,
} from '../../../common/contract'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { CITY_ORG_CODE, isOrgCode, orgCovers } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash } from '../idempotency'
import { campaignStatus, compareCampaigns } from '../quiz/campaign-status'
import { optionOrder, presentQuestion, selectByQuota, selectQuestions } from '../quiz/select'
import { allQuestions, getBank, knownTopics, newId, type Q } from './repository'
import { BANK_READERS, BANK_WRITERS, ownOrg } from './routes'
import { OTHER_ORG } from './rules'
import { AdminCampaign, BankParams, CampaignInput, CampaignPreview, CampaignQuery, CampaignUpdate, IdempotencyHeaders, messages } from './schemas'
import { campaignErrors } from './validate'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const CREATE_SCOPE = 'POST /admin/campaigns'
const DEFAULT_COVER = '/media/covers/q001.jpg'
const NOT_FOUND = '找不到该竞赛'
const FIELD_NAMES: Record<keyof AdminCampaignInput, string> = {
  orgCode: '所属单位',
  title: '竞赛名称',
  rulesText: '活动规则',
  startsAt: '开始时间',
  endsAt: '结束时间',
  topicQuota: '各主题题数',
  secondsPerQuestion: '每题限时',
  attemptsPerDay: '每日次数',
  scoreCounts: '计分方式',
  regions: '参与地区',
  prizeNote: '奖项说明',
  bankId: '题库',
  bankVersion: '题库版本',
}

interface Row {
  id: string | null
  title: string
  starts_at: string
  ends_at: string
  participants: number | string | null
  description: string
  rules: string
  org_code: string | null
  bank_id: string | null
  bank_version: number | null
  topic_quota: string | null
  bank_name: string | null
}

const selectRows = (db: Q) =>
  db
    .selectFrom('campaigns as c')
    .leftJoin('campaign_settings as s', 's.campaign_id', 'c.id')
    .leftJoin('question_banks as b', 'b.id', 's.bank_id')
    .select([
      'c.id',
      'c.title',
      'c.starts_at',
      'c.ends_at',
      // everyone with a counted attempt, as on the boards (the stored column is the fixtures' figure)
      (eb) =>
        eb
          .selectFrom('quiz_score_counts as q')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('q.participants'), e.lit(0)).as('n'))
          .whereRef('q.campaign_id', '=', 'c.id')
          .as('participants'),
      'c.description',
      'c.rules',
      's.org_code',
      's.bank_id',
      's.bank_version',
      's.topic_quota',
      'b.name as bank_name',
    ])

function campaignFrom(r: Row, now: Date, names: ReadonlyMap<string, string>): AdminCampaignBody {
  const rules = JSON.parse(r.rules) as CampaignRules
  const status: CampaignStatus = campaignStatus(r.starts_at, r.ends_at, now)
  const orgCode = r.org_code ?? CITY_ORG_CODE
  const quota = r.topic_quota ? (JSON.parse(r.topic_quota) as Record<string, number>) : (rules.perTopic ?? {})
  return {
    id: r.id!,
    orgCode,
    orgName: names.get(orgCode) ?? orgCode,
    title: r.title,
    rulesText: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status,
    topicQuota: quota,
    questionsPerAttempt: rules.questionsPerAttempt,
    secondsPerQuestion: rules.secondsPerQuestion,
    attemptsPerDay: rules.attemptsPerDay,
    scoreCounts: rules.scoreCounts,
    regions: rules.eligibleRegions,
    ...(rules.prizes ? { prizeNote: rules.prizes } : {}),
    participants: Number(r.participants ?? 0),
    ...(r.bank_id ? { bank: { id: r.bank_id, name: r.bank_name ?? '', version: Number(r.bank_version) } } : {}),
    editable: !r.bank_id || status === 'ended' ? 'none' : status === 'ongoing' ? 'safe' : 'all',
  }
}

function rulesOf(input: AdminCampaignInput): CampaignRules {
  const perTopic = Object.fromEntries(Object.entries(input.topicQuota).filter(([, n]) => n > 0))
  return {
    questionsPerAttempt: Object.values(perTopic).reduce((a, b) => a + b, 0),
    secondsPerQuestion: input.secondsPerQuestion,
    attemptsPerDay: input.attemptsPerDay,
    scoreCounts: input.scoreCounts,
    eligibleRegions: [...new Set(input.regions)],
    ...(input.prizeNote?.trim() ? { prizes: input.prizeNote.trim() } : {}),
    perTopic,
  }
}

export function adminCampaignRoutes(): RoutePlugin {
  return async (app) => {
    const db = () => app.store.database.kysely
    const now = () => app.store.now()
    const writeLimit = app.limit({ name: 'campaign-write', max: 300, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁' })

    const load = async (request: FastifyRequest, id: string, on: Q = db()): Promise<AdminCampaignBody> => {
      const own = ownOrg(request)
      const row = await selectRows(on).where('c.id', '=', id).executeTakeFirst()
      if (!row) throw notFound(NOT_FOUND)
      const campaign = campaignFrom(row, now(), app.store.orgNames())
      if (!orgCovers(own, campaign.orgCode)) throw forbidden(OTHER_ORG)
      return campaign
    }

    /** 400 with every field in Chinese, or the normalised input; 403 for regions or a bank outside the caller's organisation */
    const checked = async (request: FastifyRequest, input: AdminCampaignInput, isNew: boolean): Promise<AdminCampaignInput> => {
      const own = ownOrg(request)
      if (!isOrgCode(input.orgCode)) throw badRequest(messages.orgCode)
      if (!orgCovers(own, input.orgCode)) throw forbidden(OTHER_ORG)
      const bad = input.regions.find((r) => !isOrgCode(r))
      if (bad) throw badRequest(`参与地区代码不正确：${bad}`, { fields: { regions: `参与地区代码不正确：${bad}` } })
      if (input.regions.some((r) => !orgCovers(input.orgCode, r))) throw forbidden('只能为本单位所辖地区举办竞赛')
      const bank = await getBank(db(), input.bankId)
      if (!bank) throw badRequest('找不到所选题库', { fields: { bankId: '找不到所选题库' } })
      if (!orgCovers(own, bank.org_code)) throw forbidden('只能使用本单位及下级单位的题库')
      const questions = await allQuestions(db(), bank.id, input.bankVersion)
      if (questions.length === 0) throw badRequest('所选题库版本没有题目', { fields: { bankVersion: '所选题库版本没有题目' } })
      const available = new Map<string, number>()
      for (const q of questions) available.set(q.topic, (available.get(q.topic) ?? 0) + 1)
      const clean = { ...input, title: input.title.trim(), rulesText: input.rulesText.trim() }
      const fields = campaignErrors(clean, { topics: await knownTopics(db()), available, now: now(), isNew })
      const count = Object.keys(fields).length
      if (count > 0) throw badRequest(`有 ${count} 处填写不正确：${Object.values(fields)[0]}`, { fields })
      return clean
    }

    app.get(
      '/admin/campaigns',
      {
        schema: {
          querystring: CampaignQuery,
          response: {
            200: {
              type: 'object',
              properties: {
                items: { type: 'array', items: AdminCampaign },
                total: { type: 'integer' },
                page: { type: 'integer' },
                pageSize: { type: 'integer' },
              },
            },
            ...errors,
          },
        },
        config: { cache: 'no-store', validationMessages: messages },
        onRequest: requireRole(...BANK_READERS),
      },
      async (request) => {
        const own = ownOrg(request)
        const { q, status, page, pageSize } = request.query
        // campaigns are a few dozen rows: the status comes from the clock, so filter and page here
        const all = (await selectRows(db()).execute())
          .map((r) => campaignFrom(r, now(), app.store.orgNames()))
          .filter((c) => orgCovers(own, c.orgCode))
          .filter((c) => !status || c.status === status)
          .filter((c) => !q?.trim() || c.title.includes(q.trim()))
          .sort(compareCampaigns)
        return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize }
      },
    )

    app.post(
      '/admin/campaigns',
      {
        schema: { headers: IdempotencyHeaders, body: CampaignInput, response: { 201: AdminCampaign, ...errors } },
        config: { validationMessages: messages, audit: { action: 'campaign.create', target: 'campaign' }, invalidates: ['/campaigns'] },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const user = request.user!
        const key = request.headers['idempotency-key']
        const hash = requestHash(request.body)
        const replay = async () => {
          const earlier = key ? await findIdempotencyRecord(db(), user.id, CREATE_SCOPE, key) : undefined
          if (!earlier) return undefined
          if (earlier.requestHash !== hash) throw idempotencyKeyReused()
          return earlier.body as AdminCampaignBody
        }
        const earlier = await replay()
        if (earlier) return reply.code(201).header(REPLAYED_HEADER, 'true').send(earlier)
        const input = await checked(request, request.body, true)
        try {
          const made = await db()
            .transaction()
            .execute(async (trx) => {
              const id = newId('c')
              const at = now().toISOString()
              const rules = rulesOf(input)
              const last = await trx
                .selectFrom('campaigns')
                .select((eb) => eb.fn.max<number>('position').as('p'))
                .executeTakeFirst()
              await trx
                .insertInto('campaigns')
                .values({
                  id,
                  title: input.title,
                  department: app.store.orgNames().get(input.orgCode) ?? input.orgCode,
                  cover: DEFAULT_COVER,
                  starts_at: input.startsAt,
                  ends_at: input.endsAt,
                  participants: 0,
                  description: input.rulesText,
                  rules: JSON.stringify(rules),
                  topics: JSON.stringify(Object.keys(rules.perTopic ?? {})),
                  position: Number(last?.p ?? 0) + 1,
                })
                .execute()
              // the version's questions into the quiz's key (once per version: ids are per version) and the pool
              const questions = await allQuestions(trx, input.bankId, input.bankVersion)
              for (const q of questions) {
                await trx
                  .insertInto('quiz_questions')
                  .values({
                    id: q.id,
                    type: q.type,
                    stem: q.stem,
                    options: q.options,
                    topic: q.topic,
                    answer: q.answer,
                    explanation: q.explanation,
                    interpretation_id: null,
                  })
                  .onConflict((oc) => oc.column('id').doNothing())
                  .execute()
              }
              for (const [i, q] of questions.entries()) {
                await trx.insertInto('campaign_questions').values({ campaign_id: id, question_id: q.id!, position: i }).execute()
              }
              await trx
                .insertInto('campaign_settings')
                .values({
                  campaign_id: id,
                  org_code: input.orgCode,
                  bank_id: input.bankId,
                  bank_version: input.bankVersion,
                  topic_quota: JSON.stringify(input.topicQuota),
                  created_by: user.id,
                  created_at: at,
                  updated_at: at,
                })
                .execute()
              const row = (await selectRows(trx).where('c.id', '=', id).executeTakeFirst())!
              const body = campaignFrom(row, now(), app.store.orgNames())
              if (key) {
                const claimed = await rememberIdempotent(trx, {
                  userId: user.id,
                  scope: CREATE_SCOPE,
                  key,
                  requestHash: hash,
                  status: 201,
                  body,
                  createdAt: at,
                })
                if (!claimed) throw new KeyTaken()
              }
              await auditInTransaction(
                app,
                request,
                { targetId: id, detail: { orgCode: input.orgCode, bankId: input.bankId, bankVersion: input.bankVersion } },
                trx,
              )
              return body
            })
          return reply.code(201).send(made)
        } catch (err) {
          if (!(err instanceof KeyTaken)) throw err
          const first = await replay()
          if (!first) throw err
          return reply.code(201).header(REPLAYED_HEADER, 'true').send(first)
        }
      },
    )

    app.get(
      '/admin/campaigns/:id',
      { schema: { params: BankParams, response: { 200: AdminCampaign, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole(...BANK_READERS) },
      async (request) => load(request, request.params.id),
    )

    app.put(
      '/admin/campaigns/:id',
      {
        schema: { params: BankParams, body: CampaignUpdate, response: { 200: AdminCampaign, ...errors } },
        config: { validationMessages: messages, audit: { action: 'campaign.update', target: 'campaign' }, invalidates: ['/campaigns'] },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request) => {
        const current = await load(request, request.params.id)
        if (!current.bank) throw conflict('示例竞赛不能在工作台修改')
        if (current.status === 'ended') throw conflict('竞赛已结束，不能修改')
        const before: AdminCampaignInput = {
          orgCode: current.orgCode,
          title: current.title,
          rulesText: current.rulesText,
          startsAt: current.startsAt,
          endsAt: current.endsAt,
          topicQuota: current.topicQuota,
          secondsPerQuestion: current.secondsPerQuestion,
          attemptsPerDay: current.attemptsPerDay,
          scoreCounts: current.scoreCounts,
          regions: current.regions,
          ...(current.prizeNote ? { prizeNote: current.prizeNote } : {}),
          bankId: current.bank.id,
          bankVersion: current.bank.version,
        }
        const changed = (Object.keys(request.body) as (keyof AdminCampaignInput)[]).filter(
          (k) => request.body[k] !== undefined && JSON.stringify(request.body[k]) !== JSON.stringify(before[k]),
        )
        const fixed = changed.filter((k) => k === 'bankId' || k === 'bankVersion' || k === 'orgCode')
        if (fixed.length > 0) throw conflict(`竞赛创建后不能更改${fixed.map((k) => FIELD_NAMES[k]).join('、')}；如需更换请新建竞赛`)
        if (current.status === 'ongoing') {
          const unsafe = changed.filter((k) => !(CAMPAIGN_SAFE_FIELDS as readonly string[]).includes(k))
          if (unsafe.length > 0) {
            throw conflict(`竞赛进行中，只能修改竞赛名称、活动规则和奖项说明，不能修改${unsafe.map((k) => FIELD_NAMES[k]).join('、')}`)
          }
        }
        const input = await checked(request, { ...before, ...request.body } as AdminCampaignInput, current.status === 'upcoming')
        return db()
          .transaction()
          .execute(async (trx) => {
            const rules = rulesOf(input)
            await trx
              .updateTable('campaigns')
              .set({
                title: input.title,
                description: input.rulesText,
                starts_at: input.startsAt,
                ends_at: input.endsAt,
                rules: JSON.stringify(rules),
                topics: JSON.stringify(Object.keys(rules.perTopic ?? {})),
              })
              .where('id', '=', current.id)
              .execute()
            await trx
              .updateTable('campaign_settings')
              .set({ topic_quota: JSON.stringify(input.topicQuota), updated_at: now().toISOString() })
              .where('campaign_id', '=', current.id)
              .execute()
            await auditInTransaction(app, request, { detail: { fields: changed } }, trx)
            return load(request, current.id, trx)
          })
      },
    )

    app.get(
      '/admin/campaigns/:id/preview',
      { schema: { params: BankParams, response: { 200: CampaignPreview, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole(...BANK_READERS) },
      async (request) => {
        await load(request, request.params.id)
        const campaign = (await app.store.quiz.getCampaign(request.params.id))!
        const pool = await app.store.quiz.campaignQuestions(campaign.id)
        const perTopic = campaign.rules.perTopic
        const picked = perTopic ? selectByQuota(pool, perTopic) : selectQuestions(pool, campaign.rules.questionsPerAttempt)
        const questions = picked.map((q) => presentQuestion(q, optionOrder(q)))
        const secondsPerQuestion = campaign.rules.secondsPerQuestion
        return { campaign, questions, secondsPerQuestion, totalSeconds: questions.length * secondsPerQuestion }
      },
    )
  }
}
