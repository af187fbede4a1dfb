/**
 * 宣讲点单 against an attacker (issue 12 and its review, M2): sign-in codes from crypto.randomInt;
 * wrong codes lock only their sender (10 per order, 10 by the code alone, 30 a day), never the
 * attendee with the right code, with a per-order safety net at 200 (all in the database: the
 * locks survive a restart); sign-in answering
 * 404 for an order a stranger may not see, and the content check on every text someone else
 * reads (notes, place, reasons, summary, comment): 400, nothing stored.
 */
import type { LectureOrder, Role } from '../../common/contract'
import { addDays, shanghaiToday } from '../../common/shanghai-date'
import { CONTENT_REFUSED_MESSAGE } from '../../server/content-check'
import {
  CODE_ONLY_MAX_FAILURES,
  DAILY_MAX_FAILURES,
  newSignInCode,
  ORDER_ALERT_FAILURES,
  SIGN_IN_LOCK_MS,
  SIGN_IN_MAX_FAILURES,
  SIGN_IN_WINDOW_MS,
} from '../../server/modules/lectures/sign-in'
import { makeClock } from './helpers/clock'
import { lectureOrderInput } from './helpers/lecture-order'
import { makeTempDir } from './helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers/test-server'

const today = shanghaiToday()
const ORDER = lectureOrderInput(today)
const SCHEDULE = { date: addDays(today, 10), time: '14:30', place: '城隍浦社区文化礼堂' }
/** a line of server/content-check/sensitive-words.txt */
const BAD = '出售身份证'

interface Session {
  token: string
  user: { id: string; role: Role }
}

