/**
 * Issue 12's contest attack, replayed on the real server (temp SQLite file): start an attempt, ask
 * every other endpoint about its questions, and fail on any answer key, `correct` or explanation of
 * them before the submit (raw JSON). The review's attack (review of issue 12, H1): other accounts
 * submit empty attempts and read their reviews, replays and GET /attempts/:id — no key or
 * explanation of a running campaign's questions in any of them, the submitter's own included; once
 * the campaign has ended they all show them. Practice answers a locked question for nobody (403)
 * while its campaign runs; once it has ended anyone may practise it.
 * Also: the practice-answer rate limit, and the WeChat risk check of a submit (local fake WeChat).
 */
import { hasKey, type Attempt, type AttemptResult, type AttemptView, type PracticeFeedback, type PracticeQuestion, type Topic } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { integrityOf } from '../../server/modules/contest-integrity/repository'
import { PRACTICE_REFUSALS, RISK_FLAG_FROM_RANK } from '../../server/modules/contest-integrity/rules'
import { RISK_CHECK_TIMEOUT_MS } from '../../server/modules/contest-integrity/risk-check'
import { PRACTICE_LIMITS } from '../../server/modules/quiz/routes'
import { makeClock } from './helpers/clock'
import { type FakeWechat, startFakeWechat } from './helpers/fake-wechat'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

const HAIMEN = '331002001003'
const DAY = 86_400_000
const seedOf = new Map(fixtures.questions.map((q) => [q.id, q]))
const campaignOf = new Map(fixtures.campaigns.map((c) => [c.id, c]))

/** when the keys of these questions are shown: the end of the last campaign using any of them that has not ended at `now` */
function campaignEnd(campaignId: string, ids: Iterable<string>, now = Date.now()): number {
  const ends = new Set<number>([Date.parse(campaignOf.get(campaignId)!.endsAt)])
  for (const id of ids) for (const c of seedOf.get(id)!.campaignIds) ends.add(Date.parse(campaignOf.get(c)!.endsAt))
  return Math.max(...[...ends].filter((t) => t > now))
}

/** every way a key of these questions could show: their explanation anywhere, or a key field on an object naming them */
function leaks(raw: string, ids: ReadonlySet<string>): string[] {
  const found: string[] = []
  for (const id of ids) if (raw.includes(seedOf.get(id)!.explanation)) found.push(`${id}: explanation text`)
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk)
    if (!v || typeof v !== 'object') return
    const o = v as Record<string, unknown>
    const id = (o.id ?? o.questionId) as unknown
    if (typeof id === 'string' && ids.has(id)) {
      for (const k of ['correct', 'answer', 'explanation', 'isCorrect', 'chosen']) if (k in o) found.push(`${id}: ${k}`)
    }
    Object.values(o).forEach(walk)
  }
  walk(JSON.parse(raw))
  return found
}

/** after a submit: a key field on a review item of these questions, or an explanation text anywhere (chosen and isCorrect are allowed) */
function keyLeaks(raw: string, ids: ReadonlySet<string>): string[] {
  const found: string[] = []
  for (const id of ids) if (raw.includes(seedOf.get(id)!.explanation)) found.push(`${id}: explanation text`)
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk)
    if (!v || typeof v !== 'object') return
    const o = v as Record<string, unknown>
    const id = (o.id ?? o.questionId) as unknown
    if (typeof id === 'string' && ids.has(id)) {
      for (const k of ['correct', 'answer', 'explanation', 'interpretationId']) if (k in o) found.push(`${id}: ${k}`)
    }
    Object.values(o).forEach(walk)
  }
  walk(JSON.parse(raw))
  return found
}

/** display keys of the right answer of an attempt's question, through the option texts (only tests know them) */
function right(q: { id: string; options: { key: string; text: string }[] }): string[] {
  const seed = seedOf.get(q.id)!
  const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
  return q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
}

async function signInDev(server: TestServer, name: string): Promise<string> {
  const res = await server.api('/auth/dev', postJson({ role: 'resident', name }))
  return ((await res.json()) as { token: string }).token
}

function caller(server: TestServer, token: string) {
  const call = (path: string, init: RequestInit = {}) =>
    server.api(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } })
  return {
    call,
    json: async <T>(path: string, init?: RequestInit) => (await (await call(path, init)).json()) as T,
    practise: (questionId: string, chosen: string[], headers: Record<string, string> = {}) =>
      call('/practice/answers', postJson({ questionId, chosen }, headers)),
    start: async (campaignId: string) => {
      const res = await call(`/campaigns/${campaignId}/attempts`, postJson({ regionCode: HAIMEN }))
      expect(res.status).toBe(201)
      return (await res.json()) as Attempt
    },
  }
}

