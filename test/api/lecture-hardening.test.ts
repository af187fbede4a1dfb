/**
 * 宣讲点单 against an attacker (issue 12): sign-in codes from crypto.randomInt and locked after
 * 10 wrong ones for an order (in the database: the lock survives a restart), sign-in answering
 * 404 for an order a stranger may not see, and the content check on every text someone else
 * reads (notes, place, reasons, summary, comment): 400, nothing stored.
 */
import type { LectureOrder, Role } from '../../src/contract'
import { addDays, shanghaiToday } from '../../src/utils/shanghai-date'
import { CONTENT_REFUSED_MESSAGE } from '../../server/content-check'
import { newSignInCode, SIGN_IN_LOCK_MS, SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from '../../server/lectures/sign-in'
import { makeClock } from './helpers/clock'
import { makeTempDir } from './helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers/test-server'

const today = shanghaiToday()
const ORDER = {
  topicId: 'lt01',
  format: 'onsite',
  villageCode: '331002001001',
  placeName: '东山社区文化家园',
  dateFrom: addDays(today, 7),
  dateTo: addDays(today, 14),
  timeOfDay: 'afternoon',
  audienceSize: 80,
  contactName: '林晓燕',
  contactPhone: '13912345678',
}
const SCHEDULE = { date: addDays(today, 10), time: '14:30', place: '东山社区文化礼堂' }
/** a line of server/content-check/sensitive-words.txt */
const BAD = '出售身份证'

interface Session {
  token: string
  user: { id: string; role: Role }
}

function client(server: () => TestServer) {
  const login = async (role: Role, name: string): Promise<Session> =>
    (await (await server().api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) })).json()) as Session
  const call = async (who: Session, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await server().api(path, {
      method,
      headers: { authorization: `Bearer ${who.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { error?: { message: string } } }
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

  it(`locks sign-in to an order after ${SIGN_IN_MAX_FAILURES} wrong codes for 10 minutes, across a restart; the right code works after`, async () => {
    const order = await orderIn('scheduled')
    const code = ((await call(lecturer, 'GET', `/lecture-orders/${order.id}/sign-in-code`)).body.code) as string
    const wrong = code === '000000' ? '000001' : '000000'
    for (let i = 1; i < SIGN_IN_MAX_FAILURES; i++) {
      const res = await call(stranger, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })
      expect([i, res.status, res.body.error?.message]).toEqual([i, 400, '签到码不正确，请核对后重试'])
    }
    const tenth = await call(stranger, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })
    expect(tenth.status).toBe(429)
    expect(tenth.body).toEqual({ error: { code: 'rate_limited', message: '签到码错误次数过多，该宣讲的签到已暂停，请 10 分钟后再试' } })
    expect(tenth.headers.get('retry-after')).toBe(String(SIGN_IN_LOCK_MS / 1000))

    // the right code, from someone else, either route: still locked
    const right = await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })
    expect(right.status).toBe(429)
    expect((await call(resident, 'POST', '/lecture-sign-ins', { code })).status).toBe(429)

    // a restart (same database) keeps the lock; the minutes left count down
    await server.close()
    clock.advance(4 * 60_000)
    await start()
    const later = await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })
    expect(later.status).toBe(429)
    expect(later.body.error?.message).toMatch(/请 6 分钟后再试$/)
    expect(later.headers.get('retry-after')).toBe(String(6 * 60))

    clock.advance(6 * 60_000)
    const open = await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })
    expect(open.status).toBe(200)
    expect(open.body).toMatchObject({ orderId: order.id, already: false, signedIn: 1 })
    expect((await call(stranger, 'POST', '/lecture-sign-ins', { code })).body).toMatchObject({ signedIn: 2 })
  })

  it('counts wrong codes per order within a window: spread-out typos never lock it, other orders are untouched', async () => {
    const order = await orderIn('scheduled')
    const other = await orderIn('scheduled')
    const code = ((await call(lecturer, 'GET', `/lecture-orders/${order.id}/sign-in-code`)).body.code) as string
    const otherCode = ((await call(lecturer, 'GET', `/lecture-orders/${other.id}/sign-in-code`)).body.code) as string
    const wrong = (c: string) => (c === '123456' ? '654321' : '123456')
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) expect((await call(stranger, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong(code) })).status).toBe(400)
    // the other order is not affected
    for (let i = 0; i < 3; i++) expect((await call(stranger, 'POST', `/lecture-orders/${other.id}/sign-in`, { code: wrong(otherCode) })).status).toBe(400)
    expect((await call(resident, 'POST', `/lecture-orders/${other.id}/sign-in`, { code: otherCode })).status).toBe(200)
    // a new window starts after SIGN_IN_WINDOW_MS: nine more typos still leave it open
    clock.advance(SIGN_IN_WINDOW_MS)
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) expect((await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong(code) })).status).toBe(400)
    expect((await call(resident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code })).status).toBe(200)
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
      const before = server.store.lectures.listOrdersByUser(resident.user.id).length
      refused(await call(resident, 'POST', '/lecture-orders', { ...ORDER, notes: `顺便${BAD}` }))
      refused(await call(resident, 'POST', '/lecture-orders', { ...ORDER, placeName: `${BAD}礼堂` }))
      expect(server.store.lectures.listOrdersByUser(resident.user.id).length).toBe(before)
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
      const before = server.store.lectures.getOrder(order.id)
      refused(await act(who(), order.id, action, body))
      expect(server.store.lectures.getOrder(order.id)).toEqual(before)
    })

    it('clean text passes', async () => {
      const order = await orderIn('delivered')
      expect((await act(resident, order.id, 'rate', { stars: 5, comment: '讲得通俗易懂' })).status).toBe(200)
    })
  })
})
