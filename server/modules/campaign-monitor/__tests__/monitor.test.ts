/**
 * The live monitor on the real server (SQLite, and PostgreSQL under TEST_DATABASE_URL): its county
 * and township figures are the resident boards' own; a county's staff see their county only (403
 * for another's); suspicious attempts are listed with reasons and masked names; the results export
 * is a BOM'd CSV in board order, masked unless an admin asks for it in full, and audited.
 */
import type { Attempt, CampaignMonitor, Leaderboard, SuspiciousPage } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(120_000)

const JIAOJIANG_TOWNSHIP = '331002001003' // 椒江区 海门街道 城隍浦社区
const HUANGYAN_TOWNSHIP = '331003001001' // 黄岩区 东城街道 百花社区
const seedOf = new Map(fixtures.questions.map((q) => [q.id, q]))

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
})
afterAll(async () => {
  await server?.close()
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function signIn(body: Record<string, string>): Promise<string> {
  const res = await server.api('/auth/dev', postJson(body))
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/** one attempt on q001 from `region` with `right` right answers and these per-question times (by position) */
async function play(name: string, region: string, right: number, timing?: (i: number) => number): Promise<string> {
  const tok = await signIn({ role: 'resident', name })
  const started = await server.api('/campaigns/q001/attempts', postJson({ regionCode: region }, auth(tok)))
  expect(started.status).toBe(201)
  const attempt = (await started.json()) as Attempt
  const answers = Object.fromEntries(
    attempt.questions.slice(0, right).map((q) => {
      const seed = seedOf.get(q.id)!
      const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
      return [q.id, q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)]
    }),
  )
  const timings = timing ? Object.fromEntries(attempt.questions.map((q, i) => [q.id, timing(i)])) : undefined
  const res = await server.api(`/attempts/${attempt.id}/submit`, postJson({ answers, ...(timings ? { timings } : {}) }, auth(tok)))
  expect(res.status).toBe(200)
  return attempt.id
}

const strip = <T extends { isMe?: boolean }>(rows: T[]) => rows.map(({ isMe: _isMe, ...r }) => r)

let cityAdmin: string
let jiaojiangAdmin: string
let jiaojiangEditor: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  // a careful reader: 20 s a question
  ids.careful = await play('王晓明', JIAOJIANG_TOWNSHIP, 8, () => 20_000)
  // too fast to read: 0.3 s a question
  ids.fast = await play('李快手', JIAOJIANG_TOWNSHIP, 10, () => 300)
  // two accounts with one replayed pattern (within 0.5 s of each other)
  ids.scriptA = await play('赵一', JIAOJIANG_TOWNSHIP, 9, (i) => 6_000 + i * 1_000)
  ids.scriptB = await play('钱二', HUANGYAN_TOWNSHIP, 9, (i) => 6_100 + i * 1_000)
  // an older client without times: the whole attempt took well under the reading time
  ids.noTimes = await play('孙三', HUANGYAN_TOWNSHIP, 5)
  cityAdmin = await signIn({ role: 'admin', org: '331000' })
  jiaojiangAdmin = await signIn({ role: 'admin', org: '331002', name: '椒江管理员' })
  jiaojiangEditor = await signIn({ role: 'editor', org: '331002', name: '椒江编辑' })
})

it('shows the county and township figures of the resident boards, score buckets, attempts per hour and KPIs', async () => {
  const res = await server.api('/admin/campaigns/q001/monitor', { headers: auth(cityAdmin) })
  expect(res.status).toBe(200)
  const monitor = (await res.json()) as CampaignMonitor
  const counties = (await (await server.api('/campaigns/q001/leaderboard?scope=county')).json()) as Leaderboard
  const townships = (await (await server.api('/campaigns/q001/leaderboard?scope=township')).json()) as Leaderboard
  expect(monitor.counties).toEqual(strip(counties.rows))
  const byCode = new Map(monitor.townships.map((r) => [r.regionCode, r]))
  for (const row of strip(townships.rows)) expect(byCode.get(row.regionCode)).toEqual(row)
  expect(monitor.counties.find((r) => r.regionCode === '331002')).toMatchObject({ participants: 3 })
  expect(monitor.kpis).toMatchObject({ participants: 5, submittedAttempts: 5, activeAttempts: 0, averageScore: 82 })
  expect(monitor.scoreBuckets.reduce((s, b) => s + b.participants, 0)).toBe(5)
  expect(monitor.scoreBuckets.find((b) => b.label === '100')?.participants).toBe(1)
  expect(monitor.attemptsOverTime.reduce((s, h) => s + h.attempts, 0)).toBe(5)
  expect(monitor.attemptsOverTime[0].hour).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:00$/)
  expect(monitor.scope).toEqual({ code: '331000', name: '台州市' })
})

