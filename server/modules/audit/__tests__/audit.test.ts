/**
 * The audit log over the real server: staff actions of the lecture workflow, consultation replies,
 * accounts and sign-ins are recorded with who, role, organisation, target, time and IP; residents,
 * refusals and idempotent replays are not; admins read the entries of their organisation and below.
 */
import type { AuditEntry, Page, Session } from '../../../../common/contract'
import { addDays, shanghaiToday } from '../../../../common/shanghai-date'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { auth, createAccount, passwordLogin, signIn } from '../../auth/__tests__/helpers'
import { safeDetail } from '../repository'
import { StaffScopeRepository } from '../../staff-scope/repository'
import { lectureOrderInput } from '../../../../test/api/helpers/lecture-order'

jest.setTimeout(60_000)

const today = shanghaiToday()
const ORDER = { ...lectureOrderInput(today), villageCode: '331024001004', placeName: '村文化礼堂', audienceSize: 40, contactName: '王大伯' }

let server: TestServer
const s: Record<string, Session> = {}
let resident: Session
let orderId: string
let consultationId: string

async function audit(as: string, query = ''): Promise<Page<AuditEntry>> {
  const res = await server.api(`/admin/audit${query}`, bearer(s[as].token))
  expect(res.status).toBe(200)
  return (await res.json()) as Page<AuditEntry>
}

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  await createAccount(server.store, { username: 'city-admin', role: 'admin', orgCode: '331000' })
  await createAccount(server.store, { username: 'xianju-admin', role: 'admin', orgCode: '331024' })
  await createAccount(server.store, { username: 'jiaojiang-admin', role: 'admin', orgCode: '331002' })
  await createAccount(server.store, { username: 'xianju-dispatch', name: '仙居派单员', role: 'dispatcher', orgCode: '331024' })
  const chen = await createAccount(server.store, { username: 'chen', name: '陈海燕', role: 'lecturer', orgCode: '331024' })
  // a lecturer account speaks for its lecturer of the menu by an explicit link, as an admin sets it
  await new StaffScopeRepository(server.store.database).linkLecturer(chen.id, 'u-lec-01')
  await createAccount(server.store, { username: 'jj-responder', name: '椒江区人力社保局', role: 'responder', orgCode: '331002' })
  for (const u of ['city-admin', 'xianju-admin', 'jiaojiang-admin', 'xianju-dispatch', 'chen', 'jj-responder']) s[u] = await signIn(server, u)
  resident = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: '审计居民' }))).json()) as Session

  const order = await server.api('/lecture-orders', postJson(ORDER, auth(resident.token, { 'idempotency-key': 'order-1' })))
  expect(order.status).toBe(201)
  orderId = ((await order.json()) as { id: string }).id

  const asked = await server.api(
    '/consultations',
    postJson({ topic: 'yanglao', question: '灵活就业人员怎么参加养老保险？', regionCode: '331002' }, auth(resident.token)),
  )
  consultationId = ((await asked.json()) as { id: string }).id
})
afterAll(() => server.close())

