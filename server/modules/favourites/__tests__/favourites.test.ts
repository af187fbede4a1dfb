/**
 * 收藏 over HTTP on the suite's database (SQLite; PostgreSQL under TEST_DATABASE_URL): add, list,
 * remove for each kind; adding twice is one favourite, removing an absent one is fine; unknown
 * items and kinds are refused in Chinese and change nothing; a withdrawn item lists as 已下架 with
 * none of its content; the per-account cap; only one's own; the per-user rate limit.
 */
import type { FavouriteItem, Page } from '../../../../common/contract'
import { FAVOURITES_MAX } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { makeClock } from '../../../../test/api/helpers/clock'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(60_000)

const p001 = fixtures.policies.find((p) => p.id === 'p001')!
const i002 = fixtures.interpretations.find((i) => i.id === 'i002')!
const v003 = fixtures.videos.find((v) => v.id === 'v003')!

let server: TestServer
const clock = makeClock(new Date('2026-12-05T08:00:00Z'))

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, now: clock.now })
})
afterAll(() => server?.close())

const login = async (name: string) => ((await (await server.api('/auth/dev', postJson({ role: 'resident', name }))).json()) as { token: string }).token

async function call<T = unknown>(token: string | undefined, method: 'GET' | 'PUT' | 'DELETE', path: string): Promise<{ status: number; body: T }> {
  const res = await server.api(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, body: (await res.json()) as T }
}
const list = async (token: string, query = '') => (await call<Page<FavouriteItem>>(token, 'GET', `/favourites${query}`)).body
const count = (token: string) => list(token).then((p) => p.total)
const userIdOf = async (token: string) => (await call<{ id: string }>(token, 'GET', '/auth/me')).body.id

