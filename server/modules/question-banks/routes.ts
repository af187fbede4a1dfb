/**
 * Question banks in the console (issue 15), under /api/v1/admin/question-banks:
 *
 *   GET  /admin/question-banks?q=&org=&topic=&page=&pageSize=     banks of the caller's organisation and below
 *   POST /admin/question-banks {name, orgCode, topic}              (Idempotency-Key) → version 1, empty
 *   GET  /admin/question-banks/import-template                     the CSV template
 *   GET  /admin/question-banks/:id · PUT /admin/question-banks/:id {name, topic}
 *   POST /admin/question-banks/:id/versions {note}                 另存为新版本 (copy of the newest)
 *   GET  /admin/question-banks/:id/questions?version=&q=&topic=&type=&page=&pageSize=
 *   POST /admin/question-banks/:id/questions?newVersion=           a question
 *   PUT|DELETE /admin/question-banks/:id/questions/:qid?newVersion=
 *   POST /admin/question-banks/:id/import?dryRun=&newVersion=      CSV/XLSX (multipart `file`), all or none
 *
 * Editors and admins of the bank's organisation or above (403 otherwise, reads included; reviewers
 * read). Writes to a version a campaign uses answer 409 unless `newVersion=true` (rules.ts). Every
 * write is rate-limited and audited in its own transaction; creates and imports take an
 * Idempotency-Key. Staff-only: these carry answers, which never reach residents from here.
 */
import multipart from '@fastify/multipart'
import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { BankImportResult, BankQuestionInput, QuestionBank, QuestionBankSummary, Role } from '../../../common/contract'
import { ApiError, badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { isOrgCode, orgCovers, orgPrefixPattern } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash } from '../idempotency'
import { IMPORT_MAX_BYTES, ImportFileError, TOO_LARGE } from '../policy-import/parse'
import { checkRows, parseQuestionList, TEMPLATE_CSV } from './import'
import {
  type BankRow,
  allQuestions,
  campaignsOfBanks,
  copyVersion,
  countQuestions,
  existingPolicies,
  getBank,
  getQuestion,
  insertQuestion,
  insertVersion,
  knownTopics,
  listBanks,
  listQuestions,
  listVersions,
  lockBank,
  newId,
  type Q,
  questionColumns,
  questionCounts,
  questionFrom,
  topicCounts,
  touchBank,
} from './repository'
import { LOCK_REFUSALS, lockState, NO_ORG, OLD_VERSION, OTHER_ORG } from './rules'
import {
  Bank,
  BankInput,
  BankParams,
  BankQuery,
  BankSummary,
  BankUpdate,
  IdempotencyHeaders,
  ImportQuery,
  ImportRefused,
  ImportResult,
  messages,
  Question,
  QuestionInput,
  QuestionParams,
  QuestionQuery,
  QuestionSaved,
  VersionInput,
  WriteQuery,
} from './schemas'
import { fieldMap, questionErrors } from './validate'
import { BANK_LIMITS } from '../../../common/contract'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }
export const BANK_READERS: Role[] = ['editor', 'reviewer', 'admin']
export const BANK_WRITERS: Role[] = ['editor', 'admin']
const CREATE_SCOPE = 'POST /admin/question-banks'
const IMPORT_SCOPE = 'POST /admin/question-banks/:id/import'
const NOT_FOUND = '找不到该题库'
const NO_FILE = '请选择要导入的 CSV 或 XLSX 文件'

/** the caller's organisation; 403 without one */
export function ownOrg(request: FastifyRequest): string {
  const code = request.user?.org?.code
  if (!code || !isOrgCode(code)) throw forbidden(NO_ORG)
  return code
}

class RowsInError extends Error {
  constructor(readonly result: BankImportResult) {
    super('import rows in error')
  }
}

function drain(request: FastifyRequest): void {
  if (!request.raw.readableEnded) request.raw.resume()
}

