/**
 * 常住人口 editing on the real server (SQLite, and PostgreSQL under TEST_DATABASE_URL): the city's
 * admins change any figure, a county's admins only their county's townships (403 for 黄岩区 from
 * 椒江区, and for the county's own figure); bad input is refused in Chinese and changes nothing; the
 * per-capita board uses a new figure on its next read; every change is in the history and the audit
 * log, and a retried PUT adds nothing.
 */
import type { Leaderboard, PopulationHistoryPage, PopulationTable } from '../../../../common/contract'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(120_000)

let server: TestServer
let city: string
let jiaojiang: string
let editor: string

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  city = await signIn({ role: 'admin', org: '331000', name: '市管理员' })
  jiaojiang = await signIn({ role: 'admin', org: '331002', name: '椒江管理员' })
  editor = await signIn({ role: 'editor', org: '331000', name: '市编辑' })
  // one participant from 椒江区: a region is on the boards once somebody from it has taken part
  const resident = { authorization: `Bearer ${await signIn({ role: 'resident', name: '椒江居民' })}` }
  const started = await server.api('/campaigns/q001/attempts', postJson({ regionCode: '331002001003' }, resident))
  const attempt = (await started.json()) as { id: string }
  expect((await server.api(`/attempts/${attempt.id}/submit`, postJson({ answers: {} }, resident))).status).toBe(200)
})
afterAll(async () => {
  await server?.close()
})

async function signIn(body: Record<string, string>): Promise<string> {
  const res = await server.api('/auth/dev', postJson(body))
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

const put = (token: string, body: unknown) =>
  server.api('/admin/population', {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const get = async <T>(token: string, path: string): Promise<T> => {
  const res = await server.api(path, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as T
}
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message
const countyBoard = async () => (await (await server.api('/campaigns/q001/leaderboard?scope=county')).json()) as Leaderboard

it('lists the figures of the caller’s regions, given or derived, with what the caller may change', async () => {
  const all = await get<PopulationTable>(city, '/admin/population')
  expect(all.items.find((r) => r.code === '331002')).toMatchObject({ name: '椒江区', level: 'county', residents: 812_000, derived: false, editable: true })
  const haimen = all.items.find((r) => r.code === '331002001')!
  expect(haimen).toMatchObject({ level: 'township', parentCode: '331002', derived: true, editable: true })
  const own = await get<PopulationTable>(jiaojiang, '/admin/population')
  expect(own.items.every((r) => r.code.startsWith('331002'))).toBe(true)
  expect(own.items.find((r) => r.code === '331002')!.editable).toBe(false)
  expect(own.items.find((r) => r.code === '331002001')!.editable).toBe(true)
  expect((await server.api('/admin/population', { headers: { authorization: `Bearer ${editor}` } })).status).toBe(403)
})

it('changes a figure for the boards at once, with history and audit; a retry adds nothing', async () => {
  const before = (await countyBoard()).rows.find((r) => r.regionCode === '331002')!
  expect(before.residents).toBe(812_000)
  const body = { year: 2025, source: '2025 年台州统计年鉴', items: [{ regionCode: '331002', residents: 900_000 }] }
  const res = await put(city, body)
  expect(res.status).toBe(200)
  const table = (await res.json()) as PopulationTable
  expect(table.items.find((r) => r.code === '331002')).toMatchObject({ residents: 900_000, year: 2025, source: '2025 年台州统计年鉴', updatedBy: '市管理员' })
  expect((await countyBoard()).rows.find((r) => r.regionCode === '331002')!.residents).toBe(900_000)

  expect((await put(city, body)).status).toBe(200)
  const history = await get<PopulationHistoryPage>(city, '/admin/population/history?regionCode=331002')
  expect(history.total).toBe(1)
  expect(history.items[0]).toMatchObject({ regionCode: '331002', regionName: '椒江区', before: 812_000, after: 900_000, year: 2025, actorName: '市管理员' })

  const audit = (await get<{ items: { action: string; targetId?: string; detail?: unknown }[] }>(city, '/admin/audit?action=population')).items
  // newest first: the retry (recorded, changing nothing), then the change
  const updates = audit.filter((e) => e.action === 'population.update')
  expect(updates.map((e) => e.detail)).toEqual([
    { year: 2025, source: '2025 年台州统计年鉴', changed: 0, changes: '' },
    { year: 2025, source: '2025 年台州统计年鉴', changed: 1, changes: '331002: 812000→900000' },
  ])
  expect(updates[1].targetId).toBe('331000')
})

it("lets a county's admin change its own townships only: 403 for another county and for the county itself", async () => {
  const ok = await put(jiaojiang, { year: 2025, source: '椒江区统计局', items: [{ regionCode: '331002001', residents: 120_000 }] })
  expect(ok.status).toBe(200)
  const huangyan = await put(jiaojiang, { year: 2025, source: '椒江区统计局', items: [{ regionCode: '331003001', residents: 50_000 }] })
  expect(huangyan.status).toBe(403)
  expect(await message(huangyan)).toBe('只能修改本县（市、区）所辖乡镇（街道）的人口，不能修改东城街道')
  const itself = await put(jiaojiang, { year: 2025, source: '椒江区统计局', items: [{ regionCode: '331002', residents: 1_000_000 }] })
  expect(itself.status).toBe(403)
  const all = await get<PopulationTable>(city, '/admin/population')
  expect(all.items.find((r) => r.code === '331003001')!.derived).toBe(true)
  expect(all.items.find((r) => r.code === '331002')!.residents).toBe(900_000)
  // the own-county history shows only its regions
  const own = await get<PopulationHistoryPage>(jiaojiang, '/admin/population/history')
  expect(own.items.map((e) => e.regionCode)).toEqual(['331002001', '331002'])
})

it('refuses bad input in Chinese and changes nothing', async () => {
  const cases: [unknown, string][] = [
    [{ year: 2025, source: '普查', items: [{ regionCode: '331004', residents: 0 }] }, '第 1 行：路桥区的常住人口须为 1–20000000 之间的整数'],
    [{ year: 2025, source: '普查', items: [{ regionCode: '331004', residents: 1.5 }] }, '第 1 行：路桥区的常住人口须为 1–20000000 之间的整数'],
    [{ year: 1999, source: '普查', items: [{ regionCode: '331004', residents: 5 }] }, '统计年度须为 2000–2100 之间的整数'],
    [{ year: 2025, source: '', items: [{ regionCode: '331004', residents: 5 }] }, '请填写数据来源（1–100 字）'],
    [{ year: 2025, source: '普查', items: [] }, '请至少修改一个地区的人口'],
    [
      {
        year: 2025,
        source: '普查',
        items: [
          { regionCode: '331004', residents: 5 },
          { regionCode: '999999', residents: 5 },
        ],
      },
      '第 2 行：地区代码 999999 不是台州市的县（市、区）或乡镇（街道）',
    ],
  ]
  for (const [body, text] of cases) {
    const res = await put(city, body)
    expect(res.status).toBe(400)
    expect(await message(res)).toBe(text)
  }
  const all = await get<PopulationTable>(city, '/admin/population')
  expect(all.items.find((r) => r.code === '331004')!.residents).toBe(734_000)
})
