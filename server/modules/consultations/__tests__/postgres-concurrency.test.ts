/**
 * Exactly once on PostgreSQL, where requests really run side by side (a pool of connections, not
 * SQLite's one): concurrent asks with one Idempotency-Key make one consultation, concurrent
 * replies answer once, concurrent sign-ins make one user. On a database of its own, dropped after.
 * Until server/db/migrations/postgres holds the schema, the few tables needed are created here.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { type Db, openDb } from '../../../db/database'
import { migrateDb, MIGRATIONS_ROOT } from '../../../db/migrate'
import { StoreConflict } from '../../../db/conflict'
import { AuthRepository } from '../../auth/repository'
import { ConsultationRepository } from '../repository'

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const NAME = `zct_consultations_${process.pid}`

/** the tables as the SQLite migrations end, for these repositories only */
const TABLES = `
CREATE TABLE topics (id text PRIMARY KEY, name text NOT NULL, icon text NOT NULL, position integer NOT NULL);
CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL, level text NOT NULL, parent_code text REFERENCES regions (code), position integer NOT NULL);
CREATE TABLE users (id text PRIMARY KEY, provider text NOT NULL, external_id text NOT NULL, nickname text NOT NULL, role text NOT NULL,
  region_code text, created_at text NOT NULL, org_code text, department text, disabled_at text, mobile text, lecturer_id text, disabled_by text,
  UNIQUE (provider, external_id));
CREATE TABLE sessions (token_hash text PRIMARY KEY, user_id text NOT NULL REFERENCES users (id), session_key text, created_at text NOT NULL,
  expires_at text NOT NULL, id text UNIQUE, last_seen_at text, idle_ms integer, device text, ip text);
CREATE TABLE consultations (id text PRIMARY KEY, user_id text NOT NULL REFERENCES users (id), topic text NOT NULL REFERENCES topics (id),
  question text NOT NULL, region_code text NOT NULL REFERENCES regions (code), phone text, status text NOT NULL CHECK (status IN ('pending', 'answered')),
  created_at text NOT NULL, reply_text text, reply_department text, replied_by text REFERENCES users (id), replied_at text);
CREATE TABLE idempotency_keys (user_id text NOT NULL REFERENCES users (id), scope text NOT NULL, key text NOT NULL, request_hash text NOT NULL,
  response_status integer NOT NULL, response_body text NOT NULL, created_at text NOT NULL, PRIMARY KEY (user_id, scope, key));
`

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

let db: Db
let auth: AuthRepository
let consultations: ConsultationRepository
const input = { topic: 'yibao', question: '城乡居民医保在哪里缴费？', regionCode: '331002', phone: '13812345678' }

beforeAll(async () => {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${NAME}`)
    await c.query(`CREATE DATABASE ${NAME}`)
  })
  const url = new URL(ADMIN_URL)
  url.pathname = `/${NAME}`
  db = await openDb({ url: url.toString(), poolSize: 12 })
  if (existsSync(join(MIGRATIONS_ROOT, 'postgres'))) await migrateDb(db)
  else await sql.raw(TABLES).execute(db.kysely)
  await db.kysely.insertInto('topics').values({ id: 'yibao', name: '医保', icon: 'yibao', position: 1 }).execute()
  await db.kysely.insertInto('regions').values({ code: '331002', name: '椒江区', level: 'county', parent_code: null, position: 1 }).execute()
  auth = new AuthRepository(
    db,
    () => new Date(),
    () => new Map([['331000', '台州市']]),
  )
  consultations = new ConsultationRepository(db, () => new Date())
}, 30_000)

afterAll(async () => {
  await db?.close()
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${NAME}`))
})

const resident = (name: string) => auth.upsertUser({ provider: 'dev', externalId: `resident:${name}`, nickname: name, role: 'resident' })

it('10 concurrent sign-ins of one account make one user', async () => {
  const users = await Promise.all(Array.from({ length: 10 }, () => resident('同一个人')))
  expect(new Set(users.map((u) => u.id)).size).toBe(1)
  const { count } = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('external_id', '=', 'resident:同一个人')
    .executeTakeFirstOrThrow()
  expect(count).toBe(1)
})

it('10 concurrent asks with one Idempotency-Key make one consultation; all answer it', async () => {
  const user = await resident('并发提问')
  const writes = await Promise.all(Array.from({ length: 10 }, () => consultations.createConsultation(user.id, input, 'parallel-key')))
  expect(writes.filter((w) => !w.replayed)).toHaveLength(1)
  for (const w of writes) expect(w.consultation).toEqual(writes[0].consultation)
  expect(await consultations.listConsultationsByUser(user.id)).toEqual([writes[0].consultation])
})

it('concurrent asks with one key but other input: one stored, the others refused as a reused key', async () => {
  const user = await resident('换了内容')
  const results = await Promise.allSettled(
    Array.from({ length: 6 }, (_, i) => consultations.createConsultation(user.id, { ...input, question: `第${i}个不同的问题内容` }, 'one-key')),
  )
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  for (const r of results.filter((x) => x.status === 'rejected')) {
    expect((r as PromiseRejectedResult).reason).toEqual(new StoreConflict('idempotency-key-reused'))
  }
  expect(await consultations.listConsultationsByUser(user.id)).toHaveLength(1)
})

it('5 concurrent replies to one consultation: one answers, the others are refused', async () => {
  const user = await resident('等答复')
  const { consultation } = await consultations.createConsultation(user.id, input)
  const responders = await Promise.all(
    Array.from({ length: 5 }, (_, i) => auth.upsertUser({ provider: 'dev', externalId: `responder:r${i}`, nickname: `答复员${i}`, role: 'responder' })),
  )
  const results = await Promise.allSettled(
    responders.map((r, i) => consultations.replyConsultation(consultation.id, { userId: r.id, department: r.nickname }, `答复${i}`)),
  )
  const answered = results.filter((r) => r.status === 'fulfilled')
  expect(answered).toHaveLength(1)
  for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toEqual(new StoreConflict('already-answered'))
  const stored = await consultations.getConsultation(consultation.id)
  expect(stored!.reply).toEqual(
    (answered[0] as PromiseFulfilledResult<Awaited<ReturnType<ConsultationRepository['replyConsultation']>>>).value!.consultation.reply,
  )
})

it('5 concurrent retries of one reply with its key: one writes, all answer the same', async () => {
  const user = await resident('重试答复')
  const { consultation } = await consultations.createConsultation(user.id, input)
  const responder = await auth.upsertUser({ provider: 'dev', externalId: 'responder:retry', nickname: '医保局', role: 'responder' })
  const writes = await Promise.all(
    Array.from({ length: 5 }, () => consultations.replyConsultation(consultation.id, { userId: responder.id, department: '医保局' }, '已受理', 'reply-key')),
  )
  expect(writes.filter((w) => !w!.replayed)).toHaveLength(1)
  for (const w of writes) expect(w!.consultation).toEqual(writes[0]!.consultation)
})

it('sessions: created, found with the user, gone for an unknown token', async () => {
  const user = await resident('会话')
  const session = await auth.createSession({ userId: user.id, userAgent: 'jest', ip: '127.0.0.1' })
  expect(await auth.getSession(session.token)).toEqual(session)
  expect(await auth.getSession('0'.repeat(64))).toBeUndefined()
  expect(await auth.wechatOpenid(user.id)).toBeUndefined()
})