async function readFile(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw badRequest(NO_FILE)
  let file: { bytes: Buffer; filename: string } | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer().catch(() => undefined)
        throw badRequest('一次只能导入一个文件')
      }
      file = { bytes: await part.toBuffer(), filename: part.filename ?? '' }
    }
  } catch (err) {
    drain(request)
    if (err instanceof ApiError) throw err
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw badRequest(TOO_LARGE)
    if (typeof code === 'string' && code.startsWith('FST_')) throw badRequest(NO_FILE)
    throw err
  }
  if (!file || file.bytes.length === 0) throw badRequest(NO_FILE)
  return file
}

export function questionBankRoutes(): RoutePlugin {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 8, headerPairs: 50 } })
    const db = () => app.store.database.kysely
    const now = () => app.store.now()
    const writeLimit = app.limit({ name: 'question-bank-write', max: 600, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁' })
    const importLimit = app.limit({ name: 'question-bank-import', max: 60, windowMs: 60 * 60_000, per: 'user', message: '导入题目过于频繁' })
    const by = (request: FastifyRequest) => ({ id: request.user!.id, name: request.user!.nickname })

    /** the bank if the caller's organisation covers it: 404 unknown, 403 another organisation's */
    const covered = async (request: FastifyRequest, id: string, on: Q = db()): Promise<BankRow> => {
      const own = ownOrg(request)
      const bank = await getBank(on, id)
      if (!bank) throw notFound(NOT_FOUND)
      if (!orgCovers(own, bank.org_code)) throw forbidden(OTHER_ORG)
      return bank
    }

    const summaries = async (rows: BankRow[], on: Q = db()): Promise<QuestionBankSummary[]> => {
      const ids = rows.map((r) => r.id)
      const counts = await questionCounts(on, ids)
      const uses = await campaignsOfBanks(on, ids, now())
      const names = app.store.orgNames()
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        orgCode: r.org_code,
        orgName: names.get(r.org_code) ?? r.org_code,
        topic: r.topic,
        version: r.version,
        questionCount: counts.get(`${r.id}@${r.version}`) ?? 0,
        lock: lockState(uses.get(`${r.id}@${r.version}`) ?? []),
        updatedAt: r.updated_at,
      }))
    }

    const detail = async (bank: BankRow, on: Q = db()): Promise<QuestionBank> => {
      const [summary] = await summaries([bank], on)
      const counts = await questionCounts(on, [bank.id])
      const uses = await campaignsOfBanks(on, [bank.id], now())
      const byTopic = await topicCounts(on, bank.id)
      const versions = (await listVersions(on, bank.id)).map((v) => {
        const campaigns = uses.get(`${bank.id}@${v.version}`) ?? []
        return {
          version: v.version,
          createdAt: v.created_at,
          createdByName: v.created_by_name,
          note: v.note,
          questionCount: counts.get(`${bank.id}@${v.version}`) ?? 0,
          topicCounts: byTopic.get(v.version) ?? {},
          lock: lockState(campaigns),
          campaigns,
        }
      })
      return { ...summary, versions }
    }

    const checkBankInput = async (input: { name: string; topic: string }) => {
      const fields: Record<string, string> = {}
      const name = input.name.trim()
      if (!name) fields.name = '请填写题库名称'
      else if ([...name].length > BANK_LIMITS.name) fields.name = `题库名称不能超过 ${BANK_LIMITS.name} 个字`
      if (!(await knownTopics(db())).has(input.topic)) fields.topic = '请选择题库主题'
      const count = Object.keys(fields).length
      if (count > 0) throw badRequest(`有 ${count} 处填写不正确：${Object.values(fields)[0]}`, { fields })
      return name
    }

    /**
     * The version a write goes to, inside the write's transaction with the bank locked: the newest
     * one when no campaign uses it; with `newVersion` a copy of it (new question ids); 409 otherwise.
     */
    const writableVersion = async (trx: Q, request: FastifyRequest, bank: BankRow, newVersion: boolean, note: string) => {
      const uses = (await campaignsOfBanks(trx, [bank.id], now())).get(`${bank.id}@${bank.version}`) ?? []
      const state = lockState(uses)
      if (!newVersion && state !== 'open') throw conflict(LOCK_REFUSALS[state])
      if (!newVersion) return { version: bank.version, ids: new Map<string, string>(), copied: false }
      const copy = await copyVersion(trx, bank, by(request), note, now().toISOString())
      return { ...copy, copied: true }
    }

    const checkQuestion = async (input: BankQuestionInput): Promise<BankQuestionInput> => {
      const clean: BankQuestionInput = {
        ...input,
        stem: input.stem.trim(),
        options: input.options.map((o) => o.trim()),
        answer: input.answer.map((a) => a.toUpperCase()),
        explanation: input.explanation.trim(),
        ...(input.policyId?.trim() ? { policyId: input.policyId.trim() } : {}),
      }
      if (!clean.policyId) delete clean.policyId
      const found = questionErrors(clean, await knownTopics(db()), await existingPolicies(db(), clean.policyId ? [clean.policyId] : []))
      if (found.length > 0) throw badRequest(`有 ${found.length} 处填写不正确：${found[0].message}`, { fields: fieldMap(found) })
      return clean
    }

    app.get(
      '/admin/question-banks',
      {
        schema: {
          querystring: BankQuery,
          response: {
            200: {
              type: 'object',
              properties: {
                items: { type: 'array', items: BankSummary },
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
        const { org, ...rest } = request.query
        if (org && (!isOrgCode(org) || !orgCovers(own, org))) throw forbidden(OTHER_ORG)
        const { rows, total } = await listBanks(db(), { ...rest, ...(org ? { org } : {}), scope: orgPrefixPattern(own) })
        return { items: await summaries(rows), total, page: rest.page, pageSize: rest.pageSize }
      },
    )

    app.get('/admin/question-banks/import-template', { config: { cache: 'no-store' }, onRequest: requireRole(...BANK_READERS) }, async (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="question-bank-template.csv"; filename*=UTF-8''${encodeURIComponent('题库导入模板.csv')}`)
        .send(TEMPLATE_CSV),
    )

    app.post(
      '/admin/question-banks',
      {
        schema: { headers: IdempotencyHeaders, body: BankInput, response: { 201: Bank, ...errors } },
        config: { validationMessages: messages, audit: { action: 'question-bank.create', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const own = ownOrg(request)
        const { orgCode, topic } = request.body
        if (!isOrgCode(orgCode)) throw badRequest(messages.orgCode)
        if (!orgCovers(own, orgCode)) throw forbidden(OTHER_ORG)
        const name = await checkBankInput(request.body)
        const user = request.user!
        const key = request.headers['idempotency-key']
        const hash = requestHash({ orgCode, topic, name })
        const replay = async () => {
          const earlier = key ? await findIdempotencyRecord(db(), user.id, CREATE_SCOPE, key) : undefined
          if (!earlier) return undefined
          if (earlier.requestHash !== hash) throw idempotencyKeyReused()
          return earlier.body as QuestionBank
        }
        const earlier = await replay()
        if (earlier) return reply.code(201).header(REPLAYED_HEADER, 'true').send(earlier)
        try {
          const bank = await db()
            .transaction()
            .execute(async (trx) => {
              const id = newId('qb')
              const at = now().toISOString()
              await trx
                .insertInto('question_banks')
                .values({ id, org_code: orgCode, name, topic, version: 1, created_by: user.id, created_at: at, updated_at: at })
                .execute()
              await insertVersion(trx, { bankId: id, version: 1, by: by(request), note: '新建题库', now: at })
              const made = await detail((await getBank(trx, id))!, trx)
              if (key) {
                const claimed = await rememberIdempotent(trx, {
                  userId: user.id,
                  scope: CREATE_SCOPE,
                  key,
                  requestHash: hash,
                  status: 201,
                  body: made,
                  createdAt: at,
                })
                if (!claimed) throw new KeyTaken()
              }
              await auditInTransaction(app, request, { targetId: id, detail: { orgCode, name } }, trx)
              return made
            })
          return reply.code(201).send(bank)
        } catch (err) {
          if (!(err instanceof KeyTaken)) throw err
          const first = await replay()
          if (!first) throw err
          return reply.code(201).header(REPLAYED_HEADER, 'true').send(first)
        }
      },
    )

    app.get(
      '/admin/question-banks/:id',
      { schema: { params: BankParams, response: { 200: Bank, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole(...BANK_READERS) },
      async (request) => detail(await covered(request, request.params.id)),
    )

    app.put(
      '/admin/question-banks/:id',
      {
        schema: { params: BankParams, body: BankUpdate, response: { 200: Bank, ...errors } },
        config: { validationMessages: messages, audit: { action: 'question-bank.update', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request) => {
        await covered(request, request.params.id)
        const name = await checkBankInput(request.body)
        return db()
          .transaction()
          .execute(async (trx) => {
            await trx
              .updateTable('question_banks')
              .set({ name, topic: request.body.topic, updated_at: now().toISOString() })
              .where('id', '=', request.params.id)
              .execute()
            await auditInTransaction(app, request, { detail: { name } }, trx)
            return detail((await getBank(trx, request.params.id))!, trx)
          })
      },
    )

    app.post(
      '/admin/question-banks/:id/versions',
      {
        schema: { params: BankParams, body: VersionInput, response: { 201: Bank, ...errors } },
        config: { validationMessages: messages, audit: { action: 'question-bank.new-version', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        await covered(request, request.params.id)
        const note = (request.body.note ?? '').trim() || '另存为新版本'
        const bank = await db()
          .transaction()
          .execute(async (trx) => {
            const locked = (await lockBank(app.store.database, trx, request.params.id))!
            const { version } = await copyVersion(trx, locked, by(request), note, now().toISOString())
            await auditInTransaction(app, request, { detail: { from: locked.version, version } }, trx)
            return detail((await getBank(trx, locked.id))!, trx)
          })
        return reply.code(201).send(bank)
      },
    )

    app.get(
      '/admin/question-banks/:id/questions',
      {
        schema: {
          params: BankParams,
          querystring: QuestionQuery,
          response: {
            200: {
              type: 'object',
              properties: { items: { type: 'array', items: Question }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
            },
            ...errors,
          },
        },
        config: { cache: 'no-store', validationMessages: messages },
        onRequest: requireRole(...BANK_READERS),
      },
      async (request) => {
        const bank = await covered(request, request.params.id)
        const { version = bank.version, ...filter } = request.query
        const { rows, total } = await listQuestions(db(), bank.id, version, filter)
        return { items: rows.map(questionFrom), total, page: filter.page, pageSize: filter.pageSize }
      },
    )

    app.post(
      '/admin/question-banks/:id/questions',
      {
        schema: { params: BankParams, querystring: WriteQuery, body: QuestionInput, response: { 201: QuestionSaved, ...errors } },
        config: { validationMessages: messages, audit: { action: 'question-bank.question.create', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        await covered(request, request.params.id)
        const input = await checkQuestion(request.body)
        const saved = await db()
          .transaction()
          .execute(async (trx) => {
            const bank = (await lockBank(app.store.database, trx, request.params.id))!
            const target = await writableVersion(trx, request, bank, request.query.newVersion, '新增题目时另存')
            if ((await countQuestions(trx, bank.id, target.version)) >= BANK_LIMITS.questionsPerBankVersion) {
              throw badRequest(`每个题库版本最多 ${BANK_LIMITS.questionsPerBankVersion} 题`)
            }
            const at = now().toISOString()
            const id = await insertQuestion(trx, bank.id, target.version, input, at)
            await touchBank(trx, bank.id, at)
            await auditInTransaction(app, request, { detail: { questionId: id, version: target.version, newVersion: target.copied } }, trx)
            return { question: questionFrom((await getQuestion(trx, id))!), version: target.version, newVersion: target.copied }
          })
        return reply.code(201).send(saved)
      },
    )

    /** the question of the bank's newest version (404 elsewhere, 409 in an older version) */
    const questionOf = async (trx: Q, bank: BankRow, qid: string) => {
      const row = await getQuestion(trx, qid)
      if (!row || row.bank_id !== bank.id) throw notFound('找不到该题目')
      if (row.version !== bank.version) throw conflict(OLD_VERSION)
      return row
    }

    app.put(
      '/admin/question-banks/:id/questions/:qid',
      {
        schema: { params: QuestionParams, querystring: WriteQuery, body: QuestionInput, response: { 200: QuestionSaved, ...errors } },
        config: { validationMessages: messages, audit: { action: 'question-bank.question.update', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request) => {
        await covered(request, request.params.id)
        const input = await checkQuestion(request.body)
        return db()
          .transaction()
          .execute(async (trx) => {
            const bank = (await lockBank(app.store.database, trx, request.params.id))!
            await questionOf(trx, bank, request.params.qid)
            const target = await writableVersion(trx, request, bank, request.query.newVersion, '修改题目时另存')
            const id = target.ids.get(request.params.qid) ?? request.params.qid
            const at = now().toISOString()
            await trx
              .updateTable('question_bank_questions')
              .set({ ...questionColumns(input), updated_at: at })
              .where('id', '=', id)
              .execute()
            await touchBank(trx, bank.id, at)
            await auditInTransaction(app, request, { detail: { questionId: id, version: target.version, newVersion: target.copied } }, trx)
            return { question: questionFrom((await getQuestion(trx, id))!), version: target.version, newVersion: target.copied }
          })
      },
    )

    app.delete(
      '/admin/question-banks/:id/questions/:qid',
      {
        schema: { params: QuestionParams, querystring: WriteQuery, response: { 200: QuestionSaved, ...errors } },
        config: { validationMessages: messages, audit: { action: 'question-bank.question.delete', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: writeLimit,
      },
      async (request) => {
        await covered(request, request.params.id)
        return db()
          .transaction()
          .execute(async (trx) => {
            const bank = (await lockBank(app.store.database, trx, request.params.id))!
            await questionOf(trx, bank, request.params.qid)
            const target = await writableVersion(trx, request, bank, request.query.newVersion, '删除题目时另存')
            const id = target.ids.get(request.params.qid) ?? request.params.qid
            await trx.deleteFrom('question_bank_questions').where('id', '=', id).execute()
            await touchBank(trx, bank.id, now().toISOString())
            await auditInTransaction(app, request, { detail: { questionId: id, version: target.version, newVersion: target.copied } }, trx)
            return { version: target.version, newVersion: target.copied }
          })
      },
    )

    app.post(
      '/admin/question-banks/:id/import',
      {
        schema: {
          params: BankParams,
          querystring: ImportQuery,
          headers: IdempotencyHeaders,
          response: {
            200: ImportResult,
            201: ImportResult,
            400: ImportRefused,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
            429: ErrorBody,
            503: ErrorBody,
          },
        },
        config: { cache: 'no-store', validationMessages: messages, audit: { action: 'question-bank.import', target: 'questionBank' } },
        onRequest: requireRole(...BANK_WRITERS),
        preHandler: importLimit,
      },
      async (request, reply) => {
        let bank: BankRow
        try {
          bank = await covered(request, request.params.id)
        } catch (err) {
          drain(request)
          throw err
        }
        const { dryRun, newVersion } = request.query
        if (dryRun) request.audited = true
        const { bytes, filename } = await readFile(request)
        const user = request.user!
        const key = dryRun ? undefined : request.headers['idempotency-key']
        const hash = requestHash({ bank: bank.id, newVersion, file: createHash('sha256').update(bytes).digest('hex') })
        if (key) {
          const earlier = await findIdempotencyRecord(db(), user.id, IMPORT_SCOPE, key)
          if (earlier) {
            if (earlier.requestHash !== hash) throw idempotencyKeyReused()
            return reply
              .code(earlier.status as 201)
              .header(REPLAYED_HEADER, 'true')
              .send(earlier.body as BankImportResult)
          }
        }
        const topics = await knownTopics(db())
        let parsed: Awaited<ReturnType<typeof parseQuestionList>>
        try {
          parsed = await parseQuestionList(bytes, filename, topics)
        } catch (err) {
          if (err instanceof ImportFileError) throw badRequest(err.message)
          throw err
        }
        const policies = await existingPolicies(db(), parsed.policyIds)
        const summarise = (version: number, copied: boolean, created: number): BankImportResult => {
          const rows = parsed.rows.map((r) => ({ row: r.row, stem: [...r.stem].slice(0, 60).join(''), errors: r.errors }))
          const invalid = rows.filter((r) => r.errors.length > 0).length
          return { dryRun, rows, valid: rows.length - invalid, invalid, created, version, newVersion: copied }
        }
        const stems = async (on: Q, version: number) => new Set((await allQuestions(on, bank.id, version)).map((q) => q.stem.trim()))
        const refuse = (result: BankImportResult) => {
          const fields = Object.fromEntries(
            result.rows.filter((r) => r.errors.length > 0).map((r) => [`rows[${r.row}]`, r.errors.map((e) => `${e.field}：${e.message}`).join('；')]),
          )
          return reply
            .code(400)
            .send({ error: { code: 'bad_request' as const, message: `有 ${result.invalid} 行存在错误，未导入任何题目，请修改后重新导入`, fields }, ...result })
        }

        if (dryRun) {
          checkRows(parsed.rows, topics, policies, await stems(db(), bank.version))
          return reply.code(200).send(summarise(bank.version, false, 0))
        }
        try {
          const result = await db()
            .transaction()
            .execute(async (trx) => {
              const locked = (await lockBank(app.store.database, trx, bank.id))!
              const target = await writableVersion(trx, request, locked, newVersion, '导入题目时另存')
              checkRows(parsed.rows, topics, policies, await stems(trx, target.version))
              const checked = summarise(target.version, target.copied, 0)
              if (checked.invalid > 0) throw new RowsInError(checked)
              const total = (await countQuestions(trx, bank.id, target.version)) + parsed.rows.length
              if (total > BANK_LIMITS.questionsPerBankVersion) throw badRequest(`每个题库版本最多 ${BANK_LIMITS.questionsPerBankVersion} 题`)
              const at = now().toISOString()
              const result = summarise(target.version, target.copied, parsed.rows.length)
              if (
                key &&
                !(await rememberIdempotent(trx, { userId: user.id, scope: IMPORT_SCOPE, key, requestHash: hash, status: 201, body: result, createdAt: at }))
              ) {
                throw new KeyTaken()
              }
              let position = (await allQuestions(trx, bank.id, target.version)).reduce((max, q) => Math.max(max, q.position), 0)
              for (const row of parsed.rows) await insertQuestion(trx, bank.id, target.version, row.question, at, ++position)
              await touchBank(trx, bank.id, at)
              await auditInTransaction(app, request, { detail: { count: parsed.rows.length, version: target.version, newVersion: target.copied } }, trx)
              return result
            })
          request.log.info({ bankId: bank.id, count: result.created, version: result.version }, 'questions imported')
          return reply.code(201).send(result)
        } catch (err) {
          if (err instanceof RowsInError) return refuse(err.result)
          if (err instanceof KeyTaken) {
            const earlier = key ? await findIdempotencyRecord(db(), user.id, IMPORT_SCOPE, key) : undefined
            if (!earlier) throw err
            if (earlier.requestHash !== hash) throw idempotencyKeyReused()
            return reply
              .code(201)
              .header(REPLAYED_HEADER, 'true')
              .send(earlier.body as BankImportResult)
          }
          throw err
        }
      },
    )
  }
}