it("narrows a county's staff to their county, and refuses another county with 403", async () => {
  const own = (await (await server.api('/admin/campaigns/q001/monitor', { headers: auth(jiaojiangEditor) })).json()) as CampaignMonitor
  expect(own.counties.map((r) => r.regionCode)).toEqual(['331002'])
  expect(own.townships.every((r) => r.regionCode!.startsWith('331002'))).toBe(true)
  expect(own.kpis.participants).toBe(3)
  for (const path of ['monitor', 'suspicious', 'results.csv']) {
    const other = await server.api(`/admin/campaigns/q001/${path}?region=331003`, { headers: auth(jiaojiangAdmin) })
    expect(other.status).toBe(403)
    expect(((await other.json()) as { error: { message: string } }).error.message).toBe('只能查看本单位及下级单位的竞赛数据')
  }
  // the city narrows to a county
  const huangyan = (await (await server.api('/admin/campaigns/q001/monitor?region=331003', { headers: auth(cityAdmin) })).json()) as CampaignMonitor
  expect(huangyan.kpis.participants).toBe(2)
  expect((await server.api('/admin/campaigns/q001/monitor?region=abc', { headers: auth(cityAdmin) })).status).toBe(400)
  expect((await server.api('/admin/campaigns/nope/monitor', { headers: auth(cityAdmin) })).status).toBe(404)
  const resident = await signIn({ role: 'resident', name: '周四' })
  expect((await server.api('/admin/campaigns/q001/monitor', { headers: auth(resident) })).status).toBe(403)
  expect((await server.api('/admin/campaigns/q001/monitor')).status).toBe(401)
})

it('lists suspicious attempts with their reasons, masked', async () => {
  const res = await server.api('/admin/campaigns/q001/suspicious', { headers: auth(cityAdmin) })
  expect(res.status).toBe(200)
  const raw = await res.text()
  const page = JSON.parse(raw) as SuspiciousPage
  const reasons = new Map(page.items.map((i) => [i.attemptId, i.reasons.map((r) => r.kind)]))
  expect(reasons.get(ids.fast)).toEqual(['too-fast'])
  expect(reasons.get(ids.scriptA)).toEqual(['same-timing'])
  expect(reasons.get(ids.scriptB)).toEqual(['same-timing'])
  expect(reasons.get(ids.noTimes)).toEqual(['too-fast'])
  expect(reasons.has(ids.careful)).toBe(false)
  expect(page).toMatchObject({ total: 4, checked: 5, counts: { 'too-fast': 2, 'same-timing': 2, 'risk-rank': 0 } })
  const fast = page.items.find((i) => i.attemptId === ids.fast)!
  expect(fast.name).toBe('李*手')
  expect(fast.reasons[0].text).toMatch(/^答题过快：10 题中 10 题用时短于读题所需/)
  expect(page.items.find((i) => i.attemptId === ids.scriptA)!.reasons[0].text).toContain('2 个账号逐题用时相同')
  for (const name of ['李快手', '赵一', '钱二', '孙三']) expect(raw).not.toContain(name)

  const sameOnly = (await (await server.api('/admin/campaigns/q001/suspicious?kind=same-timing', { headers: auth(cityAdmin) })).json()) as SuspiciousPage
  expect(sameOnly.items.map((i) => i.attemptId).sort()).toEqual([ids.scriptA, ids.scriptB].sort())
  // a county sees its own attempts only: the pattern shared with 黄岩 is not visible from 椒江 alone
  const own = (await (await server.api('/admin/campaigns/q001/suspicious', { headers: auth(jiaojiangEditor) })).json()) as SuspiciousPage
  expect(own.items.map((i) => i.attemptId)).toEqual([ids.fast])
  expect((await server.api('/admin/campaigns/q001/suspicious?kind=bogus', { headers: auth(cityAdmin) })).status).toBe(400)
})

it('exports the results as a BOM CSV in board order, masked unless an admin asks in full, and audits each export', async () => {
  const res = await server.api('/admin/campaigns/q001/results.csv', { headers: auth(jiaojiangEditor) })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''")
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n')
  expect(lines[0]).toBe('名次,姓名,手机号,县（市、区）,乡镇（街道）,得分,用时（秒）,完成时间（北京时间）,微信风控')
  expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual([
    ['1', '李*手'],
    ['2', '赵*'],
    ['3', '王*明'],
  ])
  expect(lines[1].split(',').slice(3, 6)).toEqual(['椒江区', '海门街道', '100'])

  expect((await server.api('/admin/campaigns/q001/results.csv?full=1', { headers: auth(jiaojiangEditor) })).status).toBe(403)
  const full = await server.api('/admin/campaigns/q001/results.csv?full=1', { headers: auth(cityAdmin) })
  expect(full.status).toBe(200)
  const text = await full.text()
  expect(text).toContain('李快手')
  expect(text).toContain('孙三')

  const audit = (await (await server.api('/admin/audit?action=campaign.results', { headers: auth(cityAdmin) })).json()) as {
    items: { action: string; targetId?: string; detail?: { full?: boolean; scope?: string } }[]
  }
  const exports = audit.items.filter((e) => e.action === 'campaign.results.export')
  expect(exports.map((e) => e.detail)).toEqual(
    expect.arrayContaining([
      { full: true, scope: '331000' },
      { full: false, scope: '331002' },
    ]),
  )
  expect(exports.every((e) => e.targetId === 'q001')).toBe(true)
})
