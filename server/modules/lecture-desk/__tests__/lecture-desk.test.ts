/**
 * The console's lecture desk over HTTP (SQLite, and PostgreSQL under TEST_DATABASE_URL): lecturers
 * with availability kept in step with the menu, the dispatch desk's scoped list and CSV (contacts
 * masked), assigning through the order rules (availability checked, idempotent, audited), 403
 * across counties (椒江区 vs 黄岩区) with nothing changed, a lecturer's own orders and calendar,
 * topics (validation in Chinese, taken off the menu), and photos added to a completion report.
 */
import type { DeskLecturer, DeskOrderSummary, DeskTopic, LecturerCalendar, LecturerCandidate, LectureOrder, Page } from '../../../../common/contract'
import { addDays, shanghaiToday } from '../../../../common/shanghai-date'
import { lectureOrderInput } from '../../../../test/api/helpers/lecture-order'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { uploadedPhoto } from '../../../../test/api/helpers/uploads'
import { call, ok, signIn, type Staff } from '../../editorial/__tests__/helpers'

jest.setTimeout(120_000)

const JIAOJIANG = '331002'
const HUANGYAN = '331003'
const today = shanghaiToday()
const window = { dateFrom: addDays(today, 7), dateTo: addDays(today, 14) }
const ALL_AFTERNOONS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, timeOfDay: 'afternoon' }))

let server: TestServer
let resident: Staff
let jjDispatcher: Staff
let hyDispatcher: Staff
let jjAdmin: Staff
let hyAdmin: Staff
let jjOrder: LectureOrder
let hyOrder: LectureOrder
let lecturer: DeskLecturer
let hyLecturer: DeskLecturer

const lecturerInput = (name: string, orgCode: string, extra: object = {}) => ({
  name,
  title: '区委宣讲团成员',
  orgCode,
  topicIds: ['lt01'],
  weeklySlots: ALL_AFTERNOONS,
  blockedDates: [],
  active: true,
  ...extra,
})

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error
const auditOf = (targetId: string) =>
  server.store.database.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', targetId).orderBy('id').execute()

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  resident = await signIn(server, 'resident', JIAOJIANG, '林居民')
  jjDispatcher = await signIn(server, 'dispatcher', JIAOJIANG, '椒江派单员')
  hyDispatcher = await signIn(server, 'dispatcher', HUANGYAN, '黄岩派单员')
  jjAdmin = await signIn(server, 'admin', JIAOJIANG, '椒江管理员')
  hyAdmin = await signIn(server, 'admin', HUANGYAN, '黄岩管理员')
  jjOrder = await ok(await call(server, resident, 'POST', '/lecture-orders', { ...lectureOrderInput(today), ...window }), 201)
  hyOrder = await ok(
    await call(server, resident, 'POST', '/lecture-orders', { ...lectureOrderInput(today), ...window, villageCode: '331003001001', placeName: '百花社区' }),
    201,
  )
})
afterAll(() => server.close())

describe('lecturers', () => {
  it('creates a lecturer once per Idempotency-Key, on the menu of their topics, audited', async () => {
    const headers = { 'idempotency-key': 'lecturer-1' }
    const res = await call(server, jjAdmin, 'POST', '/admin/lecturers', lecturerInput('椒江宣讲员', JIAOJIANG), headers)
    lecturer = await ok<DeskLecturer>(res, 201)
    expect(lecturer).toMatchObject({ name: '椒江宣讲员', orgCode: JIAOJIANG, topicIds: ['lt01'], active: true, openOrders: 0 })
    const again = await call(server, jjAdmin, 'POST', '/admin/lecturers', lecturerInput('椒江宣讲员', JIAOJIANG), headers)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await ok<DeskLecturer>(again, 201)).id).toBe(lecturer.id)
    const menu = await ok<{ id: string; lecturers: { id: string }[] }[]>(await server.api('/lecture-topics'))
    expect(menu.find((t) => t.id === 'lt01')!.lecturers.map((l) => l.id)).toContain(lecturer.id)
    expect((await auditOf(lecturer.id)).map((a) => a.action)).toEqual(['lecturer.create'])
    hyLecturer = await ok<DeskLecturer>(await call(server, hyAdmin, 'POST', '/admin/lecturers', lecturerInput('黄岩宣讲员', HUANGYAN)), 201)
  })

  it('refuses bad input in Chinese and another county with 403, changing nothing', async () => {
    const bad = await call(server, jjAdmin, 'POST', '/admin/lecturers', lecturerInput('', JIAOJIANG))
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).message).toMatch(/请填写宣讲员姓名/)
    const slot = await call(
      server,
      jjAdmin,
      'POST',
      '/admin/lecturers',
      lecturerInput('某', JIAOJIANG, { weeklySlots: [{ weekday: 8, timeOfDay: 'afternoon' }] }),
    )
    expect(slot.status).toBe(400)
    const topic = await call(server, jjAdmin, 'POST', '/admin/lecturers', lecturerInput('某', JIAOJIANG, { topicIds: ['nope'] }))
    expect((await errorOf(topic)).message).toBe('请从宣讲菜单中选择专题')
    const other = await call(server, jjAdmin, 'POST', '/admin/lecturers', lecturerInput('越权', HUANGYAN))
    expect(other.status).toBe(403)
    const edit = await call(server, jjAdmin, 'PUT', `/admin/lecturers/${hyLecturer.id}`, lecturerInput('改名', JIAOJIANG))
    expect(edit.status).toBe(403)
    const seen = await ok<Page<DeskLecturer>>(await call(server, hyAdmin, 'GET', '/admin/lecturers?pageSize=50'))
    expect(seen.items.find((l) => l.id === hyLecturer.id)!.name).toBe('黄岩宣讲员')
    expect(seen.items.map((l) => l.id)).not.toContain(lecturer.id)
    const byDispatcher = await call(server, jjDispatcher, 'POST', '/admin/lecturers', lecturerInput('派单员建', JIAOJIANG))
    expect(byDispatcher.status).toBe(403)
  })
})

