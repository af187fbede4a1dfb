/**
 * The quiz API on the real server over a temp SQLite file: attempts, submit (idempotent, refused
 * after the grace), boards, practice and 错题本 — and that nothing a participant receives before
 * submitting — or after it, while the campaign runs — contains an answer key or explanation (raw JSON).
 */
import {
  hasKey,
  type Attempt,
  type AttemptResult,
  type AttemptView,
  type CampaignMe,
  type Leaderboard,
  type MistakeGroup,
  type PracticeFeedback,
  type PracticeQuestion,
  type QuizProfile,
} from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { GRACE_SEC } from '../../server/modules/quiz/time'
import { makeClock } from './helpers/clock'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

const HAIMEN = '331002001003'
const keyOf = new Map(fixtures.questions.map((q) => [q.id, q]))

/** display keys of the right answer, found through the option texts (the client never has this) */
function right(q: { id: string; options: { key: string; text: string }[] }): string[] {
  const seed = keyOf.get(q.id)!
  const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
  return q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
}

function wrong(q: { id: string; options: { key: string; text: string }[] }): string[] {
  const r = right(q)
  return [q.options.map((o) => o.key).find((k) => !r.includes(k))!]
}

/** what must never reach a participant before submitting */
function expectNoKey(raw: string) {
  expect(raw).not.toMatch(/"(answer|correct|isCorrect|explanation|interpretationId|review)"/i)
  for (const q of fixtures.questions) expect(raw).not.toContain(q.explanation)
}