describe('what is recorded', () => {
  it('a lecture step by staff: who, role, organisation, what, target, IP — once, even when the same request is replayed', async () => {
    const dispatch = () =>
      server.api(
        `/lecture-orders/${orderId}/dispatch`,
        postJson({ lecturerId: 'u-lec-01' }, auth(s['xianju-dispatch'].token, { 'idempotency-key': 'dispatch-1' })),
      )
    expect((await dispatch()).status).toBe(200)
    const replay = await dispatch()
    expect(replay.status).toBe(200)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')

    const page = await audit('xianju-admin', '?action=lecture.dispatch')
    expect(page.items).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        actor: { id: s['xianju-dispatch'].user.id, name: '仙居派单员', role: 'dispatcher', orgCode: '331024' },
        action: 'lecture.dispatch',
        targetType: 'lectureOrder',
        targetId: orderId,
        ip: '127.0.0.1',
      },
    ])
    expect(Math.abs(Date.parse(page.items[0].at) - Date.now())).toBeLessThan(60_000)
  })

  it('refused steps and residents are not recorded; the lecturer accept is', async () => {
    // counted over lecture.* only: every read of the log is itself recorded (audit.view)
    const before = (await audit('city-admin', '?action=lecture')).total
    const wrong = await server.api(
      `/lecture-orders/${orderId}/schedule`,
      postJson({ date: addDays(today, 8), time: '14:30', place: '礼堂' }, auth(s['chen'].token)),
    )
    expect(wrong.status).toBe(409)
    expect((await audit('city-admin', '?action=lecture')).total).toBe(before)

    // the orderer's cancel is a resident's own action: never in the audit log
    expect((await server.api(`/lecture-orders/${orderId}/accept`, postJson({}, auth(s['chen'].token)))).status).toBe(200)
    const cancel = await server.api(`/lecture-orders/${orderId}/cancel`, postJson({}, auth(resident.token)))
    expect(cancel.status).toBe(200)
    const after = await audit('city-admin', '?action=lecture')
    expect(after.total).toBe(before + 1)
    expect(after.items[0]).toMatchObject({ action: 'lecture.accept', actor: { name: '陈海燕', role: 'lecturer' }, targetId: orderId })
  })

  it('a consultation reply by a responder', async () => {
    const res = await server.api(
      `/consultations/${consultationId}/reply`,
      postJson({ text: '可以在户籍地以灵活就业人员身份参保。' }, auth(s['jj-responder'].token)),
    )
    expect(res.status).toBe(200)
    const page = await audit('jiaojiang-admin', '?action=consultation')
    expect(page.items[0]).toMatchObject({
      action: 'consultation.reply',
      targetType: 'consultation',
      targetId: consultationId,
      actor: { orgCode: '331002', role: 'responder' },
    })
  })

  it('account changes and sign-ins, with no password data in them', async () => {
    const created = await server.api(
      '/admin/accounts',
      postJson({ username: 'xj-new', name: '新编辑', role: 'editor', orgCode: '331024', password: 'brand-new-pass-1' }, auth(s['xianju-admin'].token)),
    )
    const account = (await created.json()) as { id: string }
    await signIn(server, 'xj-new', 'brand-new-pass-1')
    for (let i = 0; i < 5; i++) await passwordLogin(server, 'xj-new', 'wrong-password-9')

    const res = await server.api(`/admin/audit?targetId=${account.id}`, bearer(s['xianju-admin'].token))
    const text = await res.text()
    expect(text).not.toContain('brand-new-pass-1')
    expect(text).not.toContain('wrong-password-9')
    expect(text).not.toMatch(/scrypt|token/)
    const items = (JSON.parse(text) as Page<AuditEntry>).items
    expect(items.map((e) => e.action)).toEqual(['auth.password.locked', 'auth.password.login', 'account.create'])
    expect(items[2]).toMatchObject({ actor: { role: 'admin', orgCode: '331024' }, targetType: 'account', detail: { role: 'editor', orgCode: '331024' } })
    expect(items[0].actor.id).toBe(account.id)
  })

  it('a detail never keeps secrets or phone numbers, whatever a caller passes', () => {
    expect(safeDetail({ password: 'x', token: 'y', newPassword: 'z', phone: '1', note: '请回电 13912345678', ok: true, n: 2, nested: { a: 1 } })).toEqual({
      ok: true,
      n: 2,
    })
    expect(safeDetail({})).toBeUndefined()
  })
})

describe('GET /admin/audit', () => {
  it('shows an admin the actors of their organisation and below only; the city sees all', async () => {
    const xianju = await audit('xianju-admin', '?pageSize=100')
    const jiaojiang = await audit('jiaojiang-admin', '?pageSize=100')
    const city = await audit('city-admin', '?pageSize=100')
    expect(xianju.items.length).toBeGreaterThan(2)
    expect(xianju.items.every((e) => e.actor.orgCode?.startsWith('331024'))).toBe(true)
    expect(jiaojiang.items.every((e) => e.actor.orgCode?.startsWith('331002'))).toBe(true)
    expect(xianju.items.map((e) => e.action)).not.toContain('consultation.reply')
    expect(jiaojiang.items.map((e) => e.action)).not.toContain('lecture.dispatch')
    expect(city.total).toBe(city.items.length)
    expect(city.total).toBeGreaterThanOrEqual(xianju.total + jiaojiang.total)
    // newest first
    const ids = city.items.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
  })

  it('filters by actor, action prefix, target, time, and pages', async () => {
    const mine = await audit('city-admin', `?actor=${s['chen'].user.id}`)
    expect(mine.items.map((e) => e.action)).toEqual(['lecture.accept', 'auth.password.login'])
    expect((await audit('city-admin', '?actor=陈海燕')).total).toBe(mine.total)
    const lecture = await audit('city-admin', '?action=lecture')
    expect(lecture.items.map((e) => e.action).sort()).toEqual(['lecture.accept', 'lecture.dispatch'])
    expect((await audit('city-admin', `?targetType=lectureOrder&targetId=${orderId}`)).total).toBe(2)
    expect((await audit('city-admin', `?from=${addDays(today, 1)}`)).total).toBe(0)
    expect((await audit('city-admin', `?to=${addDays(today, -1)}`)).total).toBe(0)
    // each read adds its own audit.view entry after listing, so the next read shows one more
    expect((await audit('city-admin', `?from=${today}&to=${today}`)).total + 1).toBe((await audit('city-admin')).total)
    const second = await audit('city-admin', '?pageSize=1&page=2')
    expect(second.items).toHaveLength(1)
    expect(second.items[0].id).toBe((await audit('city-admin', '?pageSize=3')).items[2].id)
  })

  it('is for admins with an organisation; bad filters are a Chinese 400', async () => {
    expect((await server.api('/admin/audit', bearer(s['xianju-dispatch'].token))).status).toBe(403)
    expect((await server.api('/admin/audit')).status).toBe(401)
    for (const q of ['?from=yesterday', '?to=2026-13-45', '?page=99999999999999999999', '?pageSize=1000', '?action=DROP%20TABLE']) {
      const res = await server.api(`/admin/audit${q}`, bearer(s['city-admin'].token))
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})