describe('the dispatch desk', () => {
  it('lists the orders of the caller’s county only, contacts masked, and refuses another county’s filter', async () => {
    const page = await ok<Page<DeskOrderSummary>>(await call(server, jjDispatcher, 'GET', '/admin/lecture-orders?status=submitted'))
    expect(page.items.map((o) => o.id)).toEqual([jjOrder.id])
    expect(page.items[0]).toMatchObject({ contactPhone: '139****5678', contactName: '林*燕', countyCode: JIAOJIANG })
    const search = await ok<Page<DeskOrderSummary>>(await call(server, jjDispatcher, 'GET', `/admin/lecture-orders?q=${encodeURIComponent('城隍浦')}`))
    expect(search.total).toBe(1)
    const none = await ok<Page<DeskOrderSummary>>(await call(server, jjDispatcher, 'GET', `/admin/lecture-orders?q=${encodeURIComponent('100%')}`))
    expect(none.total).toBe(0)
    const other = await call(server, jjDispatcher, 'GET', `/admin/lecture-orders?county=${HUANGYAN}`)
    expect(other.status).toBe(403)
    const bad = await call(server, jjDispatcher, 'GET', '/admin/lecture-orders?status=done')
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).message).toBe('状态不正确')
  })

  it('exports the filtered orders as CSV without full phone numbers', async () => {
    const res = await call(server, jjDispatcher, 'GET', '/admin/lecture-orders/export.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const text = await res.text()
    expect(text).toContain('城隍浦社区文化家园')
    expect(text).toContain('139****5678')
    expect(text).not.toContain('13912345678')
    expect(text).not.toContain('百花社区')
  })

  it('gives 黄岩区 403 on a 椒江区 order, for reads and writes, and changes nothing', async () => {
    for (const [method, path, body] of [
      ['GET', `/admin/lecture-orders/${jjOrder.id}`, undefined],
      ['GET', `/admin/lecture-orders/${jjOrder.id}/candidates`, undefined],
      ['POST', `/admin/lecture-orders/${jjOrder.id}/assign`, { lecturerId: hyLecturer.id }],
      ['POST', `/admin/lecture-orders/${jjOrder.id}/reject`, { reason: '越权驳回' }],
    ] as const) {
      const res = await call(server, hyDispatcher, method, path, body)
      expect(res.status).toBe(403)
      expect((await errorOf(res)).message).toBe('不能查看或处理其他单位的宣讲点单')
    }
    const order = await ok<LectureOrder>(await call(server, jjDispatcher, 'GET', `/admin/lecture-orders/${jjOrder.id}`))
    expect(order.status).toBe('submitted')
    expect(order.contactPhone).toBe('13912345678')
  })

  it('offers the topic’s lecturers of the county with their free days, and refuses one who is blocked', async () => {
    const candidates = await ok<LecturerCandidate[]>(await call(server, jjDispatcher, 'GET', `/admin/lecture-orders/${jjOrder.id}/candidates`))
    expect(candidates.map((c) => c.id)).toEqual([lecturer.id])
    expect(candidates[0].available).toBe(true)
    expect(candidates[0].freeDates).toHaveLength(8)

    const blocked = Array.from({ length: 8 }, (_, i) => addDays(window.dateFrom, i))
    await ok(await call(server, jjAdmin, 'PUT', `/admin/lecturers/${lecturer.id}`, lecturerInput('椒江宣讲员', JIAOJIANG, { blockedDates: blocked })))
    const now = await ok<LecturerCandidate[]>(await call(server, jjDispatcher, 'GET', `/admin/lecture-orders/${jjOrder.id}/candidates`))
    expect(now[0]).toMatchObject({ available: false, freeDates: [] })
    const refused = await call(server, jjDispatcher, 'POST', `/admin/lecture-orders/${jjOrder.id}/assign`, { lecturerId: lecturer.id })
    expect(refused.status).toBe(409)
    expect((await errorOf(refused)).message).toMatch(/椒江宣讲员在点单时段内无法安排/)
    await ok(await call(server, jjAdmin, 'PUT', `/admin/lecturers/${lecturer.id}`, lecturerInput('椒江宣讲员', JIAOJIANG)))
  })

  it('assigns through the order rules once per key, audited once, and refuses a lecturer of another county', async () => {
    const cross = await call(server, jjDispatcher, 'POST', `/admin/lecture-orders/${jjOrder.id}/assign`, { lecturerId: hyLecturer.id })
    expect(cross.status).toBe(403)
    const admin = await call(server, jjAdmin, 'POST', `/admin/lecture-orders/${jjOrder.id}/assign`, { lecturerId: lecturer.id })
    expect(admin.status).toBe(403)

    const headers = { 'idempotency-key': 'assign-1' }
    const first = await ok<LectureOrder>(
      await call(server, jjDispatcher, 'POST', `/admin/lecture-orders/${jjOrder.id}/assign`, { lecturerId: lecturer.id, note: '请尽快联系' }, headers),
    )
    expect(first).toMatchObject({ status: 'dispatched', lecturerId: lecturer.id, lecturerName: '椒江宣讲员' })
    const retry = await call(
      server,
      jjDispatcher,
      'POST',
      `/admin/lecture-orders/${jjOrder.id}/assign`,
      { lecturerId: lecturer.id, note: '请尽快联系' },
      headers,
    )
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    const order = await ok<LectureOrder>(await call(server, jjDispatcher, 'GET', `/admin/lecture-orders/${jjOrder.id}`))
    expect(order.timeline.filter((e) => e.action === 'dispatch')).toHaveLength(1)
    expect((await auditOf(jjOrder.id)).filter((a) => a.action === 'lecture.dispatch')).toHaveLength(1)
    const reused = await call(server, jjDispatcher, 'POST', `/admin/lecture-orders/${jjOrder.id}/assign`, { lecturerId: lecturer.id }, headers)
    expect(reused.status).toBe(422)
    const list = await ok<Page<DeskLecturer>>(await call(server, jjDispatcher, 'GET', '/admin/lecturers'))
    expect(list.items.find((l) => l.id === lecturer.id)!.openOrders).toBe(1)
  })

  it('rejects with a reason through the rules; an empty reason is a 400', async () => {
    const empty = await call(server, hyDispatcher, 'POST', `/admin/lecture-orders/${hyOrder.id}/reject`, { reason: '  ' })
    expect(empty.status).toBe(400)
    expect((await errorOf(empty)).message).toBe('请填写驳回原因')
    const done = await ok<LectureOrder>(
      await call(server, hyDispatcher, 'POST', `/admin/lecture-orders/${hyOrder.id}/reject`, { reason: '本月已安排同类宣讲' }),
    )
    expect(done.status).toBe('rejected')
    const again = await call(server, hyDispatcher, 'POST', `/admin/lecture-orders/${hyOrder.id}/reject`, { reason: '再驳回' })
    expect(again.status).toBe(409)
  })
})

