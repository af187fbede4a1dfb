/**
 * The prize list consumes the risk flag (review of issue 12, L6), on the real server with a local
 * fake WeChat: a flagged attempt is never a prize winner even when it leads the board; a person's
 * later unflagged attempt counts instead; residents without WeChat are listed as unchecked; names
 * are masked; admins and editors of any organisation may read it (audited), nobody else.
 */
import type { Attempt, AttemptResult, Leaderboard } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { type FakeWechat, startFakeWechat } from '../../../../test/api/helpers/fake-wechat'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { integrityOf } from '../repository'

const HAIMEN = '331002001003'
const seedOf = new Map(fixtures.questions.map((q) => [q.id, q]))

interface PrizePage {
  campaignId: string
  scoreCounts: string
  items: { rank: number; name: string; score: number; timeUsedSec: number; attemptId: string; userId: string; regionName?: string; riskCheck: string }[]
  total: number
  page: number
  pageSize: number
  excludedPeople: number
  flaggedAttempts: number
}

let fake: FakeWechat
let server: TestServer

beforeAll(async () => {
  fake = await startFakeWechat()
  server = await startTestServer({ devLogin: true, rateLimit: false, wechat: { appId: 'wx-test', secret: 's', apiBase: fake.apiBase } })
})
afterAll(async () => {
  await server.close()
  await fake.close()
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function token(path: string, body: unknown): Promise<{ token: string; user: { id: string; nickname: string } }> {
  const res = await server.api(path, postJson(body))
  expect(res.status).toBe(200)
  return (await res.json()) as { token: string; user: { id: string; nickname: string } }
}

/** starts an attempt on q001 and submits `right` right answers (through the option texts) */
async function play(tok: string, right: number): Promise<AttemptResult> {
  const started = await server.api('/campaigns/q001/attempts', postJson({ regionCode: HAIMEN }, auth(tok)))
  expect(started.status).toBe(201)
  const attempt = (await started.json()) as Attempt
  const answers = Object.fromEntries(
    attempt.questions.slice(0, right).map((q) => {
      const seed = seedOf.get(q.id)!
      const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
      return [q.id, q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)]
    }),
  )
  const res = await server.api(`/attempts/${attempt.id}/submit`, postJson({ answers }, auth(tok)))
  expect(res.status).toBe(200)
  return (await res.json()) as AttemptResult
}

it('leaves flagged attempts off the prize list, ranks the rest as the board would, masks names and says who was never checked', async () => {
  fake.riskRanks['o-farm'] = 4 // 高度可疑
  fake.riskRanks['o-honest'] = 0
  fake.riskRanks['o-mixed'] = 3
  const farm = await token('/auth/wechat', { code: 'farm' })
  const honest = await token('/auth/wechat', { code: 'honest' })
  const mixed = await token('/auth/wechat', { code: 'mixed' })
  const sms = await token('/auth/dev', { role: 'resident', name: '林小梅' }) // stands for an SMS account: no openid

  const farmed = await play(farm.token, 10)
  await play(honest.token, 8)
  const mixedFlagged = await play(mixed.token, 9)
  fake.riskRanks['o-mixed'] = 1
  const mixedClean = await play(mixed.token, 7)
  await play(sms.token, 6)
  expect((await integrityOf(server.store).getIntegrity(farmed.attemptId))?.prizeEligible).toBe(false)
  expect((await integrityOf(server.store).getIntegrity(mixedFlagged.attemptId))?.prizeEligible).toBe(false)

  // the board still ranks the flagged 100 first: the flag is for prizes, not the standing
  const board = (await (await server.api('/campaigns/q001/leaderboard')).json()) as Leaderboard
  expect(board.rows[0]).toMatchObject({ score: 100 })

  const admin = await token('/auth/dev', { role: 'admin', org: '331000' })
  const res = await server.api('/admin/campaigns/q001/prize-eligible', { headers: auth(admin.token) })
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const raw = await res.text()
  const list = JSON.parse(raw) as PrizePage
  expect(list).toMatchObject({ campaignId: 'q001', scoreCounts: 'best', total: 3, page: 1, pageSize: 50, excludedPeople: 1, flaggedAttempts: 2 })
  expect(list.items.map((i) => [i.rank, i.userId, i.score, i.riskCheck])).toEqual([
    [1, honest.user.id, 80, 'passed'],
    [2, mixed.user.id, 70, 'passed'], // the flagged 90 does not count; the later clean 70 does
    [3, sms.user.id, 60, 'unchecked'],
  ])
  expect(list.items[1].attemptId).toBe(mixedClean.attemptId)
  expect(list.items.map((i) => i.userId)).not.toContain(farm.user.id)
  expect(list.items[2].name).toBe('林*梅')
  expect(list.items[2].regionName).toBe('椒江区 · 海门街道')
  for (const u of [honest, mixed, sms]) expect(raw).not.toContain(u.user.nickname)
  expect(list.items[0].name).toMatch(/^居\*+\d$/)

  // pages: one a page
  const second = (await (await server.api('/admin/campaigns/q001/prize-eligible?page=2&pageSize=1', { headers: auth(admin.token) })).json()) as PrizePage
  expect(second.items.map((i) => [i.rank, i.userId])).toEqual([[2, mixed.user.id]])
  const beyond = (await (await server.api('/admin/campaigns/q001/prize-eligible?page=9', { headers: auth(admin.token) })).json()) as PrizePage
  expect(beyond.items).toEqual([])

  // the read is in the audit log
  const audit = (await (await server.api('/admin/audit?action=campaign', { headers: auth(admin.token) })).json()) as {
    items: { action: string; targetId?: string }[]
  }
  expect(audit.items.filter((e) => e.action === 'campaign.prize-eligible.view').map((e) => e.targetId)).toContain('q001')
})

it('is for admins and editors of any organisation only; unknown campaigns 404, bad pages 400 in Chinese', async () => {
  const countyEditor = await token('/auth/dev', { role: 'editor', org: '331024' })
  expect((await server.api('/admin/campaigns/q002/prize-eligible', { headers: auth(countyEditor.token) })).status).toBe(200)
  for (const role of ['resident', 'dispatcher', 'responder', 'lecturer', 'staff']) {
    const who = await token('/auth/dev', { role, org: '331000' })
    const res = await server.api('/admin/campaigns/q001/prize-eligible', { headers: auth(who.token) })
    expect([role, res.status]).toEqual([role, 403])
  }
  expect((await server.api('/admin/campaigns/q001/prize-eligible')).status).toBe(401)
  const admin = await token('/auth/dev', { role: 'admin', org: '331000' })
  const unknown = await server.api('/admin/campaigns/nope/prize-eligible', { headers: auth(admin.token) })
  expect([unknown.status, await unknown.json()]).toEqual([404, { error: { code: 'not_found', message: '找不到该知识竞赛' } }])
  for (const q of ['page=0', 'page=1e300', 'page=Infinity', 'pageSize=51', 'page=10001']) {
    const res = await server.api(`/admin/campaigns/q001/prize-eligible?${q}`, { headers: auth(admin.token) })
    expect([q, res.status]).toEqual([q, 400])
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
})
