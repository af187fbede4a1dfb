/**
 * 提前预约 over HTTP on both stores, on the store's clock (pinned here; e2e moves it with POST
 * /dev/clock): an order inside the lead time and a 排期 at a time already past are refused with a
 * Chinese 400 and nothing changes; LECTURE_LEAD_DAYS is the server's setting, told by /app-config.
 */
import type { LectureOrder, Role } from '../../common/contract'
import { readConfig } from '../../server/config'
import { makeClock } from './helpers/clock'
import { lectureOrderInput } from './helpers/lecture-order'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

interface Session {
  token: string
}

// 16:22 in Beijing on 2026-12-04
const clock = makeClock(new Date('2026-12-04T08:22:00Z'))
const TODAY = '2026-12-04'

function client(server: () => TestServer) {
  const login = async (role: Role, name: string): Promise<Session> => (await (await server().api('/auth/dev', postJson({ role, name }))).json()) as Session
  const call = async (who: Session, path: string, body: unknown) => {
    const res = await server().api(path, postJson(body, { authorization: `Bearer ${who.token}` }))
    return { status: res.status, body: (await res.json()) as { error?: { message: string } } & Partial<LectureOrder> }
  }
  return { login, call }
}

describe('the default lead time (3 days)', () => {
  let server: TestServer
  const { login, call } = client(() => server)
  let resident: Session
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false, now: clock.now })
    resident = await login('resident', '林晓燕')
  })
  afterAll(() => server.close())

  it.each([
    ['today 上午 at 16:22', { dateFrom: TODAY, dateTo: TODAY, timeOfDay: 'morning' }],
    ['the day after tomorrow', { dateFrom: '2026-12-06', dateTo: '2026-12-08' }],
  ])('refuses %s with the first day allowed', async (_what, change) => {
    const res = await call(resident, '/lecture-orders', { ...lectureOrderInput(TODAY), ...change })
    expect(res).toEqual({ status: 400, body: { error: { code: 'bad_request', message: '宣讲需至少提前3天预约，最早可选12月7日' } } })
    expect((await server.store.lectures.listOrders({ page: 1, pageSize: 1 })).total).toBe(0)
  })

  it('accepts the third day, and tells the app the lead time', async () => {
    const res = await call(resident, '/lecture-orders', { ...lectureOrderInput(TODAY), dateFrom: '2026-12-07', dateTo: '2026-12-07' })
    expect(res.status).toBe(201)
    expect(await (await server.api('/app-config')).json()).toMatchObject({ lectureLeadDays: 3 })
  })

  it('refuses a 排期 at a time of today already past, accepts a later one', async () => {
    const dispatcher = await login('dispatcher', '派单员')
    const lecturer = await login('lecturer', '陈海燕')
    const order = await call(resident, '/lecture-orders', { ...lectureOrderInput(TODAY), dateFrom: '2026-12-08', dateTo: '2026-12-09' })
    const id = order.body.id!
    expect((await call(dispatcher, `/lecture-orders/${id}/dispatch`, { lecturerId: 'u-lec-01' })).status).toBe(200)
    expect((await call(lecturer, `/lecture-orders/${id}/accept`, {})).status).toBe(200)
    const past = await call(lecturer, `/lecture-orders/${id}/schedule`, { date: TODAY, time: '14:30', place: '礼堂' })
    expect(past).toEqual({ status: 400, body: { error: { code: 'bad_request', message: '宣讲时间已经过去，请选择以后的时间' } } })
    expect((await server.store.lectures.getOrder(id))!.status).toBe('accepted')
    const later = await call(lecturer, `/lecture-orders/${id}/schedule`, { date: TODAY, time: '19:30', place: '礼堂' })
    expect(later).toMatchObject({ status: 200, body: { status: 'scheduled', schedule: { date: TODAY, time: '19:30' } } })
  })
})

describe('LECTURE_LEAD_DAYS', () => {
  it('is read from the environment, 0..30, default 3', () => {
    expect(readConfig({}).lectureLeadDays).toBe(3)
    expect(readConfig({ LECTURE_LEAD_DAYS: '0' }).lectureLeadDays).toBe(0)
    expect(() => readConfig({ LECTURE_LEAD_DAYS: '31' })).toThrow()
  })

  it('at 0, still refuses a 时段 of today already over', async () => {
    const server = await startTestServer({ devLogin: true, rateLimit: false, now: clock.now, lectureLeadDays: 0 })
    try {
      const { login, call } = client(() => server)
      const resident = await login('resident', '林晓燕')
      const morning = await call(resident, '/lecture-orders', { ...lectureOrderInput(TODAY), dateFrom: TODAY, dateTo: TODAY, timeOfDay: 'morning' })
      expect(morning.body.error?.message).toBe('今天上午已经过去，请选择以后的时间')
      const evening = await call(resident, '/lecture-orders', { ...lectureOrderInput(TODAY), dateFrom: TODAY, dateTo: TODAY, timeOfDay: 'evening' })
      expect(evening.status).toBe(201)
      expect(await (await server.api('/app-config')).json()).toMatchObject({ lectureLeadDays: 0 })
    } finally {
      await server.close()
    }
  })
})
