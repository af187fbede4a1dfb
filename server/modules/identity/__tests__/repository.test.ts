/**
 * The identity repository and the WeChat OA states on a real database: SQLite always, PostgreSQL
 * too under test:pg (TEST_DATABASE_URL). Binding a mobile merges the account that had it (every
 * reference to users moves; a row that would break a unique key of the kept account is dropped),
 * all or nothing, and the rules hold under concurrent requests.
 */
import { createTestDatabase, onPostgres, type TestDatabase } from '../../../../test/api/helpers/database'
import { type Db, openDb } from '../../../db/database'
import { migrateDb } from '../../../db/migrate'
import { ApiError } from '../../../errors'
import { IdentityRepository } from '../repository'
import { hashNonce, OA_STATE_TTL_MS, OaStates } from '../wechat-oa'

jest.setTimeout(60_000)

const AT = '2026-12-03T02:00:00.000Z'
let clock = new Date(AT)
const now = () => clock

interface Opened {
  db: Db
  close: () => Promise<void>
}

async function openSqlite(): Promise<Opened> {
  const db = await openDb({ file: ':memory:' })
  await migrateDb(db)
  return { db, close: () => db.close() }
}

async function openPostgres(): Promise<Opened> {
  const database: TestDatabase = await createTestDatabase()
  const db = await openDb({ url: database.url })
  await migrateDb(db)
  return {
    db,
    close: async () => {
      await db.close()
      await database.drop()
    },
  }
}

const databases: [string, () => Promise<Opened>][] = [
  ['SQLite', openSqlite],
  ...(onPostgres ? [['PostgreSQL', openPostgres] as [string, () => Promise<Opened>]] : []),
]

/** the parts of the schema the merged rows point at */
async function seedWorld(db: Db): Promise<void> {
  const k = db.kysely
  await k
    .insertInto('videos')
    .values(['v1', 'v2', 'v3'].map((id) => ({ id, title: id, topic: 't', src: 's', poster: 'p', captions: 'c', duration_sec: 60, likes: 1, published_at: AT })))
    .execute()
  await k
    .insertInto('campaigns')
    .values(
      ['c1', 'c2'].map((id, position) => ({
        id,
        title: id,
        department: 'd',
        cover: 'c',
        starts_at: AT,
        ends_at: AT,
        description: 'd',
        rules: '{}',
        topics: '[]',
        position,
      })),
    )
    .execute()
}

async function addUser(db: Db, id: string, provider: 'wechat' | 'sms', mobile: string | null = null): Promise<void> {
  await db.kysely
    .insertInto('users')
    .values({ id, provider, external_id: `x-${id}`, nickname: id, role: 'resident', created_at: AT, mobile })
    .execute()
}

const attempt = (id: string, userId: string, campaignId: string, status: 'active' | 'submitted') => ({
  id,
  user_id: userId,
  campaign_id: campaignId,
  started_at: AT,
  deadline: AT,
  status,
  questions: '[]',
})