describe('contest integrity: the practice oracle is closed', () => {
  const clock = makeClock(new Date())
  let server: TestServer
  let topics: Topic[]

  beforeAll(async () => {
    // the attack sends many requests: the limits have their own test below
    server = await startTestServer({ devLogin: true, now: clock.now, rateLimit: false })
    topics = (await (await server.api('/topics')).json()) as Topic[]
  })
  afterAll(() => server.close())

  it('replays the attack: before the submit no endpoint answers a question of the running attempt', async () => {
    const attacker = caller(server, await signInDev(server, '攻击者'))
    const attempt = await attacker.start('q001')
    const ids = new Set(attempt.questions.map((q) => q.id))
    expect(ids.size).toBe(10)
    const raws: string[] = []
    const keep = async (res: Response, status = 200) => {
      const raw = await res.text()
      expect([res.url, res.status, raw.slice(0, 120)]).toEqual([res.url, status, raw.slice(0, 120)])
      raws.push(raw)
      return raw
    }

    // practice answers with every option of every question, with and without an Idempotency-Key: refused
    for (const id of ids) {
      for (const o of seedOf.get(id)!.options) {
        const res = await attacker.practise(id, [o.key])
        const raw = await keep(res, 409)
        expect(JSON.parse(raw)).toEqual({ error: { code: 'conflict', message: PRACTICE_REFUSALS.running } })
      }
      await keep(await attacker.practise(id, seedOf.get(id)!.answer, { 'idempotency-key': `oracle-${id}` }), 409)
    }
    // practice draws, by every topic and from the 错题本: never one of them
    for (const t of [...topics.map((x) => `topic=${x.id}&`), '', 'source=mistakes&']) {
      const raw = await keep(await attacker.call(`/practice/questions?${t}count=50`))
      const drawn = (JSON.parse(raw) as PracticeQuestion[]).map((q) => q.id)
      expect(drawn.filter((id) => ids.has(id))).toEqual([])
    }
    // everything else a participant reads around an attempt
    for (const path of [
      '/mistakes',
      '/campaigns',
      '/campaigns/q001',
      '/campaigns/q001/me',
      '/campaigns/q001/leaderboard?scope=person',
      '/campaigns/q001/leaderboard?scope=county',
      '/campaigns/q001/leaderboard?scope=township',
      `/attempts/${attempt.id}`,
      '/quiz/profile',
      '/home',
    ]) {
      await keep(await attacker.call(path))
    }
    await keep(await attacker.call('/campaigns/q001/attempts', postJson({})), 200) // resumed
    expect(raws.length).toBeGreaterThan(50)
    for (const raw of raws) expect(leaks(raw, ids)).toEqual([])
    for (const raw of raws) expect(raw).not.toMatch(/"(answer|correct|isCorrect|explanation|review)"/)

    // the submit answers whether each was right — but while q001 runs not the key, nor in the 错题本
    const submitRaw = await (await attacker.call(`/attempts/${attempt.id}/submit`, postJson({ answers: {} }))).text()
    expect(keyLeaks(submitRaw, ids)).toEqual([])
    const result = JSON.parse(submitRaw) as AttemptResult
    expect(result.review.map((r) => r.id).sort()).toEqual([...ids].sort())
    expect(result.review.every((r) => r.isCorrect === false && r.chosen.length === 0)).toBe(true)
    expect(result.keyWithheld).toEqual({ questions: 10, until: new Date(campaignEnd('q001', ids)).toISOString() })
    expect(keyLeaks(await (await attacker.call('/mistakes')).text(), ids)).toEqual([])
    // … and practice still refuses them: seen in a review or not, they are locked while q001 runs
    for (const id of ids) {
      const res = await attacker.practise(id, seedOf.get(id)!.answer)
      const raw = await res.text()
      expect([id, res.status, JSON.parse(raw)]).toEqual([id, 403, { error: { code: 'forbidden', message: PRACTICE_REFUSALS.locked } }])
    }
    const redo = await attacker.json<PracticeQuestion[]>('/practice/questions?source=mistakes&count=50')
    expect(redo.filter((q) => ids.has(q.id))).toEqual([])

    // a resident who never attempted: 403 on every one of them while the campaign runs, and no draw of them
    const bystander = caller(server, await signInDev(server, '路人'))
    for (const id of ids) {
      const res = await bystander.practise(id, seedOf.get(id)!.answer)
      const raw = await res.text()
      expect([id, res.status, JSON.parse(raw)]).toEqual([id, 403, { error: { code: 'forbidden', message: PRACTICE_REFUSALS.locked } }])
      expect(leaks(raw, ids)).toEqual([])
    }
    const drawn = await bystander.json<PracticeQuestion[]>('/practice/questions?count=50')
    expect(drawn.length).toBeGreaterThan(0)
    // only questions no running or upcoming campaign uses: the practice bank
    expect(drawn.every((q) => seedOf.get(q.id)!.campaignIds.length === 0)).toBe(true)
  })

  it('replays the review attack: five other accounts submit empty attempts, and no review of theirs carries a key while the campaign runs; after its end every review does', async () => {
    const attacker = caller(server, await signInDev(server, '刷题者'))
    const target = new Set((await attacker.start('q001')).questions.map((q) => q.id))
    const bank = new Set(fixtures.questions.filter((q) => q.campaignIds.includes('q001')).map((q) => q.id))
    const raws: string[] = []
    const seen = new Set<string>()
    const submitted: { name: string; id: string }[] = []
    for (let i = 1; i <= 5; i++) {
      const name = `小号${i}`
      const sybil = caller(server, await signInDev(server, name))
      for (let n = 0; n < 3; n++) {
        const a = await sybil.start('q001')
        const res = await sybil.call(`/attempts/${a.id}/submit`, postJson({ answers: {} }, { 'idempotency-key': `sybil-${i}-${n}` }))
        expect(res.status).toBe(200)
        raws.push(await res.text())
        raws.push(await (await sybil.call(`/attempts/${a.id}/submit`, postJson({ answers: {} }, { 'idempotency-key': `sybil-${i}-${n}` }))).text()) // replay
        raws.push(await (await sybil.call(`/attempts/${a.id}/submit`, postJson({ answers: {} }))).text()) // another submit of it
        raws.push(await (await sybil.call(`/attempts/${a.id}`)).text())
        a.questions.forEach((q) => seen.add(q.id))
        submitted.push({ name, id: a.id })
      }
      raws.push(await (await sybil.call('/mistakes')).text())
      raws.push(await (await sybil.call('/practice/questions?source=mistakes&count=50')).text())
    }
    // 15 attempts of 10 questions: most of the bank, and of the attacker's running attempt, was in some review
    expect(seen.size).toBeGreaterThan(bank.size / 2)
    expect([...target].filter((id) => seen.has(id)).length).toBeGreaterThan(0)
    expect(raws).toHaveLength(5 * (3 * 4 + 2))
    for (const raw of raws) expect(keyLeaks(raw, bank)).toEqual([])
    const results = raws
      .filter((raw) => raw.includes('"attemptId"'))
      .map((raw) => {
        const body = JSON.parse(raw) as AttemptResult | AttemptView
        return 'attempt' in body ? body.result! : body
      })
    expect(results).toHaveLength(60)
    for (const r of results) {
      expect(r.keyWithheld).toEqual({ questions: 10, until: expect.any(String) })
      expect(r.review.every((q) => !hasKey(q) && q.isCorrect === false && q.chosen.length === 0)).toBe(true)
    }

    // the campaign (and every other campaign using these questions) has ended: the reviews show keys and explanations
    const until = Math.max(...results.map((r) => Date.parse(r.keyWithheld!.until!)))
    expect(until).toBe(campaignEnd('q001', seen))
    clock.set(new Date(until + 60 * 60_000))
    try {
      for (const { name, id } of submitted) {
        const sybil = caller(server, await signInDev(server, name)) // sessions expire
        const view = await sybil.json<AttemptView>(`/attempts/${id}`)
        expect(view.result!.keyWithheld).toBeUndefined()
        for (const q of view.result!.review) {
          const seed = seedOf.get(q.id)!
          expect(hasKey(q) && q.explanation).toBe(seed.explanation)
          const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
          expect(hasKey(q) && q.correct.map((k) => q.options.find((o) => o.key === k)!.text).sort()).toEqual([...texts].sort())
        }
      }
    } finally {
      clock.set(new Date())
    }
  })

  it('opens a campaign’s questions to anyone once it has ended — not while another running or upcoming campaign uses them', async () => {
    // sessions expire: sign in again after each jump of the clock
    let reader = caller(server, await signInDev(server, '读者'))
    // a yibao question: q001 and q002 use it; a huinong one: q001 and q003 (upcoming now, running later)
    const yibao = fixtures.questions.find((q) => q.topic === 'yibao' && q.campaignIds.length > 0)!
    const huinong = fixtures.questions.find((q) => q.topic === 'huinong' && q.campaignIds.includes('q003'))!
    expect(yibao.campaignIds.sort()).toEqual(['q001', 'q002'])
    expect((await reader.practise(yibao.id, yibao.answer)).status).toBe(403)
    expect((await reader.practise(huinong.id, huinong.answer)).status).toBe(403)

    const endOf = (id: string) => Date.parse(campaignOf.get(id)!.endsAt)
    clock.set(new Date(Math.max(endOf('q001'), endOf('q002')) + DAY))
    expect(Date.parse(campaignOf.get('q003')!.endsAt)).toBeGreaterThan(clock.now().getTime()) // q003 still running
    reader = caller(server, await signInDev(server, '读者'))
    const fb = await reader.practise(yibao.id, yibao.answer)
    expect(fb.status).toBe(200)
    expect((await fb.json()) as PracticeFeedback).toMatchObject({ isCorrect: true, correct: [...yibao.answer].sort(), explanation: yibao.explanation })
    const locked = await reader.practise(huinong.id, huinong.answer)
    expect(locked.status).toBe(403)
    const drawnHuinong = await reader.json<PracticeQuestion[]>('/practice/questions?topic=huinong&count=50')
    expect(drawnHuinong.map((q) => q.id)).not.toContain(huinong.id)
    const drawnYibao = await reader.json<PracticeQuestion[]>('/practice/questions?topic=yibao&count=50')
    expect(drawnYibao).toHaveLength(fixtures.questions.filter((q) => q.topic === 'yibao').length)

    clock.set(new Date(endOf('q003') + DAY))
    reader = caller(server, await signInDev(server, '读者'))
    expect((await reader.practise(huinong.id, huinong.answer)).status).toBe(200)
    const all = await reader.json<PracticeQuestion[]>('/practice/questions?topic=huinong&count=50')
    expect(all).toHaveLength(fixtures.questions.filter((q) => q.topic === 'huinong').length)
  })
})