describe('a lecturer', () => {
  let me: Staff
  beforeAll(async () => {
    me = await signIn(server, 'lecturer', JIAOJIANG, '椒江宣讲员')
  })

  it('sees their own orders and calendar, not another lecturer’s', async () => {
    const mine = await ok<Page<DeskOrderSummary>>(await call(server, me, 'GET', '/admin/lecture-orders'))
    expect(mine.items.map((o) => o.id)).toEqual([jjOrder.id])
    const calendar = await ok<LecturerCalendar>(
      await call(server, me, 'GET', `/admin/lecturers/${lecturer.id}/calendar?from=${today}&to=${addDays(today, 30)}`),
    )
    expect(calendar.entries).toEqual([expect.objectContaining({ orderId: jjOrder.id, status: 'dispatched', date: window.dateFrom, timeOfDay: 'afternoon' })])
    const other = await call(server, me, 'GET', `/admin/lecturers/${hyLecturer.id}/calendar?from=${today}&to=${addDays(today, 30)}`)
    expect(other.status).toBe(403)
    const notMine = await call(server, me, 'GET', `/admin/lecture-orders/${hyOrder.id}`)
    expect(notMine.status).toBe(403)
    const tooLong = await call(server, jjDispatcher, 'GET', `/admin/lecturers/${lecturer.id}/calendar?from=${today}&to=${addDays(today, 100)}`)
    expect(tooLong.status).toBe(400)
  })

  it('sees no orders while their account is not linked to a lecturer (on PostgreSQL too)', async () => {
    const unlinked = await signIn(server, 'lecturer', HUANGYAN, '黄岩新宣讲员')
    const none = await ok<Page<DeskOrderSummary>>(await call(server, unlinked, 'GET', '/admin/lecture-orders'))
    expect(none).toMatchObject({ items: [], total: 0 })
  })

  it('files a report with photos, and an admin adds a photo from the desktop', async () => {
    const step = (path: string, body: unknown) => call(server, me, 'POST', `/lecture-orders/${jjOrder.id}/${path}`, body)
    await ok(await step('accept', {}))
    await ok(await step('schedule', { date: addDays(today, 9), time: '14:30', place: '城隍浦社区文化礼堂' }))
    const photo = await uploadedPhoto(server, me.token)
    await ok(await step('complete', { attendance: 60, summary: '讲解缴费档次与补贴。', photos: [photo] }))
    const calendar = await ok<LecturerCalendar>(
      await call(server, jjDispatcher, 'GET', `/admin/lecturers/${lecturer.id}/calendar?from=${today}&to=${addDays(today, 30)}`),
    )
    expect(calendar.entries[0]).toMatchObject({ status: 'delivered', date: addDays(today, 9), time: '14:30' })

    const adminPhoto = await uploadedPhoto(server, jjAdmin.token)
    const notOwn = await call(server, jjAdmin, 'POST', `/admin/lecture-orders/${jjOrder.id}/photos`, { photos: [photo] })
    expect(notOwn.status).toBe(400)
    const added = await ok<LectureOrder>(await call(server, jjAdmin, 'POST', `/admin/lecture-orders/${jjOrder.id}/photos`, { photos: [adminPhoto] }))
    expect(added.report!.photos).toEqual([photo, adminPhoto])
    const other = await call(server, hyAdmin, 'POST', `/admin/lecture-orders/${jjOrder.id}/photos`, { photos: [adminPhoto] })
    expect(other.status).toBe(403)
    expect((await auditOf(jjOrder.id)).map((a) => a.action)).toContain('lecture.report.photos')
  })
})

