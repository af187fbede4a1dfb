/**
 * The audit gaps of the review (L5): staff reads of personal data (`*.view`), orders and
 * consultations made by service-point staff, uploads by staff and admins reading the log are
 * recorded; residents' own reads and writes are not; the log cannot be changed or deleted.
 */
import type { AuditEntry, LectureOrder, Page, Session } from '../../../../common/contract'
import { addDays, shanghaiToday } from '../../../../common/shanghai-date'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { JPEG, photoForm, upload } from '../../../../test/api/helpers/uploads'
import { auth, createAccount, signIn } from '../../auth/__tests__/helpers'
import { lectureOrderInput } from '../../../../test/api/helpers/lecture-order'

jest.setTimeout(60_000)

const today = shanghaiToday()
const ORDER = { ...lectureOrderInput(today), placeName: '文化礼堂', audienceSize: 40, contactPhone: '13800001111' }
const QUESTION = { topic: 'yanglao', question: '灵活就业人员怎么参加养老保险？', regionCode: '331002001', phone: '13900002222' }

let server: TestServer
let admin: Session
const dev: Record<string, Session> = {}

const login = async (role: string, name: string) => (await (await server.api('/auth/dev', postJson({ role, name }))).json()) as Session
const db = () => server.store.database.kysely
/** the log as stored, newest first, straight from the table (reading it by the API would add entries) */
const log = (action: string) =>
  db().selectFrom('audit_log').select(['action', 'actor_id', 'target_id']).where('action', '=', action).orderBy('id', 'desc').execute()
const count = async (actorName?: string) => {
  let query = db()
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
  if (actorName !== undefined) query = query.where('actor_name', '=', actorName)
  return (await query.executeTakeFirstOrThrow()).n
}

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  await createAccount(server.store, { username: 'city-admin', role: 'admin', orgCode: '331000' })
  admin = await signIn(server, 'city-admin')
  dev.resident = await login('resident', '审计居民')
  dev.staff = await login('staff', '服务点小张')
  dev.dispatcher = await login('dispatcher', '派单员')
  dev.responder = await login('responder', '答复员')
  dev.lecturer = await login('lecturer', '陈海燕')
})
afterAll(() => server.close())

describe('staff writes', () => {
  it('an order and a consultation made by service-point staff are recorded once with their new id; a resident’s are not', async () => {
    const order = await server.api('/lecture-orders', postJson(ORDER, auth(dev.staff.token, { 'idempotency-key': 'staff-order' })))
    expect(order.status).toBe(201)
    const orderId = ((await order.json()) as LectureOrder).id
    expect(
      (await server.api('/lecture-orders', postJson(ORDER, auth(dev.staff.token, { 'idempotency-key': 'staff-order' })))).headers.get('idempotent-replayed'),
    ).toBe('true')
    const asked = await server.api('/consultations', postJson(QUESTION, auth(dev.staff.token)))
    expect(asked.status).toBe(201)
    const consultationId = ((await asked.json()) as { id: string }).id

    expect((await server.api('/lecture-orders', postJson(ORDER, auth(dev.resident.token)))).status).toBe(201)
    expect((await server.api('/consultations', postJson(QUESTION, auth(dev.resident.token)))).status).toBe(201)

    expect(await log('lecture.create')).toEqual([{ action: 'lecture.create', actor_id: dev.staff.user.id, target_id: orderId }])
    expect(await log('consultation.create')).toEqual([{ action: 'consultation.create', actor_id: dev.staff.user.id, target_id: consultationId }])
  })

  it('an upload by staff is recorded with its address, once even when replayed', async () => {
    const first = await upload(server, dev.lecturer.token, photoForm(JPEG), { 'idempotency-key': 'photo-1' })
    expect(first.status).toBe(201)
    const url = ((await first.json()) as { url: string }).url
    expect((await upload(server, dev.lecturer.token, photoForm(JPEG), { 'idempotency-key': 'photo-1' })).status).toBe(201)
    // residents may not upload at all (only roles with a use for photos), and a refusal is not recorded
    expect((await upload(server, dev.resident.token, photoForm(JPEG))).status).toBe(403)
    expect(await log('upload.create')).toEqual([{ action: 'upload.create', actor_id: dev.lecturer.user.id, target_id: url }])
  })
})