describe('practice answers are rate-limited per user and per IP', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true })
  })
  afterAll(() => server.close())

  it(`answers ${PRACTICE_LIMITS.perUser.max} a minute per user and ${PRACTICE_LIMITS.perIp.max} per IP, then 429 in Chinese with Retry-After`, async () => {
    const open = fixtures.questions.find((q) => q.campaignIds.length === 0)!
    const users = await Promise.all(['甲', '乙', '丙', '丁', '戊'].map(async (n) => caller(server, await signInDev(server, `练习者${n}`))))
    const statuses: number[] = []
    for (let i = 0; i < PRACTICE_LIMITS.perUser.max; i++) statuses.push((await users[0].practise(open.id, open.answer)).status)
    expect(new Set(statuses)).toEqual(new Set([200]))
    const refused = await users[0].practise(open.id, open.answer)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    // 「1 分钟」 when the 60 answers took under a second (SQLite), else the seconds left (PostgreSQL on a busy machine)
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/^练习答题过于频繁，请 (1 分钟|[1-5]?\d 秒)后再试$/) },
    })

    // the others share the IP (127.0.0.1): each answers until the address has had its allowance
    let sent = PRACTICE_LIMITS.perUser.max
    for (const u of users.slice(1, 4)) {
      for (let i = 0; i < PRACTICE_LIMITS.perUser.max && sent < PRACTICE_LIMITS.perIp.max; i++, sent++) {
        expect((await u.practise(open.id, open.answer)).status).toBe(200)
      }
    }
    expect(sent).toBe(PRACTICE_LIMITS.perIp.max)
    const byIp = await users[4].practise(open.id, open.answer)
    expect(byIp.status).toBe(429)
    expect(((await byIp.json()) as { error: { message: string } }).error.message).toMatch(/^练习答题过于频繁，请 \d+ (秒|分钟)后再试$/)
  })
})