function client(server: () => TestServer) {
  const login = async (role: Role, name: string): Promise<Session> =>
    (await (
      await server().api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) })
    ).json()) as Session
  const call = async (who: Session, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await server().api(path, {
      method,
      headers: { authorization: `Bearer ${who.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    return {
      status: res.status,
      headers: res.headers,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { error?: { message: string } },
    }
  }
  return { login, call }
}

describe('sign-in codes', () => {
  it('come from crypto.randomInt, six digits zero-padded', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself (an `import * as` namespace is a copy under the test transform)
    const spy = jest.spyOn(require('node:crypto') as typeof import('node:crypto'), 'randomInt')
    try {
      const codes = Array.from({ length: 200 }, () => newSignInCode())
      expect(spy).toHaveBeenCalledTimes(200)
      expect(spy).toHaveBeenCalledWith(0, 1_000_000)
      expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
      expect(new Set(codes).size).toBeGreaterThan(190)
    } finally {
      spy.mockRestore()
    }
    expect(newSignInCode(() => 7)).toBe('000007')
    expect(newSignInCode(() => 999_999)).toBe('999999')
  })
})

describe('on a server', () => {
  const dir = makeTempDir()
  const clock = makeClock(new Date())
  let server: TestServer
  const { login, call } = client(() => server)
  let resident: Session
  let dispatcher: Session
  let lecturer: Session
  let stranger: Session
  let otherLecturer: Session

  const start = async () => {
    // abuse limits off: this suite makes many orders from one account (test/api/abuse-limits.test.ts has them on)
    server = await startTestServer({ dataDir: dir.path, devLogin: true, rateLimit: false, now: clock.now })
    resident = await login('resident', '林晓燕')
    dispatcher = await login('dispatcher', '市宣讲中心派单员')
    lecturer = await login('lecturer', '陈海燕')
    otherLecturer = await login('lecturer', '王建国')
    stranger = await login('resident', '路人')
  }
  beforeAll(start)
  afterAll(async () => {
    await server.close()
    dir.remove()
  })

  const act = (who: Session, id: string, action: string, body: unknown = {}) => call(who, 'POST', `/lecture-orders/${id}/${action}`, body)

  async function orderIn(status: 'submitted' | 'dispatched' | 'accepted' | 'scheduled' | 'delivered'): Promise<LectureOrder> {
    const created = await call(resident, 'POST', '/lecture-orders', ORDER)
    expect(created.status).toBe(201)
    const id = created.body.id as string
    const steps: [Session, string, unknown][] = [
      [dispatcher, 'dispatch', { lecturerId: 'u-lec-01' }],
      [lecturer, 'accept', {}],
      [lecturer, 'schedule', SCHEDULE],
      [lecturer, 'complete', { attendance: 30, summary: '讲解了缴费档次和待遇领取。' }],
    ]
    const upto = { submitted: 0, dispatched: 1, accepted: 2, scheduled: 3, delivered: 4 }[status]
    let order = created.body as unknown as LectureOrder
    for (const [who, action, body] of steps.slice(0, upto)) {
      const res = await act(who, id, action, body)
      expect([action, res.status]).toEqual([action, 200])
      order = res.body as unknown as LectureOrder
    }
    return order
  }

  const codeOf = async (order: LectureOrder) => (await call(lecturer, 'GET', `/lecture-orders/${order.id}/sign-in-code`)).body.code as string
  const wrongFor = (code: string) => (code === '000000' ? '000001' : '000000')
  /** a day's jump ends staff sessions (12 h idle): everyone signs in again on a restarted server */
  const jumpTo = async (at: Date) => {
    clock.set(at)
    await server.close()
    await start()
  }
  let attackers = 0
  const attacker = () => login('resident', `捣乱者${++attackers}`)

  it(`an attacker's ${SIGN_IN_MAX_FAILURES} wrong codes lock only the attacker on that order, for 10 minutes and across a restart; the attendee signs in meanwhile`, async () => {
    const order = await orderIn('scheduled')
    const code = await codeOf(order)
    const wrong = wrongFor(code)
    const mallory = await attacker()
    for (let i = 1; i < SIGN_IN_MAX_FAILURES; i++) {
      const res = await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })
      expect([i, res.status, res.body.error?.message]).toEqual([i, 400, '签到码不正确，请核对后重试'])
    }
    const tenth = await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })
    expect(tenth.status).toBe(429)
    expect(tenth.body).toEqual({ error: { code: 'rate_limited', message: '签到码错误次数过多，您对该宣讲的签到已暂停，请 10 分钟后再试' } })
    expect(tenth.headers.get('retry-after')).toBe(String(SIGN_IN_LOCK_MS / 1000))
    // locked, the attacker's right code is refused too (so guessing on is pointless) …
    expect((await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })).status).toBe(429)

    // … while the attendee with the right code signs in, by the order and by the code alone
    const right = await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })
    expect(right.status).toBe(200)
    expect(right.body).toMatchObject({ orderId: order.id, already: false, signedIn: 1 })
    expect((await call(stranger, 'POST', '/lecture-sign-ins', { code })).body).toMatchObject({ orderId: order.id, signedIn: 2 })

    // a restart (same database) keeps the attacker's lock; the minutes left count down
    await server.close()
    clock.advance(4 * 60_000)
    await start()
    const later = await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })
    expect(later.status).toBe(429)
    expect(later.body.error?.message).toMatch(/请 6 分钟后再试$/)
    expect(later.headers.get('retry-after')).toBe(String(6 * 60))

    clock.advance(6 * 60_000)
    const open = await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })
    expect(open.status).toBe(200)
    expect(open.body).toMatchObject({ orderId: order.id, already: false, signedIn: 3 })
  })

  it('counts wrong codes per order and user within a window: spread-out typos never lock, other orders are untouched', async () => {
    const order = await orderIn('scheduled')
    const other = await orderIn('scheduled')
    const code = await codeOf(order)
    const otherCode = await codeOf(other)
    const typist = await attacker()
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
      expect((await call(typist, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrongFor(code) })).status).toBe(400)
    // the other order is not affected, for the typist either
    for (let i = 0; i < 3; i++) expect((await call(typist, 'POST', `/lecture-orders/${other.id}/sign-in`, { code: wrongFor(otherCode) })).status).toBe(400)
    expect((await call(typist, 'POST', `/lecture-orders/${other.id}/sign-in`, { code: otherCode })).status).toBe(200)
    // a new window starts after SIGN_IN_WINDOW_MS: nine more typos still leave it open
    clock.advance(SIGN_IN_WINDOW_MS)
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
      expect((await call(typist, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrongFor(code) })).status).toBe(400)
    expect((await call(typist, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })).status).toBe(200)
  })

  it(`wrong codes sent by the code alone count too: ${CODE_ONLY_MAX_FAILURES} in 10 minutes lock the attacker's code-only sign-ins, nobody else's`, async () => {
    const order = await orderIn('scheduled')
    const code = await codeOf(order)
    const mallory = await attacker()
    const attendee = await attacker()
    // codes no lecture has (the live one excluded)
    const misses = Array.from({ length: CODE_ONLY_MAX_FAILURES }, (_, i) => String(100_000 + i * 7)).filter((c) => c !== code)
    for (const guess of misses.slice(0, CODE_ONLY_MAX_FAILURES - 1)) {
      const res = await call(mallory, 'POST', '/lecture-sign-ins', { code: guess })
      expect([guess, res.status, res.body.error?.message]).toEqual([guess, 400, '签到码不正确，请核对后重试'])
    }
    const tenth = await call(mallory, 'POST', '/lecture-sign-ins', { code: String(999_000) === code ? '999001' : '999000' })
    expect(tenth.status).toBe(429)
    expect(tenth.body.error?.message).toBe('签到码错误次数过多，按签到码签到已暂停，请 10 分钟后再试')
    expect(tenth.headers.get('retry-after')).toBe(String(SIGN_IN_LOCK_MS / 1000))
    // locked: even a live code is not looked up for the attacker (a sweep learns nothing more)
    expect((await call(mallory, 'POST', '/lecture-sign-ins', { code })).status).toBe(429)
    // someone else signs in by the code alone as ever
    expect((await call(attendee, 'POST', '/lecture-sign-ins', { code })).body).toMatchObject({ orderId: order.id, already: false })
    // and it holds across a restart
    await server.close()
    await start()
    expect((await call(mallory, 'POST', '/lecture-sign-ins', { code })).status).toBe(429)
    clock.advance(SIGN_IN_LOCK_MS)
    expect((await call(mallory, 'POST', '/lecture-sign-ins', { code })).status).toBe(200)
  })

  it(`${DAILY_MAX_FAILURES} wrong codes in a day, by either route, lock the user's sign-ins until the day ends`, async () => {
    // noon in Shanghai tomorrow: the next hour stays within one day
    await jumpTo(new Date(`${addDays(shanghaiToday(clock.now()), 1)}T12:00:00+08:00`))
    const order = await orderIn('scheduled')
    const code = await codeOf(order)
    const mallory = await attacker()
    const guesses = Array.from({ length: 40 }, (_, i) => String(200_000 + i * 13)).filter((c) => c !== code)
    let sent = 0
    // each round stays under the 10-minute locks: 9 by the code alone, 9 at the order
    while (sent < DAILY_MAX_FAILURES - 3) {
      for (let i = 0; i < 9 && sent < DAILY_MAX_FAILURES - 3; i++, sent++) {
        const res =
          sent % 2 === 0
            ? await call(mallory, 'POST', '/lecture-sign-ins', { code: guesses[sent] })
            : await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: guesses[sent] })
        expect([sent, res.status]).toEqual([sent, 400])
      }
      clock.advance(SIGN_IN_WINDOW_MS)
    }
    expect((await call(mallory, 'POST', '/lecture-sign-ins', { code: guesses[27] })).status).toBe(400)
    expect((await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: guesses[28] })).status).toBe(400)
    const last = await call(mallory, 'POST', '/lecture-sign-ins', { code: guesses[29] })
    expect(last.status).toBe(429)
    // 12:40 or so in Shanghai: the day ends in about 11 hours
    expect(last.body.error?.message).toBe('今天签到码错误次数过多，签到已暂停，请 12 小时后再试')
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(11 * 3600)
    for (const res of [
      await call(mallory, 'POST', '/lecture-sign-ins', { code }),
      await call(mallory, 'POST', `/lecture-orders/${order.id}/sign-in`, { code }),
    ]) {
      expect(res.status).toBe(429)
    }
    // the attendee is untouched
    expect((await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })).status).toBe(200)
    // the next day it is open again
    await jumpTo(new Date(`${addDays(shanghaiToday(clock.now()), 1)}T08:00:00+08:00`))
    expect((await call(mallory, 'POST', '/lecture-sign-ins', { code })).status).toBe(200)
  })

  it(`the order's safety net: ${ORDER_ALERT_FAILURES} wrong codes in 10 minutes from many accounts leave each newcomer one guess, and the right code still works`, async () => {
    const order = await orderIn('scheduled')
    const code = await codeOf(order)
    const wrong = wrongFor(code)
    for (let n = 0; n < ORDER_ALERT_FAILURES / SIGN_IN_MAX_FAILURES; n++) {
      const sybil = await attacker()
      const statuses: number[] = []
      for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) statuses.push((await call(sybil, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })).status)
      expect(statuses).toEqual([...Array(SIGN_IN_MAX_FAILURES - 1).fill(400), 429])
    }
    // on alert: a fresh account's first wrong code locks it on this order at once
    const next = await attacker()
    expect((await call(next, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })).status).toBe(429)
    expect((await call(next, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })).status).toBe(429)
    // a right code from anyone not locked signs in
    expect((await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })).status).toBe(200)
    expect((await call(await attacker(), 'POST', '/lecture-sign-ins', { code })).status).toBe(200)
    // after the alert the usual ten apply again
    clock.advance(SIGN_IN_LOCK_MS)
    const later = await attacker()
    expect((await call(later, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })).status).toBe(400)
  })

  it('sign-in to an order that is not open answers a stranger 404, exactly as an unknown id', async () => {
    const unknown = await call(stranger, 'POST', '/lecture-orders/no-such-order/sign-in', { code: '123456' })
    expect(unknown.status).toBe(404)
    for (const status of ['submitted', 'accepted', 'delivered'] as const) {
      const order = await orderIn(status)
      const res = await call(stranger, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: '123456' })
      expect([status, res.status, res.body]).toEqual([status, 404, unknown.body])
      // its parties still get the reason
      expect((await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: '123456' })).status).toBe(409)
    }
  })

  it('steps on an order the caller may not see answer 404 exactly as an unknown id, before any state rule', async () => {
    const submitted = await orderIn('submitted')
    const dispatched = await orderIn('dispatched')
    const cases: [Session, LectureOrder, string, unknown][] = [
      [stranger, submitted, 'cancel', {}],
      [stranger, dispatched, 'rate', { stars: 1 }],
      [stranger, dispatched, 'cancel', {}],
      [otherLecturer, dispatched, 'accept', {}],
      [otherLecturer, dispatched, 'decline', { reason: '没空' }],
      [otherLecturer, submitted, 'schedule', SCHEDULE],
      [lecturer, submitted, 'complete', { attendance: 1, summary: '好' }],
    ]
    for (const [who, order, action, body] of cases) {
      const seen = await act(who, order.id, action, body)
      const unknown = await act(who, 'no-such-order', action, body)
      expect([action, seen.status, seen.body]).toEqual([action, 404, unknown.body])
    }
    // the orderer, who may see it, gets the rule's reason
    expect((await act(resident, dispatched.id, 'rate', { stars: 1 })).status).toBe(409)
  })

  describe('the content check on every text someone else reads', () => {
    const refused = (res: { status: number; body: { error?: { message: string } } }) => {
      expect([res.status, res.body.error?.message]).toEqual([400, CONTENT_REFUSED_MESSAGE])
    }

    it('order notes and place: 400, no order stored', async () => {
      const before = (await server.store.lectures.listOrdersByUser(resident.user.id)).length
      refused(await call(resident, 'POST', '/lecture-orders', { ...ORDER, notes: `顺便${BAD}` }))
      refused(await call(resident, 'POST', '/lecture-orders', { ...ORDER, placeName: `${BAD}礼堂` }))
      expect((await server.store.lectures.listOrdersByUser(resident.user.id)).length).toBe(before)
    })

    it.each([
      ['dispatch', 'submitted', () => dispatcher, { lecturerId: 'u-lec-01', note: BAD }],
      ['reject', 'submitted', () => dispatcher, { reason: `因为${BAD}` }],
      ['cancel', 'submitted', () => resident, { reason: BAD }],
      ['decline', 'dispatched', () => lecturer, { reason: BAD }],
      ['schedule', 'accepted', () => lecturer, { ...SCHEDULE, place: BAD }],
      ['complete', 'scheduled', () => lecturer, { attendance: 10, summary: `现场有人${BAD}` }],
      ['rate', 'delivered', () => resident, { stars: 5, comment: BAD }],
    ] as const)('%s from %s: 400 with the Chinese message, the order unchanged', async (action, status, who, body) => {
      const order = await orderIn(status)
      const before = await server.store.lectures.getOrder(order.id)
      refused(await act(who(), order.id, action, body))
      expect(await server.store.lectures.getOrder(order.id)).toEqual(before)
    })

    it('clean text passes', async () => {
      const order = await orderIn('delivered')
      expect((await act(resident, order.id, 'rate', { stars: 5, comment: '讲得通俗易懂' })).status).toBe(200)
    })
  })
})