describe.each(databases)('identity on %s', (_name, open) => {
  let opened: Opened
  let db: Db
  let users: IdentityRepository
  beforeAll(async () => {
    opened = await open()
    db = opened.db
    users = new IdentityRepository(db, now)
    await seedWorld(db)
  })
  afterAll(() => opened.close())

  const countOf = async (table: 'sessions' | 'video_likes' | 'quiz_attempts' | 'idempotency_keys' | 'uploads' | 'quiz_profiles', userId: string) =>
    (
      await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n

  it('finds or creates a resident, once, by provider and id', async () => {
    const made = await users.findOrCreateResident('sms', '13800000001', '居民0001', '13800000001')
    expect(made).toMatchObject({ provider: 'sms', external_id: '13800000001', nickname: '居民0001', role: 'resident', mobile: '13800000001' })
    expect(await users.findOrCreateResident('sms', '13800000001', '别的名字', '13800000001')).toEqual(made)
    expect(await users.byMobile('13800000001')).toEqual(made)
    expect(await users.byId(made.id)).toEqual(made)
    await users.setNickname(made.id, '海门老王')
    expect((await users.byId(made.id))!.nickname).toBe('海门老王')
    // at once: one account
    const many = await Promise.all(Array.from({ length: 6 }, () => users.findOrCreateResident('wechat-oa', 'o-same', '居民0002')))
    expect(new Set(many.map((u) => u.id)).size).toBe(1)
  })

  it('binding a mobile another resident has merges that resident into this one', async () => {
    await addUser(db, 'keep', 'wechat')
    await addUser(db, 'gone', 'sms', '13900000000')
    const k = db.kysely
    await k
      .insertInto('sessions')
      .values([
        { token_hash: 'h-keep', user_id: 'keep', created_at: AT, expires_at: AT },
        { token_hash: 'h-gone', user_id: 'gone', created_at: AT, expires_at: AT },
      ])
      .execute()
    // both like v1 (its total counts both), only the merged account likes v2
    await k
      .insertInto('video_likes')
      .values([
        { video_id: 'v1', user_id: 'keep', created_at: AT },
        { video_id: 'v1', user_id: 'gone', created_at: AT },
        { video_id: 'v2', user_id: 'gone', created_at: AT },
      ])
      .execute()
    await k.updateTable('videos').set({ likes: 2 }).where('id', '=', 'v1').execute()
    // both run an attempt in c1; both finished one in c2 (a standing each); the merged one a second in c2
    await k
      .insertInto('quiz_attempts')
      .values([
        attempt('a-keep-1', 'keep', 'c1', 'active'),
        attempt('a-gone-1', 'gone', 'c1', 'active'),
        attempt('a-keep-2', 'keep', 'c2', 'submitted'),
        attempt('a-gone-2', 'gone', 'c2', 'submitted'),
      ])
      .execute()
    const standing = (userId: string, attemptId: string, score: number) => ({
      campaign_id: 'c2',
      user_id: userId,
      attempt_id: attemptId,
      score,
      time_used_ms: 1000,
      finished_at: AT,
    })
    await k
      .insertInto('quiz_standings')
      .values([standing('keep', 'a-keep-2', 60), standing('gone', 'a-gone-2', 90)])
      .execute()
    await k
      .insertInto('quiz_profiles')
      .values([
        { user_id: 'keep', hide_name: 0, updated_at: AT },
        { user_id: 'gone', hide_name: 1, updated_at: AT },
      ])
      .execute()
    const key = (userId: string, keyName: string) => ({
      user_id: userId,
      scope: 's',
      key: keyName,
      request_hash: userId,
      response_status: 201,
      response_body: '{}',
      created_at: AT,
    })
    await k
      .insertInto('idempotency_keys')
      .values([key('keep', 'k1'), key('gone', 'k1'), key('gone', 'k2')])
      .execute()
    const upload = (name: string, userId: string, idempotencyKey: string | null) => ({
      name,
      user_id: userId,
      type: 'image/png',
      size: 1,
      sha256: name,
      idempotency_key: idempotencyKey,
      created_at: AT,
    })
    await k
      .insertInto('uploads')
      .values([upload('u1', 'keep', 'same'), upload('u2', 'gone', 'same'), upload('u3', 'gone', null), upload('u4', 'keep', null)])
      .execute()

    const seen: string[] = []
    expect(await users.bindMobile('keep', '13900000000', (holder) => seen.push(holder.id))).toEqual({ mergedFrom: 'gone' })
    expect(seen).toEqual(['gone'])

    expect(await users.byId('gone')).toBeUndefined()
    expect(await users.byMobile('13900000000')).toMatchObject({ id: 'keep', provider: 'wechat' })
    // the H5 device stays signed in, as the kept account
    expect(await k.selectFrom('sessions').select('user_id').where('token_hash', '=', 'h-gone').executeTakeFirst()).toEqual({ user_id: 'keep' })
    // a video both liked is liked once, and its total says so
    const likes = await k.selectFrom('video_likes').select('video_id').where('user_id', '=', 'keep').orderBy('video_id').execute()
    expect(likes.map((l) => l.video_id)).toEqual(['v1', 'v2'])
    const totals = await k.selectFrom('videos').select(['id', 'likes']).orderBy('id').execute()
    expect(totals).toEqual([
      { id: 'v1', likes: 1 },
      { id: 'v2', likes: 1 },
      { id: 'v3', likes: 1 },
    ])
    // every attempt is the kept account's; its own running one runs on, the other ended expired
    const attempts = await k.selectFrom('quiz_attempts').select(['id', 'user_id', 'status']).orderBy('id').execute()
    expect(attempts).toEqual([
      { id: 'a-gone-1', user_id: 'keep', status: 'expired' },
      { id: 'a-gone-2', user_id: 'keep', status: 'submitted' },
      { id: 'a-keep-1', user_id: 'keep', status: 'active' },
      { id: 'a-keep-2', user_id: 'keep', status: 'submitted' },
    ])
    // one standing per campaign: the kept account's
    expect(await k.selectFrom('quiz_standings').select(['user_id', 'attempt_id', 'score']).execute()).toEqual([
      { user_id: 'keep', attempt_id: 'a-keep-2', score: 60 },
    ])
    expect(await k.selectFrom('quiz_profiles').select(['user_id', 'hide_name']).execute()).toEqual([{ user_id: 'keep', hide_name: 0 }])
    const keys = await k.selectFrom('idempotency_keys').select(['key', 'request_hash']).where('user_id', '=', 'keep').orderBy('key').execute()
    expect(keys).toEqual([
      { key: 'k1', request_hash: 'keep' },
      { key: 'k2', request_hash: 'gone' },
    ])
    // the partial unique key (user, Idempotency-Key) only where there is a key
    const uploads = await k.selectFrom('uploads').select(['name', 'user_id']).orderBy('name').execute()
    expect(uploads).toEqual([
      { name: 'u1', user_id: 'keep' },
      { name: 'u3', user_id: 'keep' },
      { name: 'u4', user_id: 'keep' },
    ])
    for (const table of ['sessions', 'video_likes', 'quiz_attempts', 'idempotency_keys', 'uploads', 'quiz_profiles'] as const) {
      expect([table, await countOf(table, 'gone')]).toEqual([table, 0])
    }
    // binding again changes nothing
    expect(await users.bindMobile('keep', '13900000000', () => seen.push('again'))).toEqual({})
    expect(seen).toEqual(['gone'])
  })

  it('a number without a holder is just bound; a refused holder leaves everything as it was', async () => {
    await addUser(db, 'w1', 'wechat')
    expect(await users.bindMobile('w1', '13700000000')).toEqual({})
    expect((await users.byMobile('13700000000'))!.id).toBe('w1')

    await addUser(db, 'w2', 'wechat')
    await db.kysely.insertInto('sessions').values({ token_hash: 'h-w1', user_id: 'w1', created_at: AT, expires_at: AT }).execute()
    const refuse = () => {
      throw new ApiError(409, 'conflict', '该手机号已绑定另一个微信账号')
    }
    await expect(users.bindMobile('w2', '13700000000', refuse)).rejects.toThrow('该手机号已绑定另一个微信账号')
    expect((await users.byMobile('13700000000'))!.id).toBe('w1')
    expect(await countOf('sessions', 'w1')).toBe(1)
    expect((await users.byId('w2'))!.mobile).toBeNull()
  })

  it('of several accounts binding one number at once, one merges the holder and the others are refused', async () => {
    await addUser(db, 'h5', 'sms', '13600000000')
    await db.kysely.insertInto('sessions').values({ token_hash: 'h-h5', user_id: 'h5', created_at: AT, expires_at: AT }).execute()
    const minis = ['m1', 'm2', 'm3', 'm4']
    for (const id of minis) await addUser(db, id, 'wechat')
    const outcomes = await Promise.allSettled(
      minis.map((id) =>
        users.bindMobile(id, '13600000000', (holder) => {
          if (holder.provider === 'wechat') throw new ApiError(409, 'conflict', '该手机号已绑定另一个微信账号')
        }),
      ),
    )
    const merged = outcomes.filter((o) => o.status === 'fulfilled')
    expect(merged).toEqual([{ status: 'fulfilled', value: { mergedFrom: 'h5' } }])
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as Error).message)
    expect(refused).toEqual(Array(minis.length - 1).fill('该手机号已绑定另一个微信账号'))
    const holder = (await users.byMobile('13600000000'))!
    expect(minis).toContain(holder.id)
    expect(await users.byId('h5')).toBeUndefined()
    expect(await db.kysely.selectFrom('sessions').select('user_id').where('token_hash', '=', 'h-h5').executeTakeFirst()).toEqual({ user_id: holder.id })
  })

  describe('WeChat OA states', () => {
    let states: OaStates
    beforeAll(() => {
      states = new OaStates(db, now)
    })
    afterEach(() => {
      clock = new Date(AT)
    })

    it('are used once, even when exchanged at once', async () => {
      const state = await states.create('/pages/mine/index', hashNonce('n-1'))
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => states.consume(state, 'n-1')))
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toEqual([{ status: 'fulfilled', value: '/pages/mine/index' }])
      for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
        expect((o.reason as Error).message).toBe('授权状态无效，请重新登录')
      }
    })

    it('a wrong nonce leaves the state; an expired one is refused and gone', async () => {
      const state = await states.create('/pages/quiz/index', hashNonce('n-2').toUpperCase())
      await expect(states.consume(state, 'wrong')).rejects.toThrow('授权状态无效，请重新登录')
      expect(await states.consume(state, 'n-2')).toBe('/pages/quiz/index')

      const old = await states.create('/x', hashNonce('n-3'))
      clock = new Date(Date.parse(AT) + OA_STATE_TTL_MS)
      await expect(states.consume(old, 'n-3')).rejects.toThrow('授权已过期，请重新登录')
      await expect(states.consume(old, 'n-3')).rejects.toThrow('授权状态无效，请重新登录')
    })
  })
})