describe('topics', () => {
  const topicInput = (extra: object = {}) => ({
    title: '椒江区海洋经济政策',
    summary: '讲解渔民转产转业补贴。',
    department: '椒江区农业农村局',
    topic: 'yanglao',
    durationMin: 60,
    formats: ['onsite'],
    policyIds: ['p001'],
    orgCode: JIAOJIANG,
    active: true,
    ...extra,
  })

  it('creates, refuses bad input and another organisation’s topic, and takes one off the menu', async () => {
    const unknown = await call(server, jjAdmin, 'POST', '/admin/lecture-topics', topicInput({ policyIds: ['p-none'] }))
    expect(unknown.status).toBe(400)
    expect((await errorOf(unknown)).message).toBe('找不到关联政策「p-none」')
    const short = await call(server, jjAdmin, 'POST', '/admin/lecture-topics', topicInput({ durationMin: 5 }))
    expect((await errorOf(short)).message).toBe('时长应在15到240分钟之间')
    const city = await call(server, jjAdmin, 'PUT', '/admin/lecture-topics/lt01', topicInput())
    expect(city.status).toBe(403)

    const topic = await ok<DeskTopic>(await call(server, jjAdmin, 'POST', '/admin/lecture-topics', topicInput()), 201)
    expect(topic).toMatchObject({ title: '椒江区海洋经济政策', orgCode: JIAOJIANG, active: true, policyIds: ['p001'], lecturers: [] })
    const menu = async () => (await ok<{ id: string }[]>(await server.api('/lecture-topics'))).map((t) => t.id)
    expect(await menu()).toContain(topic.id)
    const hidden = await ok<DeskTopic>(await call(server, jjAdmin, 'PUT', `/admin/lecture-topics/${topic.id}`, topicInput({ active: false })))
    expect(hidden.active).toBe(false)
    expect(await menu()).not.toContain(topic.id)
    const other = await call(server, hyAdmin, 'PUT', `/admin/lecture-topics/${topic.id}`, topicInput({ orgCode: HUANGYAN }))
    expect(other.status).toBe(403)
    const list = await ok<Page<DeskTopic>>(await call(server, jjDispatcher, 'GET', '/admin/lecture-topics?active=false'))
    expect(list.items.map((t) => t.id)).toEqual([topic.id])
    expect((await auditOf(topic.id)).map((a) => a.action)).toEqual(['lecture-topic.create', 'lecture-topic.update'])
  })
})
