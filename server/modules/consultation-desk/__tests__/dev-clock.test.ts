/** The e2e clock: only with dev login, only from this machine, and overdue follows it. */
import type { Consultation, DeskConsultationDetail } from '../../../../common/contract'
import { startTestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn } from '../../editorial/__tests__/helpers'
import { devClock, devClockNow } from '../dev-clock'

jest.setTimeout(120_000)

afterEach(() => {
  devClock.offsetMs = 0
})

it('moves the server clock so a consultation becomes overdue, and refuses what is not a whole-day offset', async () => {
  const server = await startTestServer({ devLogin: true, rateLimit: false, now: devClockNow })
  try {
    const resident = await signIn(server, 'resident', '331002', '椒江居民')
    const c = await ok<Consultation>(
      await call(server, resident, 'POST', '/consultations', { topic: 'yanglao', question: '高龄津贴怎么申请？', regionCode: '331002001003' }),
      201,
    )
    let responder = await signIn(server, 'responder', '331002', '椒江答复员')
    expect((await ok<DeskConsultationDetail>(await call(server, responder, 'GET', `/admin/consultations/${c.id}`))).overdue).toBe(false)

    const bad = await call(server, responder, 'POST', '/dev/clock', { offsetDays: 1.5 })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('请填写 -400 到 400 之间的整数天数')
    const moved = await ok<{ offsetDays: number; now: string }>(await call(server, responder, 'POST', '/dev/clock', { offsetDays: 20 }))
    expect(moved.offsetDays).toBe(20)
    expect(Date.parse(moved.now) - Date.now()).toBeGreaterThan(19 * 24 * 3600_000)

    // twenty days on, the staff session has idled out: sign in again
    responder = await signIn(server, 'responder', '331002', '椒江答复员')
    expect((await ok<DeskConsultationDetail>(await call(server, responder, 'GET', `/admin/consultations/${c.id}`))).overdue).toBe(true)
    // a request through a proxy is not from this machine
    expect((await server.api('/dev/clock', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404)
  } finally {
    await server.close()
  }
})

it('does not exist without dev login', async () => {
  const server = await startTestServer({ devLogin: false })
  try {
    const res = await server.api('/dev/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetDays: 3 }) })
    expect(res.status).toBe(404)
  } finally {
    await server.close()
  }
})
