import type { Page, Policy, PolicySummary } from '../../common/contract'
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { shanghaiToday } from '../../common/shanghai-date'
import { startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const getPage = async (query: string): Promise<Page<PolicySummary>> => {
  const res = await server.api(`/policies${query}`)
  expect(res.status).toBe(200)
  return res.json()
}

const newestFirst = [...fixtures.policies].sort((a, b) => (a.publishedAt === b.publishedAt ? (a.id < b.id ? -1 : 1) : a.publishedAt < b.publishedAt ? 1 : -1))

describe('GET /policies', () => {
  it('pages newest first with the default page size', async () => {
    const page = await getPage('')
    expect(page.page).toBe(1)
    expect(page.pageSize).toBe(PAGE_SIZE_DEFAULT)
    expect(page.total).toBe(fixtures.policies.length)
    expect(page.items.map((p) => p.id)).toEqual(newestFirst.slice(0, PAGE_SIZE_DEFAULT).map((p) => p.id))
  })

  it('walks every page without gaps or overlap', async () => {
    const seen: string[] = []
    for (let n = 1; n <= Math.ceil(fixtures.policies.length / 3); n++) {
      const page = await getPage(`?page=${n}&pageSize=3`)
      expect(page).toMatchObject({ page: n, pageSize: 3, total: fixtures.policies.length })
      seen.push(...page.items.map((p) => p.id))
    }
    expect(seen).toEqual(newestFirst.map((p) => p.id))
    expect((await getPage(`?page=999&pageSize=${PAGE_SIZE_MAX}`)).items).toEqual([])
  })

  it('lists summaries: no sections or issuer', async () => {
    const { items } = await getPage('?pageSize=50')
    for (const item of items) {
      expect(item).not.toHaveProperty('sections')
      expect(item).not.toHaveProperty('issuer')
      expect(item).toEqual(expect.objectContaining({ id: expect.any(String), docNumber: expect.any(String) }))
    }
  })

  it('searches title, 文号, summary and text, case-insensitively', async () => {
    const p = fixtures.policies[0]
    for (const q of [p.title.slice(0, 8), p.docNumber, p.summary.slice(3, 12), p.sections[p.sections.length - 1].paragraphs[0].slice(4, 14)]) {
      const page = await getPage(`?q=${encodeURIComponent(q)}&pageSize=50`)
      expect(page.items.map((x) => x.id)).toContain(p.id)
      for (const hit of page.items) {
        const full = fixtures.policies.find((x) => x.id === hit.id)!
        expect(JSON.stringify([full.title, full.docNumber, full.summary, full.sections]).toLowerCase()).toContain(q.toLowerCase())
      }
    }
    const nothing = await getPage(`?q=${encodeURIComponent('绝对不会出现的查询词xyz')}`)
    expect(nothing).toMatchObject({ items: [], total: 0 })
  })

  it('matches ASCII in any case', async () => {
    const ascii = fixtures.policies
      .flatMap((p) => p.sections.flatMap((s) => s.paragraphs))
      .join(' ')
      .match(/[A-Za-z]{3,}/)
    if (!ascii) return // no Latin text in the fixtures
    const lower = await getPage(`?q=${ascii[0].toLowerCase()}&pageSize=50`)
    const upper = await getPage(`?q=${ascii[0].toUpperCase()}&pageSize=50`)
    expect(lower.total).toBeGreaterThan(0)
    expect(upper).toEqual(lower)
  })

  it('filters by topic and department', async () => {
    const topic = fixtures.policies[0].topic
    const byTopic = await getPage(`?topic=${topic}&pageSize=50`)
    expect(byTopic.total).toBe(fixtures.policies.filter((p) => p.topic === topic).length)
    expect(byTopic.items.every((p) => p.topic === topic)).toBe(true)

    const dept = fixtures.policies[1].department
    const byDept = await getPage(`?dept=${encodeURIComponent(dept)}&pageSize=50`)
    expect(byDept.total).toBe(fixtures.policies.filter((p) => p.department === dept).length)
    expect(byDept.items.every((p) => p.department === dept)).toBe(true)

    expect(await getPage('?topic=no-such-topic')).toMatchObject({ items: [], total: 0 })
    // an empty filter is no filter, as a form with nothing selected sends it
    expect((await getPage('?topic=&dept=&q=')).total).toBe(fixtures.policies.length)
  })

  it('offers /departments as the dept filter values', async () => {
    const res = await server.api('/departments')
    const departments: string[] = await res.json()
    expect(new Set(departments)).toEqual(new Set(fixtures.policies.map((p) => p.department)))
  })
})

describe('GET /policies/:id', () => {
  it('returns every policy exactly as seeded (marked 已截止 once its closesAt has passed)', async () => {
    const today = shanghaiToday(new Date())
    for (const p of fixtures.policies) {
      const res = await server.api(`/policies/${p.id}`)
      expect(res.status).toBe(200)
      const body: Policy = await res.json()
      expect(body).toEqual(JSON.parse(JSON.stringify(p.closesAt && p.closesAt < today ? { ...p, closed: true } : p)))
    }
  })
})