describe('staff reads of personal data', () => {
  it('consultation and order lists, an order, the assigned list and a sign-in code: one *.view entry each; the orderer’s own reads none', async () => {
    const order = (await (await server.api('/lecture-orders', postJson(ORDER, auth(dev.resident.token)))).json()) as LectureOrder
    const before = await count()
    expect((await server.api(`/lecture-orders/${order.id}`, bearer(dev.resident.token))).status).toBe(200)
    expect(await count()).toBe(before)

    expect((await server.api('/consultations', bearer(dev.responder.token))).status).toBe(200)
    expect((await server.api('/lecture-orders', bearer(dev.dispatcher.token))).status).toBe(200)
    expect((await server.api(`/lecture-orders/${order.id}`, bearer(dev.dispatcher.token))).status).toBe(200)
    const step = (as: Session, action: string, body: unknown) => server.api(`/lecture-orders/${order.id}/${action}`, postJson(body, auth(as.token)))
    expect((await step(dev.dispatcher, 'dispatch', { lecturerId: 'u-lec-01' })).status).toBe(200)
    expect((await step(dev.lecturer, 'accept', {})).status).toBe(200)
    expect((await step(dev.lecturer, 'schedule', { date: addDays(today, 10), time: '14:30', place: '城隍浦社区文化礼堂' })).status).toBe(200)
    expect((await server.api('/lecture-orders/assigned', bearer(dev.lecturer.token))).status).toBe(200)
    expect((await server.api(`/lecture-orders/${order.id}/sign-in-code`, bearer(dev.lecturer.token))).status).toBe(200)

    expect(await log('consultation.list.view')).toEqual([{ action: 'consultation.list.view', actor_id: dev.responder.user.id, target_id: null }])
    expect(await log('lecture.list.view')).toEqual([{ action: 'lecture.list.view', actor_id: dev.dispatcher.user.id, target_id: null }])
    expect(await log('lecture.view')).toEqual([{ action: 'lecture.view', actor_id: dev.dispatcher.user.id, target_id: order.id }])
    expect(await log('lecture.assigned.view')).toEqual([{ action: 'lecture.assigned.view', actor_id: dev.lecturer.user.id, target_id: null }])
    expect(await log('lecture.sign-in-code.view')).toEqual([{ action: 'lecture.sign-in-code.view', actor_id: dev.lecturer.user.id, target_id: order.id }])
    // a refused read (another lecturer's code) is not a read
    const other = await login('lecturer', '王建国')
    expect((await server.api(`/lecture-orders/${order.id}/sign-in-code`, bearer(other.token))).status).toBe(404)
    expect(await log('lecture.sign-in-code.view')).toHaveLength(1)
  })

  it('an admin reading the audit log is recorded, with the filters asked for', async () => {
    const res = await server.api('/admin/audit?action=lecture&from=2026-01-01', bearer(admin.token))
    expect(res.status).toBe(200)
    const page = (await (await server.api('/admin/audit?action=audit', bearer(admin.token))).json()) as Page<AuditEntry>
    expect(page.items[0]).toMatchObject({
      action: 'audit.view',
      targetType: 'audit',
      actor: { id: admin.user.id, role: 'admin', orgCode: '331000' },
      detail: { action: 'lecture', from: '2026-01-01', page: 1 },
    })
  })
})

describe('the log is append-only', () => {
  it('UPDATE and DELETE on audit_log are refused by the database (a trigger on both SQLite and PostgreSQL)', async () => {
    const n = await count()
    expect(n).toBeGreaterThan(3)
    // toHaveProperty, not toThrow: better-sqlite3's SqliteError is not an Error of jest's realm
    const refused = expect.stringMatching(/append-only/)
    await expect(db().updateTable('audit_log').set({ actor_name: '别人' }).execute()).rejects.toHaveProperty('message', refused)
    await expect(db().deleteFrom('audit_log').execute()).rejects.toHaveProperty('message', refused)
    await expect(db().deleteFrom('audit_log').where('id', '=', 1).execute()).rejects.toHaveProperty('message', refused)
    expect(await count()).toBe(n)
    expect(await count('别人')).toBe(0)
  })
})