describe('WeChat risk check of a submit (getUserRiskRank)', () => {
  let fake: FakeWechat
  let server: TestServer

  beforeAll(async () => {
    fake = await startFakeWechat()
    server = await startTestServer({ devLogin: true, wechat: { appId: 'wx-test', secret: 's', apiBase: fake.apiBase } })
  })
  afterAll(async () => {
    await server.close()
    await fake.close()
  })

  async function wechatUser(code: string) {
    const res = await server.api('/auth/wechat', postJson({ code }))
    expect(res.status).toBe(200)
    return caller(server, ((await res.json()) as { token: string }).token)
  }

  /** a perfect submit on q002 (答题满分即可参与抽奖): the raw answer and the attempt's stored integrity */
  async function perfectSubmit(user: ReturnType<typeof caller>) {
    const attempt = await user.start('q002')
    const started = Date.now()
    const res = await user.call(`/attempts/${attempt.id}/submit`, postJson({ answers: Object.fromEntries(attempt.questions.map((q) => [q.id, right(q)])) }))
    const ms = Date.now() - started
    const raw = await res.text()
    expect(res.status).toBe(200)
    return { attempt, raw, ms, result: JSON.parse(raw) as AttemptResult, integrity: (await integrityOf(server.store).getIntegrity(attempt.id))! }
  }

  it(`flags a submit from rank ${RISK_FLAG_FROM_RANK} on: kept, scored and ranked, not eligible for prizes, and the contestant is not told`, async () => {
    fake.riskRanks['o-cheater'] = 4
    const cheater = await wechatUser('cheater')
    const { attempt, raw, result, integrity } = await perfectSubmit(cheater)
    expect(result.score).toBe(100)
    expect(raw).not.toMatch(/risk|flag|prize|风控/i)
    expect(integrity).toEqual({ riskCheck: 'flagged', riskRank: 4, flagReason: expect.stringContaining('等级 4'), prizeEligible: false })
    const call = fake.callsTo('/wxa/getuserriskrank').at(-1)!
    expect(call.body).toEqual({ appid: 'wx-test', openid: 'o-cheater', scene: 1, client_ip: '127.0.0.1' })
    expect(call.query.access_token).toBe(fake.token())
    const board = await cheater.json<{ mine?: { score: number } }>('/campaigns/q002/leaderboard')
    expect(board.mine?.score).toBe(100)

    // a replayed submit asks nothing again and changes nothing
    const calls = fake.callsTo('/wxa/getuserriskrank').length
    await cheater.call(`/attempts/${attempt.id}/submit`, postJson({ answers: {} }))
    expect(fake.callsTo('/wxa/getuserriskrank')).toHaveLength(calls)
    expect(await integrityOf(server.store).getIntegrity(attempt.id)).toEqual(integrity)
  })

  it('passes ranks below the threshold', async () => {
    fake.riskRanks['o-careful'] = RISK_FLAG_FROM_RANK - 1
    const { integrity } = await perfectSubmit(await wechatUser('careful'))
    expect(integrity).toEqual({ riskCheck: 'passed', riskRank: RISK_FLAG_FROM_RANK - 1, prizeEligible: true })
  })

  it(`keeps the submit unflagged ('unavailable') when WeChat fails or is slower than ${RISK_CHECK_TIMEOUT_MS} ms`, async () => {
    const failing = await perfectSubmit(await wechatUser('riskerror'))
    expect(failing.result.score).toBe(100)
    expect(failing.integrity).toEqual({ riskCheck: 'unavailable', prizeEligible: true })

    fake.riskDelayMs = 4000
    try {
      const slow = await perfectSubmit(await wechatUser('slow'))
      expect(slow.result.score).toBe(100)
      expect(slow.integrity).toEqual({ riskCheck: 'unavailable', prizeEligible: true })
      expect(slow.ms).toBeGreaterThanOrEqual(RISK_CHECK_TIMEOUT_MS - 50)
      expect(slow.ms).toBeLessThan(RISK_CHECK_TIMEOUT_MS + 1000)
    } finally {
      fake.riskDelayMs = 0
    }
  })

  it('asks nothing for a user who did not sign in with WeChat', async () => {
    const calls = fake.callsTo('/wxa/getuserriskrank').length
    const { integrity } = await perfectSubmit(caller(server, await signInDev(server, '演示居民')))
    expect(integrity).toEqual({ prizeEligible: true })
    expect(fake.callsTo('/wxa/getuserriskrank')).toHaveLength(calls)
  })
})