describe('收藏', () => {
  it('asks a guest to sign in, in Chinese', async () => {
    const res = await call<{ error: { message: string } }>(undefined, 'PUT', '/favourites/policy/p001')
    expect(res.status).toBe(401)
    expect(res.body.error.message).toBe('请先登录')
    expect((await call(undefined, 'GET', '/favourites')).status).toBe(401)
  })

  it('adds each kind once however often it is sent, lists newest first with the items resolved, removes', async () => {
    const token = await login('收藏的甲')
    expect(await call(token, 'GET', '/favourites/policy/p001')).toEqual({ status: 200, body: { favourited: false } })
    expect(await call(token, 'PUT', '/favourites/policy/p001')).toEqual({ status: 200, body: { favourited: true } })
    clock.advance(1000)
    expect((await call(token, 'PUT', '/favourites/interpretation/i002')).status).toBe(200)
    clock.advance(1000)
    expect((await call(token, 'PUT', '/favourites/video/v003')).status).toBe(200)
    clock.advance(1000)
    // again: still one, and it keeps its place (its time is not renewed)
    expect(await call(token, 'PUT', '/favourites/policy/p001')).toEqual({ status: 200, body: { favourited: true } })
    expect(await call(token, 'GET', '/favourites/policy/p001')).toEqual({ status: 200, body: { favourited: true } })

    const all = await list(token)
    expect(all.total).toBe(3)
    expect(all.items.map((i) => `${i.kind}:${i.id}`)).toEqual(['video:v003', 'interpretation:i002', 'policy:p001'])
    expect(all.items[2]).toMatchObject({ available: true, title: p001.title, summary: p001.summary })
    expect(all.items[1]).toMatchObject({ available: true, title: i002.title, summary: i002.summary, cover: i002.cover })
    expect(all.items[0]).toMatchObject({ available: true, title: v003.title, summary: '短视频 · 12 秒', cover: v003.poster })

    const videos = await list(token, '?kind=video')
    expect(videos.total).toBe(1)
    expect(videos.items.map((i) => i.id)).toEqual(['v003'])
    const paged = await list(token, '?page=2&pageSize=2')
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(paged.items.map((i) => i.id)).toEqual(['p001'])

    expect(await call(token, 'DELETE', '/favourites/interpretation/i002')).toEqual({ status: 200, body: { favourited: false } })
    // removing what is not there is fine
    expect(await call(token, 'DELETE', '/favourites/interpretation/i002')).toEqual({ status: 200, body: { favourited: false } })
    expect(await call(token, 'DELETE', '/favourites/video/v999')).toEqual({ status: 200, body: { favourited: false } })
    expect((await list(token)).items.map((i) => i.id)).toEqual(['v003', 'p001'])
  })

  it('refuses an unknown item or kind in Chinese and stores nothing', async () => {
    const token = await login('收藏的乙')
    const missing = await call<{ error: { message: string } }>(token, 'PUT', '/favourites/policy/p999')
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toBe('找不到该政策，可能已下架')
    expect((await call<{ error: { message: string } }>(token, 'PUT', '/favourites/video/p001')).body.error.message).toBe('找不到该视频，可能已下架')
    const kind = await call<{ error: { message: string } }>(token, 'PUT', '/favourites/course/c001')
    expect(kind.status).toBe(400)
    expect(kind.body.error.message).toBe('收藏类型只能是政策、解读或视频')
    const size = await call<{ error: { message: string } }>(token, 'GET', '/favourites?pageSize=500')
    expect(size.status).toBe(400)
    expect(size.body.error.message).toBe('参数错误：pageSize 必须是 1 到 50 之间的整数')
    expect(await count(token)).toBe(0)
  })

  it('lists a withdrawn item as 已下架 without its content, and removes it', async () => {
    const token = await login('收藏的丙')
    const db = server.store.database.kysely
    const row = await db.selectFrom('policies').selectAll().where('id', '=', 'p002').executeTakeFirstOrThrow()
    expect((await call(token, 'PUT', '/favourites/policy/p002')).status).toBe(200)
    // what 撤回 does to the public table (server/modules/editorial/publish.ts)
    await db.deleteFrom('policies').where('id', '=', 'p002').execute()
    try {
      const [item] = (await list(token)).items
      expect(item).toEqual({ kind: 'policy', id: 'p002', createdAt: expect.any(String), available: false, title: '已下架的政策', summary: '' })
      expect(JSON.stringify(item)).not.toContain(row.title)
      // it cannot be added again while withdrawn, but it can be removed
      expect((await call(token, 'PUT', '/favourites/policy/p002')).status).toBe(404)
      expect((await call(token, 'DELETE', '/favourites/policy/p002')).status).toBe(200)
      expect(await count(token)).toBe(0)
    } finally {
      await db.insertInto('policies').values(row).execute()
    }
  })

  it('is one account’s own: another resident sees none of it', async () => {
    const a = await login('收藏的丁')
    const b = await login('收藏的戊')
    await call(a, 'PUT', '/favourites/video/v001')
    expect(await count(b)).toBe(0)
    expect((await call(b, 'GET', '/favourites/video/v001')).body).toEqual({ favourited: false })
    await call(b, 'DELETE', '/favourites/video/v001')
    expect(await count(a)).toBe(1)
  })

  it(`keeps at most ${FAVOURITES_MAX} per account, with a Chinese message; one already kept is still fine`, async () => {
    const token = await login('收藏很多的居民')
    const userId = await userIdOf(token)
    const at = new Date('2026-01-01T00:00:00Z').toISOString()
    await server.store.database.kysely
      .insertInto('favourites')
      .values(Array.from({ length: FAVOURITES_MAX - 1 }, (_, n) => ({ user_id: userId, kind: 'policy', item_id: `gone-${n}`, created_at: at })))
      .execute()
    expect((await call(token, 'PUT', '/favourites/video/v002')).status).toBe(200)
    const full = await call<{ error: { message: string } }>(token, 'PUT', '/favourites/video/v004')
    expect(full.status).toBe(409)
    expect(full.body.error.message).toBe(`收藏已达 ${FAVOURITES_MAX} 条上限，请先在「我的收藏」里取消一些`)
    expect((await call(token, 'PUT', '/favourites/video/v002')).status).toBe(200)
    expect(await count(token)).toBe(FAVOURITES_MAX)
    expect((await call(token, 'GET', '/favourites/video/v004')).body).toEqual({ favourited: false })
  })

  it('limits one account’s writes per hour', async () => {
    const token = await login('点个不停的居民')
    let last = 0
    for (let n = 0; n < 121; n++) last = (await call(token, n % 2 ? 'DELETE' : 'PUT', '/favourites/video/v005')).status
    expect(last).toBe(429)
  })
})
