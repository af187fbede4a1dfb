/** Dead ends closed on the policy side: 已截止 (closesAt, on the store's clock) and a policy's related videos and FAQs */
import type { Home, Page, Policy, PolicySummary, Video } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { makeClock } from './helpers/clock'
import { startTestServer, type TestServer } from './helpers/test-server'

// 2026-06-01 in Beijing: p010's 报名 (to 2026-05-20), p005's 缴费期 and p014 have closed
const clock = makeClock(new Date('2026-06-01T02:00:00Z'))
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
})
afterAll(() => server.close())

const json = async <T>(path: string): Promise<T> => {
  const res = await server.api(path)
  expect(res.status).toBe(200)
  return res.json() as Promise<T>
}
const closedIds = (list: PolicySummary[]) => list.filter((p) => p.closed).map((p) => p.id)

it('最新政策 leads with open policies; a closed one comes after them, marked 已截止', async () => {
  const home = await json<Home>('/home')
  const latest = home.latestPolicies
  expect(latest).toHaveLength(5)
  expect(latest[0].closed).toBeUndefined()
  const firstClosed = latest.findIndex((p) => p.closed)
  // everything after the first closed one is closed too
  if (firstClosed >= 0) expect(latest.slice(firstClosed).every((p) => p.closed)).toBe(true)
  expect(latest.map((p) => p.id)).not.toContain('p010')
  expect(latest.every((p) => !p.closesAt || p.closesAt >= '2026-06-01' || p.closed)).toBe(true)
})

it('the policy list and the policy page mark closed policies and keep the date', async () => {
  const page = await json<Page<PolicySummary>>('/policies?pageSize=50')
  expect(closedIds(page.items).sort()).toEqual(['p005', 'p010', 'p014'])
  // the list keeps its order (newest first): 已截止 is a mark, not a filter
  expect(page.items[0].id).toBe('p010')
  const p010 = await json<Policy>('/policies/p010')
  expect(p010).toMatchObject({ closesAt: '2026-05-20', closed: true })
  const open = await json<Policy>('/policies/p001')
  expect(open.closed).toBeUndefined()
})

it('on the last day itself a policy is still open', async () => {
  clock.set(new Date('2026-05-20T15:59:00Z')) // 23:59 in Beijing
  // (a new URL: the micro-cache keeps an answer for its max-age, as browsers may)
  const p010 = await json<Policy>('/policies/p010?on=last-day')
  expect(p010.closed).toBeUndefined()
  const home = await json<Home>('/home?on=last-day')
  expect(home.latestPolicies[0].id).toBe(fixtures.policies.find((p) => p.id === 'p010')!.id)
})

it('GET /policies/:id/related: the videos of its interpretations and its FAQs, each pointing back to it', async () => {
  const related = await json<{ videos: { id: string; title: string }[]; faqs: { id: string; question: string }[] }>('/policies/p002/related')
  const interps = fixtures.interpretations.filter((i) => i.policyId === 'p002').map((i) => i.id)
  const videos = fixtures.videos.filter((v) => v.interpretationId && interps.includes(v.interpretationId))
  expect(related.videos.map((v) => v.id).sort()).toEqual(videos.map((v) => v.id).sort())
  expect(related.videos.length).toBeGreaterThan(0)
  expect(related.faqs.map((f) => f.id).sort()).toEqual(
    fixtures.faqs
      .filter((f) => f.policyId === 'p002')
      .map((f) => f.id)
      .sort(),
  )
  expect(related.faqs.length).toBeGreaterThan(0)
  const missing = await server.api('/policies/p999/related')
  expect(missing.status).toBe(404)
  expect((await missing.json()).error.message).toBe('找不到该政策')
})

it('GET /videos/:id links back to its policy (through its interpretation), and says nothing of one withdrawn', async () => {
  for (const v of fixtures.videos) {
    const interpretation = fixtures.interpretations.find((i) => i.id === v.interpretationId)
    const policy = fixtures.policies.find((p) => p.id === interpretation?.policyId)
    expect(policy).toBeDefined()
    const video = await json<Video>(`/videos/${v.id}`)
    expect(video.policy).toEqual({ id: policy!.id, title: policy!.title })
  }
  const db = server.store.database.kysely
  const v = fixtures.videos[0]
  const policyId = fixtures.interpretations.find((i) => i.id === v.interpretationId)!.policyId
  const row = await db.selectFrom('policies').selectAll().where('id', '=', policyId).executeTakeFirstOrThrow()
  await db.deleteFrom('policies').where('id', '=', policyId).execute()
  try {
    // (撤回 in the console also drops the micro-cache's answer for /videos/…; deleting the row here
    // does not, so the read is made under a query the cache has not seen)
    const res = await server.api(`/videos/${v.id}?fresh=1`)
    expect((await res.json()).policy).toBeUndefined()
  } finally {
    await db.insertInto('policies').values(row).execute()
  }
})