describe('quiz API', () => {
  const clock = makeClock(new Date())
  let server: TestServer
  const tokens: string[] = []

  const call = (path: string, init: RequestInit = {}, who = 0) =>
    server.api(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${tokens[who]}` } })
  const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>

  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, now: clock.now })
    for (const name of ['张三', '李四', '王五']) {
      const s = await json<{ token: string }>(server.api('/auth/dev', postJson({ role: 'resident', name })))
      tokens.push(s.token)
    }
  })
  afterAll(() => server.close())
  beforeEach(() => clock.set(new Date()))

  it('asks for a session on every personal route', async () => {
    for (const [method, path] of [
      ['POST', '/campaigns/q001/attempts'],
      ['GET', '/campaigns/q001/me'],
      ['GET', '/attempts/x'],
      ['POST', '/attempts/x/submit'],
      ['GET', '/practice/questions'],
      ['POST', '/practice/answers'],
      ['GET', '/mistakes'],
      ['GET', '/quiz/profile'],
    ]) {
      const res = await server.api(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined })
      expect([path, res.status]).toEqual([path, 401])
      expect((await res.json()).error.message).toBe('请先登录')
    }
  })

  it('never sends an answer key or explanation to a participant before submission (raw JSON)', async () => {
    const raws: string[] = []
    const grab = async (res: Response) => {
      const raw = await res.text()
      raws.push(raw)
      return raw
    }
    await grab(await call('/campaigns'))
    await grab(await call('/campaigns/q001'))
    await grab(await call('/quiz/profile', {}, 1))
    await grab(await call('/campaigns/q001/me', {}, 1))
    const started = await call('/campaigns/q001/attempts', postJson({ regionCode: HAIMEN }), 1)
    expect(started.status).toBe(201)
    const attempt = JSON.parse(await grab(started)) as Attempt
    expect(attempt.questions).toHaveLength(10)
    await grab(await call('/campaigns/q001/attempts', postJson({}), 1)) // resumed
    await grab(await call(`/attempts/${attempt.id}`, {}, 1))
    await grab(await call('/campaigns/q001/me', {}, 1))
    await grab(await call('/campaigns/q001/leaderboard?scope=person', {}, 1))
    await grab(await call('/campaigns/q001/leaderboard?scope=county', {}, 1))
    await grab(await call('/campaigns/q001/leaderboard?scope=township', {}, 1))
    await grab(await call('/practice/questions?topic=yibao', {}, 1))
    await grab(await call('/practice/questions?source=mistakes', {}, 1))
    await grab(await call('/mistakes', {}, 1))
    expect(raws).toHaveLength(14)
    for (const raw of raws) expectNoKey(raw)

    // nor the submit, while q001 runs: only what was chosen and whether it was right (review of issue 12, H1)
    const submitRaw = await (await call(`/attempts/${attempt.id}/submit`, postJson({ answers: {} }), 1)).text()
    expect(submitRaw).not.toMatch(/"(answer|correct|explanation|interpretationId)"/)
    for (const q of fixtures.questions) expect(submitRaw).not.toContain(q.explanation)
    const result = JSON.parse(submitRaw) as AttemptResult
    expect(result.review.map((r) => [r.isCorrect, r.chosen])).toEqual(attempt.questions.map(() => [false, []]))
    expect(result.keyWithheld).toEqual({ questions: 10, until: expect.any(String) })

    // once the last campaign using these questions has ended, the same review has them
    clock.set(new Date(Date.parse(result.keyWithheld!.until!) + 60 * 60_000))
    const again = await json<{ token: string }>(server.api('/auth/dev', postJson({ role: 'resident', name: '李四' })))
    const later = await json<AttemptView>(server.api(`/attempts/${attempt.id}`, { headers: { authorization: `Bearer ${again.token}` } }))
    expect(later.result!.keyWithheld).toBeUndefined()
    expect(later.result!.review.every((r) => hasKey(r) && r.explanation.length > 0 && r.correct.length > 0)).toBe(true)
  })

  it('starts, submits once, replays the same result and ranks the participant', async () => {
    const startRes = await call('/campaigns/q001/attempts', postJson({ regionCode: HAIMEN }, { 'idempotency-key': 'start-1' }))
    expect(startRes.status).toBe(201)
    expect(startRes.headers.get('cache-control')).toBe('no-store')
    const attempt = (await startRes.json()) as Attempt
    expect(attempt).toMatchObject({ campaignId: 'q001', secondsPerQuestion: 20, graceSec: GRACE_SEC, status: 'active' })
    const again = await call('/campaigns/q001/attempts', postJson({}))
    expect(again.status).toBe(200)
    expect(((await again.json()) as Attempt).id).toBe(attempt.id)

    const answers = Object.fromEntries(attempt.questions.map((q, i) => [q.id, i < 8 ? right(q) : wrong(q)]))
    clock.advance(75_000)
    const submit = await call(`/attempts/${attempt.id}/submit`, postJson({ answers }, { 'idempotency-key': 'submit-1' }))
    expect(submit.status).toBe(200)
    expect(submit.headers.get(REPLAYED)).toBeNull()
    const result = (await submit.json()) as AttemptResult
    expect(result).toMatchObject({ score: 80, correctCount: 8, total: 10, timeUsedSec: 75, rank: 1 })
    for (const r of result.review) expect(r.isCorrect).toBe(r.chosen.join() === right(attempt.questions.find((q) => q.id === r.id)!).join())
    // q001 runs: no key, no explanation, no interpretation link in the review
    for (const r of result.review) expect(hasKey(r) || 'explanation' in r || 'interpretationId' in r).toBe(false)

    clock.advance(5_000)
    const replay = await call(`/attempts/${attempt.id}/submit`, postJson({ answers }, { 'idempotency-key': 'submit-1' }))
    expect(replay.headers.get(REPLAYED)).toBe('true')
    expect(await replay.json()).toEqual(result)
    const resubmit = await call(`/attempts/${attempt.id}/submit`, postJson({ answers: {} }))
    expect(await resubmit.json()).toEqual(result)
    expect(resubmit.headers.get(REPLAYED)).toBe('true')

    const view = await json<AttemptView>(call(`/attempts/${attempt.id}`))
    expect(view.result).toEqual(result)
    expect((await call(`/attempts/${attempt.id}`, {}, 2)).status).toBe(403)

    const board = await call('/campaigns/q001/leaderboard?scope=person')
    expect(board.headers.get('cache-control')).toBe('no-store')
    const body = (await board.json()) as Leaderboard
    expect(body.mine).toMatchObject({ rank: 1, name: '张三', score: 80, isMe: true })
    const me = await json<CampaignMe>(call('/campaigns/q001/me'))
    expect(me).toMatchObject({ counted: { score: 80 }, rank: 1, regionCode: HAIMEN })
    // anonymous: a public board, cacheable, without a caller's row
    const anon = await server.api('/campaigns/q001/leaderboard?scope=county')
    expect(anon.headers.get('cache-control')).toMatch(/public/)
    const county = (await anon.json()) as Leaderboard
    expect(county.mine).toBeUndefined()
    expect(county.rows.find((r) => r.regionCode === '331002')).toMatchObject({ name: '椒江区', participants: expect.any(Number) })
  })

  it('refuses a submit after the deadline plus the grace with a clear 409', async () => {
    const attempt = await json<Attempt>(call('/campaigns/q002/attempts', postJson({ regionCode: HAIMEN }), 2))
    clock.set(new Date(Date.parse(attempt.deadline) + (GRACE_SEC + 2) * 1000))
    const late = await call(`/attempts/${attempt.id}/submit`, postJson({ answers: Object.fromEntries(attempt.questions.map((q) => [q.id, right(q)])) }), 2)
    expect(late.status).toBe(409)
    expect(await late.json()).toEqual({ error: { code: 'conflict', message: '答题时间已过，本次提交未被受理' } })
    expect((await json<AttemptView>(call(`/attempts/${attempt.id}`, {}, 2))).attempt.status).toBe('expired')
    expect((await json<Leaderboard>(call('/campaigns/q002/leaderboard', {}, 2))).mine).toBeUndefined()
  })

  it('refuses a submit whose token names no live session with 401 before anything else, and writes nothing', async () => {
    // the submit looks its session up itself (with its first statement on PostgreSQL: config.session = 'own')
    const { token } = await json<{ token: string }>(server.api('/auth/dev', postJson({ role: 'resident', name: '赵六' })))
    const mine = (path: string, init: RequestInit, bearer = token) =>
      server.api(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${bearer}` } })
    const attempt = await json<Attempt>(mine('/campaigns/q002/attempts', postJson({ regionCode: HAIMEN })))
    const body = postJson({ answers: Object.fromEntries(attempt.questions.map((q) => [q.id, right(q)])) })
    for (const bearer of ['a'.repeat(64), 'not-a-token']) {
      const res = await mine(`/attempts/${attempt.id}/submit`, body, bearer)
      expect([bearer, res.status, (await res.json()).error.message]).toEqual([bearer, 401, '登录已过期，请重新登录'])
    }
    // 31 days on, the session has ended (and the attempt's time too): 401, not 409, and the attempt is not closed
    const started = clock.now()
    clock.set(new Date(started.getTime() + 31 * 24 * 3600_000))
    const ended = await mine(`/attempts/${attempt.id}/submit`, body)
    expect([ended.status, (await ended.json()).error.message]).toEqual([401, '登录已过期，请重新登录'])
    clock.set(new Date(started.getTime() + 30_000))
    expect((await json<AttemptView>(mine(`/attempts/${attempt.id}`, {}))).attempt.status).toBe('active')
    // someone else's attempt: 403, as before; its owner then submits it once
    expect((await call(`/attempts/${attempt.id}/submit`, body, 1)).status).toBe(403)
    const done = await mine(`/attempts/${attempt.id}/submit`, body)
    expect(done.status).toBe(200)
    expect(await done.json()).toMatchObject({ attemptId: attempt.id, score: 100, timeUsedSec: 30 })
  })

  it('refuses bad input with a Chinese 4xx and changes nothing', async () => {
    const cases: [string, RequestInit, number, string][] = [
      ['/campaigns/q001/attempts', postJson({ regionCode: '12' }), 400, '请选择所在乡镇（街道）或村（社区）'],
      ['/campaigns/q001/attempts', postJson({ regionCode: '331002999999' }), 400, '请选择所在乡镇（街道）或村（社区）'],
      ['/campaigns/q003/attempts', postJson({ regionCode: HAIMEN }), 409, '竞赛尚未开始'],
      ['/campaigns/nope/attempts', postJson({ regionCode: HAIMEN }), 404, '找不到该知识竞赛'],
      ['/attempts/nope/submit', postJson({ answers: {} }), 404, '找不到该答题记录'],
      ['/attempts/nope/submit', postJson({ answers: 'A' }), 400, '答案格式不正确'],
      ['/practice/answers', postJson({ questionId: 'qq001', chosen: [] }), 400, '请选择答案'],
      ['/practice/answers', postJson({ questionId: 'qq001', chosen: ['Z'] }), 400, '答案中有不存在的选项'],
      ['/practice/answers', postJson({ questionId: 'nope', chosen: ['A'] }), 404, '找不到该题目'],
      ['/practice/questions?topic=nope', {}, 400, '没有这个主题'],
      [
        '/quiz/profile',
        { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hideName: 'yes' }) },
        400,
        'hideName 必须是布尔值',
      ],
      ['/campaigns/q001/leaderboard?scope=city', {}, 400, '参数错误：scope 必须是以下之一：person、county、township'],
    ]
    for (const [path, init, status, message] of cases) {
      const res = await call(path, init, 2)
      expect([path, res.status, (await res.json()).error.message]).toEqual([path, status, message])
    }
    expect(await json(call('/mistakes', {}, 2))).toEqual([])
  })

  it('hides a name on the person board when asked', async () => {
    const profile = await json<QuizProfile>(
      call('/quiz/profile', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hideName: true }) }),
    )
    expect(profile).toEqual({ regionCode: HAIMEN, hideName: true })
    const board = await json<Leaderboard>(server.api('/campaigns/q001/leaderboard'))
    expect(board.rows.map((r) => r.name)).not.toContain('张三')
    expect(board.rows.map((r) => r.name)).toContain('匿名用户')
    await call('/quiz/profile', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hideName: false }) })
  })

  it('keeps wrong answers in the 错题本 without keys while the campaign runs; once it has ended, practises them and empties the book after two right answers in a row', async () => {
    const book = await json<MistakeGroup[]>(call('/mistakes'))
    const items = book.flatMap((g) => g.items)
    expect(items.length).toBe(2) // the two wrong answers of the first test's submit
    expect(book[0].policyTitle.length).toBeGreaterThan(3)
    const q = items[0].question
    const answer = keyOf.get(q.id)!.answer
    expect(JSON.stringify(book)).not.toContain(keyOf.get(q.id)!.explanation)
    expect(items.map((i) => i.locked)).toEqual(items.map(() => ({ until: expect.any(String) })))
    const drawBook = () => json<PracticeQuestion[]>(call(`/practice/questions?source=mistakes${book[0].policyId ? `&policyId=${book[0].policyId}` : ''}`))
    // q001 (and any campaign sharing the question) runs: practice neither draws nor answers it, submitted or not
    expect((await drawBook()).map((x) => x.id)).not.toContain(q.id)
    expect((await call('/practice/answers', postJson({ questionId: q.id, chosen: answer }))).status).toBe(403)

    // past the end of every campaign using either question of the book (the draw decides which they are)
    const ends = items.flatMap((i) => keyOf.get(i.question.id)!.campaignIds.map((id) => Date.parse(fixtures.campaigns.find((c) => c.id === id)!.endsAt)))
    clock.set(new Date(Math.max(...ends) + 60 * 60_000))
    tokens[0] = (await json<{ token: string }>(server.api('/auth/dev', postJson({ role: 'resident', name: '张三' })))).token // sessions expire
    expect((await drawBook()).map((x) => x.id)).toContain(q.id)
    expect((await json<MistakeGroup[]>(call('/mistakes'))).flatMap((g) => g.items).map((i) => i.locked)).toEqual([undefined, undefined])

    const once = await json<PracticeFeedback>(call('/practice/answers', postJson({ questionId: q.id, chosen: answer }, { 'idempotency-key': 'p1' })))
    expect(once).toMatchObject({ isCorrect: true, explanation: keyOf.get(q.id)!.explanation, mistake: { inBook: true, streak: 1 } })
    // a retried request is not a second right answer
    const retried = await json<PracticeFeedback>(call('/practice/answers', postJson({ questionId: q.id, chosen: answer }, { 'idempotency-key': 'p1' })))
    expect(retried).toEqual(once)
    const twice = await json<PracticeFeedback>(call('/practice/answers', postJson({ questionId: q.id, chosen: answer }, { 'idempotency-key': 'p2' })))
    expect(twice.mistake).toEqual({ inBook: false, streak: 0, removed: true })
    expect((await json<MistakeGroup[]>(call('/mistakes'))).flatMap((g) => g.items)).toHaveLength(1)
  })
})

const REPLAYED = 'idempotent-replayed'
