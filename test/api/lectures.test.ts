/**
 * 宣讲点单 over HTTP on both stores: the whole loop across roles, every action × caller × state
 * through the routes (200 or 409), validation (nothing stored), Idempotency-Key, masking, logs
 * without phone numbers, notifications (and WeChat subscription messages against a local
 * stand-in), sign-in, the calendar and the menu's ratings.
 */
import {
  LECTURE_ACTIONS,
  LECTURE_STATUSES,
  type LectureAction,
  type LectureNotification,
  type LectureOrder,
  type LectureOrderStatus,
  type Page,
  type Role,
} from '../../common/contract'
import { addDays, shanghaiToday } from '../../common/shanghai-date'
import { actorOf, canView, decide } from '../../server/modules/lectures/rules'
import type { StoreKind } from '../../server/store/open-store'
import { lectureOrderInput } from './helpers/lecture-order'
import { startFakeWechat, type FakeWechat } from './helpers/fake-wechat'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'
import { uploadedPhoto } from './helpers/uploads'

const PHONE = '13912345678'
const MASKED = '139****5678'
const today = shanghaiToday()
const VALID = { ...lectureOrderInput(today), contactPhone: PHONE, notes: '听众多为60岁以上老人' }

interface Session {
  token: string
  user: { id: string; role: Role; nickname: string }
}

function harness(server: () => TestServer) {
  const login = async (role: Role, name: string): Promise<Session> => {
    const res = await server().api('/auth/dev', postJson({ role, name }))
    return (await res.json()) as Session
  }
  const call = async (who: Session | undefined, method: 'GET' | 'POST', path: string, body?: unknown, key?: string) => {
    const headers: Record<string, string> = {}
    if (who) headers.authorization = `Bearer ${who.token}`
    if (key) headers['idempotency-key'] = key
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await server().api(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined }
  }
  return { login, call }
}

const BODIES: Record<LectureAction, unknown> = {
  dispatch: { lecturerId: 'u-lec-01' },
  accept: {},
  decline: { reason: '当天有其他宣讲任务' },
  schedule: { date: addDays(today, 10), time: '14:30', place: '城隍浦社区文化礼堂' },
  complete: { attendance: 76, summary: '讲解了缴费档次、政府补贴和待遇领取，现场答疑12个。' },
  cancel: {},
  reject: { reason: '本月已安排同类宣讲' },
  rate: { stars: 5, comment: '讲得通俗易懂' },
}

describe.each<StoreKind>(['sqlite'])('lecture orders on the %s store', (storeKind) => {
  let server: TestServer
  const log: string[] = []
  const { login, call } = harness(() => server)
  let resident: Session
  let dispatcher: Session
  let lecturer: Session
  let otherLecturer: Session
  let staff: Session
  let otherResident: Session
  let responder: Session
  let admin: Session

  beforeAll(async () => {
    // abuse limits off: this suite makes hundreds of orders from a few accounts (test/api/abuse-limits.test.ts has them on)
    server = await startTestServer({
      storeKind,
      devLogin: true,
      rateLimit: false,
      logger: true,
      logLevel: 'trace',
      logStream: { write: (l) => void log.push(l) },
    })
    resident = await login('resident', '林晓燕')
    dispatcher = await login('dispatcher', '市宣讲中心派单员')
    lecturer = await login('lecturer', '陈海燕')
    otherLecturer = await login('lecturer', '王建国')
    staff = await login('staff', '城隍浦社区便民服务点')
    otherResident = await login('resident', '邻居')
    responder = await login('responder', '市人社局')
    admin = await login('admin', '管理员')
  })
  afterAll(() => server.close())

  const submit = (who: Session, body: unknown = VALID, key?: string) => call(who, 'POST', '/lecture-orders', body, key)
  const act = (who: Session, id: string, action: LectureAction, body: unknown = BODIES[action], key?: string) =>
    call(who, 'POST', `/lecture-orders/${id}/${action}`, body, key)

  /** a fresh order driven to `status` */
  async function orderIn(status: LectureOrderStatus): Promise<LectureOrder> {
    const { body } = await submit(resident)
    const id = (body as LectureOrder).id
    const path: [Session, LectureAction][] = {
      submitted: [],
      dispatched: [[dispatcher, 'dispatch']],
      accepted: [
        [dispatcher, 'dispatch'],
        [lecturer, 'accept'],
      ],
      scheduled: [
        [dispatcher, 'dispatch'],
        [lecturer, 'accept'],
        [lecturer, 'schedule'],
      ],
      delivered: [
        [dispatcher, 'dispatch'],
        [lecturer, 'accept'],
        [lecturer, 'schedule'],
        [lecturer, 'complete'],
      ],
      rated: [
        [dispatcher, 'dispatch'],
        [lecturer, 'accept'],
        [lecturer, 'schedule'],
        [lecturer, 'complete'],
        [resident, 'rate'],
      ],
      cancelled: [[resident, 'cancel']],
      rejected: [[dispatcher, 'reject']],
    }[status] as [Session, LectureAction][]
    let order = body as LectureOrder
    for (const [who, action] of path) {
      const res = await act(who, id, action)
      expect(res.status).toBe(200)
      order = res.body as LectureOrder
    }
    expect(order.status).toBe(status)
    return order
  }

  it('runs the loop: order → dispatch → accept → schedule → complete → rate, with the timeline', async () => {
    const created = await submit(resident, VALID, 'loop-1')
    expect(created.status).toBe(201)
    const order = created.body as LectureOrder
    expect(order).toMatchObject({
      status: 'submitted',
      topicTitle: '城乡居民养老保险政策解读',
      regionName: '椒江区 海门街道 城隍浦社区',
      contactPhone: MASKED,
      actions: ['cancel'],
    })

    expect((await act(dispatcher, order.id, 'dispatch', { lecturerId: 'u-lec-01', note: '请提前联系村里' })).body).toMatchObject({
      status: 'dispatched',
      lecturerName: '陈海燕',
      contactPhone: PHONE,
    })
    const assigned = (await call(lecturer, 'GET', '/lecture-orders/assigned')).body as LectureOrder[]
    expect(assigned.map((o) => o.id)).toContain(order.id)
    expect(assigned.find((o) => o.id === order.id)!.actions).toEqual(['accept', 'decline'])
    expect((await act(lecturer, order.id, 'accept')).body).toMatchObject({ status: 'accepted' })
    expect((await act(lecturer, order.id, 'schedule')).body).toMatchObject({ status: 'scheduled', schedule: BODIES.schedule })

    // sign-in: the lecturer sees the code; an attendee types it (with or without the order id)
    const code = (await call(lecturer, 'GET', `/lecture-orders/${order.id}/sign-in-code`)).body as { code: string; payload: string; signedIn: number }
    expect(code.code).toMatch(/^\d{6}$/)
    expect(code.payload).toBe(`zct-signin:${order.id}:${code.code}`)
    expect((await call(resident, 'GET', `/lecture-orders/${order.id}/sign-in-code`)).status).toBe(403)
    expect((await call(otherResident, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: code.code })).body).toMatchObject({ already: false, signedIn: 1 })
    expect((await call(staff, 'POST', '/lecture-sign-ins', { code: code.code })).body).toMatchObject({ orderId: order.id, already: false, signedIn: 2 })
    expect((await call(staff, 'POST', '/lecture-sign-ins', { code: code.code })).body).toMatchObject({ already: true, signedIn: 2 })
    const wrong = code.code === '000000' ? '000001' : '000000'
    expect(await call(staff, 'POST', `/lecture-orders/${order.id}/sign-in`, { code: wrong })).toMatchObject({
      status: 400,
      body: { error: { message: '签到码不正确，请核对后重试' } },
    })
    expect((await call(staff, 'POST', '/lecture-sign-ins', { code: 'abc' })).status).toBe(400)

    const month = (BODIES.schedule as { date: string }).date.slice(0, 7)
    const calendar = (await call(undefined, 'GET', `/lecture-calendar?month=${month}`)).body as { orderId: string; townshipName: string }[]
    expect(calendar.find((e) => e.orderId === order.id)).toMatchObject({ townshipName: '海门街道' })
    expect(JSON.stringify(calendar)).not.toContain(PHONE)
    expect((await call(undefined, 'GET', '/lecture-calendar?month=2026-13')).status).toBe(400)

    // photos are the lecturer's uploads: an address from elsewhere, or someone else's upload, is refused
    const photo = await uploadedPhoto(server, lecturer.token)
    const notMine = await uploadedPhoto(server, otherLecturer.token)
    for (const photos of [['/media/covers/i001.jpg'], ['https://example.com/a.jpg'], [notMine]]) {
      expect(await act(lecturer, order.id, 'complete', { attendance: 76, summary: '讲解了缴费档次与补贴。', photos })).toMatchObject({
        status: 400,
        body: { error: { message: '请上传照片' } },
      })
    }
    expect((await act(lecturer, order.id, 'complete', { attendance: 76, summary: '讲解了缴费档次与补贴。', photos: [photo] })).body).toMatchObject({
      status: 'delivered',
      report: { attendance: 76, signedIn: 2, photos: [photo] },
    })
    expect((await call(lecturer, 'GET', `/lecture-orders/${order.id}/sign-in-code`)).status).toBe(409)
    const rated = (await act(resident, order.id, 'rate', { stars: 4, comment: '很实用' })).body as LectureOrder
    expect(rated.status).toBe('rated')
    expect(rated.timeline.map((e) => `${e.action}:${e.status}:${e.byName}`)).toEqual([
      'submit:submitted:林晓燕',
      'dispatch:dispatched:市宣讲中心派单员',
      'accept:accepted:陈海燕',
      'schedule:scheduled:陈海燕',
      'complete:delivered:陈海燕',
      'rate:rated:林晓燕',
    ])
    expect(rated.timeline[1].note).toBe('派给宣讲员陈海燕：请提前联系村里')
    expect(rated.timeline.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true)

    // the rating reaches the menu
    const topic = (await call(undefined, 'GET', '/lecture-topics/lt01')).body as {
      rating: { count: number }
      reviews: { stars: number; comment: string; regionName: string }[]
    }
    expect(topic.rating.count).toBeGreaterThan(126)
    expect(topic.reviews[0]).toMatchObject({ stars: 4, comment: '很实用', regionName: '椒江区 海门街道 城隍浦社区' })
    expect(JSON.stringify(topic)).not.toContain(PHONE)
    expect((await call(undefined, 'GET', '/lecture-topics/nope')).status).toBe(404)

    // 我的消息: one per status change, newest first
    const notes = (await call(resident, 'GET', '/notifications')).body as LectureNotification[]
    const mine = notes.filter((n) => n.orderId === order.id)
    expect(mine.map((n) => n.title)).toEqual(['感谢您的评价', '宣讲已完成', '宣讲已排期', '宣讲员已接单', '已派单', '点单已提交'])
    expect(mine.every((n) => n.wechat === 'not_sent')).toBe(true)
    const unread = ((await call(resident, 'GET', '/notifications/unread-count')).body as { unread: number }).unread
    expect(await call(resident, 'POST', `/notifications/${mine[0].id}/read`, {})).toMatchObject({ status: 200, body: { unread: unread - 1 } })
    expect((await call(otherResident, 'POST', `/notifications/${mine[1].id}/read`, {})).status).toBe(404)
    expect((await call(resident, 'GET', '/notifications')).headers.get('cache-control')).toBe('no-store')
  })

  it('lets a lecturer decline back to the dispatcher, who dispatches again', async () => {
    const order = await orderIn('dispatched')
    const back = (await act(lecturer, order.id, 'decline', { reason: '当天在外地培训' })).body as LectureOrder
    expect(back).toMatchObject({ status: 'submitted' })
    expect(back.lecturerId).toBeUndefined()
    expect((await call(lecturer, 'GET', `/lecture-orders/${order.id}`)).status).toBe(404)
    const incoming = (await call(dispatcher, 'GET', '/lecture-orders?status=submitted&pageSize=50')).body as Page<LectureOrder>
    expect(incoming.items.find((o) => o.id === order.id)!.timeline.at(-1)).toMatchObject({ action: 'decline', note: '原因：当天在外地培训' })
    expect((await act(dispatcher, order.id, 'dispatch', { lecturerId: 'u-lec-07' })).status).toBe(400)
    expect((await act(dispatcher, order.id, 'dispatch', { lecturerId: 'u-lec-11' })).body).toMatchObject({ status: 'dispatched', lecturerName: '蒋红' })
    // no longer assigned: the order is out of the lecturer's sight, so 404 as for an unknown id
    expect((await act(lecturer, order.id, 'decline', { reason: '  ' })).status).toBe(404)
  })

  describe('every action × caller × state through the routes', () => {
    const callers = () => [resident, dispatcher, lecturer, otherLecturer, staff, otherResident, responder, admin]
    it.each(LECTURE_STATUSES.map((s) => [s]))(
      'from %s: the allowed step answers 200, 404 for who may not see the order, any other 409, nothing changes',
      async (status) => {
        const order = await orderIn(status)
        const record = (await server.store.lectures.getOrder(order.id))!
        let allowed = 0
        for (const who of callers()) {
          const caller = { id: who.user.id, role: who.user.role, ...(who === lecturer ? { lecturerId: 'u-lec-01' } : {}) }
          for (const action of LECTURE_ACTIONS) {
            const decision = decide(action, actorOf(record, caller), status)
            if (decision.ok) {
              allowed++
              const fresh = await orderIn(status)
              const res = await act(who, fresh.id, action)
              expect([action, res.status, (res.body as LectureOrder).status]).toEqual([action, 200, decision.to])
            } else if (!canView(actorOf(record, caller))) {
              // exactly the answer for an unknown id: neither the order's existence nor its state shows
              const res = await act(who, order.id, action)
              const unknown = await act(who, 'no-such-order', action)
              expect([action, who.user.nickname, res.status, res.body]).toEqual([action, who.user.nickname, 404, unknown.body])
              expect(unknown.status).toBe(404)
            } else {
              const res = await act(who, order.id, action)
              expect([action, who.user.nickname, res.status, (res.body as { error: { message: string } }).error.message]).toEqual([
                action,
                who.user.nickname,
                409,
                decision.message,
              ])
            }
          }
        }
        expect(allowed).toBe({ submitted: 3, dispatched: 5, accepted: 4, scheduled: 2, delivered: 1, rated: 0, cancelled: 0, rejected: 0 }[status])
        expect(await server.store.lectures.getOrder(order.id)).toEqual(record)
      },
    )

    it('refuses steps and reads without a session (401) and answers 404 for an unknown order', async () => {
      expect((await act(undefined as unknown as Session, 'x', 'accept')).status).toBe(401)
      expect((await act(dispatcher, 'no-such-order', 'dispatch')).status).toBe(404)
      expect((await call(undefined, 'GET', '/lecture-orders/mine')).status).toBe(401)
      expect((await call(resident, 'GET', '/lecture-orders')).status).toBe(403)
      expect((await call(resident, 'GET', '/lecture-orders/assigned')).status).toBe(403)
      expect((await submit(dispatcher)).status).toBe(403)
      expect((await submit(lecturer)).status).toBe(403)
    })
  })

  describe('validation: a clear 400 and nothing stored', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a bad phone', { contactPhone: '12345678901' }, '手机号格式不正确，请填写11位手机号'],
      ['a short phone', { contactPhone: '1381234567' }, '手机号格式不正确，请填写11位手机号'],
      ['a past start date', { dateFrom: addDays(today, -1) }, '不能选择已经过去的日期'],
      ['a past end date', { dateFrom: today, dateTo: addDays(today, -3) }, '不能选择已经过去的日期'],
      ['an end before the start', { dateFrom: addDays(today, 5), dateTo: addDays(today, 2) }, '结束日期不能早于开始日期'],
      ['a date that does not exist', { dateFrom: '2027-02-30' }, '请选择开始日期'],
      ['a date beyond 180 days', { dateTo: addDays(today, 181) }, '只能预约180天内的宣讲'],
      ['an unknown village', { villageCode: '331002001999' }, '请选择宣讲所在的村（社区）'],
      ['a township instead of a village', { villageCode: '331002001' }, '请选择宣讲所在的村（社区）'],
      ['an unknown topic', { topicId: 'lt99' }, '请从宣讲菜单中选择专题'],
      ['a format the topic lacks', { topicId: 'lt03', format: 'online' }, '该专题不提供线上直播宣讲'],
      ['no audience', { audienceSize: 0 }, '预计听众人数应为1到2000人'],
      ['a blank contact', { contactName: '   ' }, '请填写联系人'],
      ['a blank place', { placeName: '' }, '请填写宣讲地点'],
      ['a wrong time of day', { timeOfDay: 'night' }, '请选择上午、下午或晚上'],
    ]
    it.each(cases)('refuses %s', async (_what, change, message) => {
      const before = (await server.store.lectures.listOrders({ page: 1, pageSize: 1 })).total
      const res = await submit(staff, { ...VALID, ...change }, `bad-${_what}`)
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message } } })
      expect((await server.store.lectures.listOrders({ page: 1, pageSize: 1 })).total).toBe(before)
      expect((await server.store.lectures.listOrdersByUser(staff.user.id)).filter((o) => o.placeName !== VALID.placeName)).toEqual([])
    })

    it('checks step input too: schedule in the past, stars out of range, a blank reason', async () => {
      const order = await orderIn('accepted')
      expect((await act(lecturer, order.id, 'schedule', { date: addDays(today, -1), time: '09:00', place: '礼堂' })).body).toMatchObject({
        error: { message: '不能选择已经过去的日期' },
      })
      expect((await act(lecturer, order.id, 'schedule', { date: today, time: '25:00', place: '礼堂' })).body).toMatchObject({
        error: { message: '请选择宣讲时间' },
      })
      expect((await act(lecturer, order.id, 'decline', { reason: ' ' })).body).toMatchObject({ error: { message: '请填写退回原因' } })
      const delivered = await orderIn('delivered')
      expect((await act(resident, delivered.id, 'rate', { stars: 6 })).status).toBe(400)
      expect((await act(resident, delivered.id, 'rate', { stars: 0 })).status).toBe(400)
      expect((await server.store.lectures.getOrder(delivered.id))!.status).toBe('delivered')
      expect((await server.store.lectures.getOrder(order.id))!.status).toBe('accepted')
    })
  })

  describe('Idempotency-Key', () => {
    it('a retried submission stores one order and replays the first answer', async () => {
      const first = await submit(otherResident, VALID, 'same-key')
      const again = await submit(otherResident, VALID, 'same-key')
      expect(again.status).toBe(201)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect((again.body as LectureOrder).id).toBe((first.body as LectureOrder).id)
      const mine = (await call(otherResident, 'GET', '/lecture-orders/mine')).body as LectureOrder[]
      expect(mine.filter((o) => o.id === (first.body as LectureOrder).id)).toHaveLength(1)
      expect(mine).toHaveLength(1)
      expect((await submit(otherResident, { ...VALID, audienceSize: 81 }, 'same-key')).status).toBe(422)
    })

    it('a retried step replays instead of a 409', async () => {
      const order = await orderIn('submitted')
      const first = await act(dispatcher, order.id, 'dispatch', BODIES.dispatch, 'dispatch-once')
      const again = await act(dispatcher, order.id, 'dispatch', BODIES.dispatch, 'dispatch-once')
      expect(again.status).toBe(200)
      expect(again.body).toEqual(first.body)
      expect((await server.store.lectures.getOrder(order.id))!.timeline).toHaveLength(2)
    })
  })

  // requests sent together: each route reads the order before any of them writes, so only the
  // repository's check inside its transaction (on the locked row on PostgreSQL) stands between them
  describe('requests at once', () => {
    const statuses = (results: { status: number }[]) => results.map((r) => r.status).sort()

    it('two accepts of one order: one 200, one 409 with the usual message, one timeline event', async () => {
      const order = await orderIn('dispatched')
      const results = await Promise.all([act(lecturer, order.id, 'accept'), act(lecturer, order.id, 'accept')])
      expect(statuses(results)).toEqual([200, 409])
      const refused = decide('accept', 'assigned-lecturer', 'accepted')
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({ error: { message: !refused.ok && refused.message } })
      const record = (await server.store.lectures.getOrder(order.id))!
      expect(record.status).toBe('accepted')
      expect(record.timeline.filter((e) => e.action === 'accept')).toHaveLength(1)
    })

    it('a cancel and a rejection at once: exactly one of them happens', async () => {
      const order = await orderIn('submitted')
      const results = await Promise.all([act(resident, order.id, 'cancel'), act(dispatcher, order.id, 'reject')])
      expect(statuses(results)).toEqual([200, 409])
      const record = (await server.store.lectures.getOrder(order.id))!
      expect(record.timeline.map((e) => e.action)).toEqual(['submit', results[0].status === 200 ? 'cancel' : 'reject'])
    })

    it('a lecture is rated once, however many ratings arrive together', async () => {
      const order = await orderIn('delivered')
      const results = await Promise.all([1, 2, 3, 4].map((stars) => act(resident, order.id, 'rate', { stars })))
      expect(statuses(results)).toEqual([200, 409, 409, 409])
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body).toMatchObject({ error: { message: '您已评价过，每个点单只能评价一次' } })
      }
      const record = (await server.store.lectures.getOrder(order.id))!
      expect(record.rating!.stars).toBe((results.find((r) => r.status === 200)!.body as LectureOrder).rating!.stars)
      expect(record.timeline.filter((e) => e.action === 'rate')).toHaveLength(1)
    })

    it('one Idempotency-Key sent five times at once makes one order; the others replay it', async () => {
      const someone = await login('resident', '并发点单的居民')
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => submit(someone, VALID, 'at-once')))
      expect(statuses(results)).toEqual([201, 201, 201, 201, 201])
      expect(new Set(results.map((r) => (r.body as LectureOrder).id)).size).toBe(1)
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4)
      expect(await server.store.lectures.listOrdersByUser(someone.user.id)).toHaveLength(1)
      expect(await server.store.lectures.listNotifications(someone.user.id)).toHaveLength(1)
    })

    it('one step with one Idempotency-Key sent twice at once: one step, one replay', async () => {
      const order = await orderIn('dispatched')
      const results = await Promise.all([act(lecturer, order.id, 'accept', {}, 'accept-at-once'), act(lecturer, order.id, 'accept', {}, 'accept-at-once')])
      expect(statuses(results)).toEqual([200, 200])
      expect(results[0].body).toEqual(results[1].body)
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1)
      expect((await server.store.lectures.getOrder(order.id))!.timeline).toHaveLength(3)
    })
  })
  describe('phone masking', () => {
    it('shows the full number to the dispatcher and the assigned lecturer only', async () => {
      const order = await orderIn('accepted')
      const view = async (who: Session) => ((await call(who, 'GET', `/lecture-orders/${order.id}`)).body as LectureOrder).contactPhone
      expect(await view(resident)).toBe(MASKED)
      expect(await view(dispatcher)).toBe(PHONE)
      expect(await view(lecturer)).toBe(PHONE)
      expect(await view(admin)).toBe(MASKED)
      for (const who of [otherLecturer, otherResident, staff, responder]) expect((await call(who, 'GET', `/lecture-orders/${order.id}`)).status).toBe(404)
      const list = (await call(dispatcher, 'GET', '/lecture-orders?county=331002&pageSize=50')).body as Page<LectureOrder>
      expect(list.items.every((o) => o.contactPhone === PHONE && o.countyCode === '331002')).toBe(true)
      expect(((await call(admin, 'GET', '/lecture-orders?pageSize=50')).body as Page<LectureOrder>).items.every((o) => o.contactPhone === MASKED)).toBe(true)
      expect(((await call(resident, 'GET', '/lecture-orders/mine')).body as LectureOrder[]).every((o) => o.contactPhone === MASKED)).toBe(true)
    })

    it('lists incoming orders oldest first, filtered by status and county', async () => {
      const page = (await call(dispatcher, 'GET', '/lecture-orders?status=submitted&county=331002&pageSize=50')).body as Page<LectureOrder>
      const times = page.items.map((o) => o.createdAt)
      expect(times).toEqual([...times].sort())
      expect(page.items.every((o) => o.status === 'submitted')).toBe(true)
      expect(((await call(dispatcher, 'GET', '/lecture-orders?county=331081')).body as Page<LectureOrder>).total).toBe(0)
    })

    it('never writes a phone number to the log', () => {
      expect(log.length).toBeGreaterThan(50)
      expect(log.join('\n')).not.toContain(PHONE)
      expect(log.join('\n')).toContain('lecture order submitted')
    })
  })
})

describe('WeChat subscription messages', () => {
  let wx: FakeWechat
  let server: TestServer
  const { call } = harness(() => server)

  beforeAll(async () => {
    wx = await startFakeWechat()
  })
  afterAll(() => wx.close())

  const wechatLogin = async (code: string) => {
    const res = await server.api('/auth/wechat', postJson({ code }))
    return (await res.json()) as Session
  }
  const waitFor = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20))
  }

  it('sends one per status change when configured, and records sent / not sent', async () => {
    server = await startTestServer({
      storeKind: 'memory',
      devLogin: true,
      wechat: { appId: 'wx-app', secret: 's', apiBase: wx.apiBase, timeoutMs: 2000, lectureTemplateId: 'tmpl-lecture' },
    })
    try {
      const alice = await wechatLogin('alice')
      const dispatcher = (await (await server.api('/auth/dev', postJson({ role: 'dispatcher', name: '派单员' }))).json()) as Session
      const order = (await call(alice, 'POST', '/lecture-orders', VALID)).body as LectureOrder
      await call(dispatcher, 'POST', `/lecture-orders/${order.id}/dispatch`, { lecturerId: 'u-lec-01' })
      await waitFor(() => wx.callsTo('/cgi-bin/message/subscribe/send').length === 2)
      const sends = wx.callsTo('/cgi-bin/message/subscribe/send')
      expect(sends.map((c) => c.body.template_id)).toEqual(['tmpl-lecture', 'tmpl-lecture'])
      expect(sends[1].body).toMatchObject({
        touser: 'o-alice',
        page: `packages/lecture/pages/detail/index?id=${order.id}`,
        data: { thing1: { value: '城乡居民养老保险政策解读' }, phrase2: { value: '已派单' }, thing3: { value: '已派单' } },
      })
      expect(JSON.stringify(sends)).not.toContain(PHONE)
      let notes: LectureNotification[] = []
      await waitFor(async () => {
        notes = await server.store.lectures.listNotifications(alice.user.id)
        return notes.every((n) => n.wechat === 'sent')
      })
      expect(notes.map((n) => n.wechat)).toEqual(['sent', 'sent'])

      // an orderer who never accepted the template: WeChat says 43101, recorded as not sent
      const bob = await wechatLogin('unsubscribed-bob')
      await call(bob, 'POST', '/lecture-orders', VALID)
      await waitFor(async () => (await server.store.lectures.listNotifications(bob.user.id))[0]?.wechat !== 'pending')
      expect((await server.store.lectures.listNotifications(bob.user.id))[0].wechat).toBe('not_sent')

      // a dev-login resident has no openid: nothing is sent
      const carol = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: '卡罗' }))).json()) as Session
      await call(carol, 'POST', '/lecture-orders', VALID)
      expect((await server.store.lectures.listNotifications(carol.user.id))[0].wechat).toBe('not_sent')
    } finally {
      await server.close()
    }
  })

  it('records a failure when WeChat cannot be reached', async () => {
    server = await startTestServer({
      storeKind: 'memory',
      devLogin: true,
      wechat: { appId: 'wx-app', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 500, lectureTemplateId: 'tmpl-lecture' },
    })
    try {
      const user = await server.store.auth.upsertUser({ provider: 'wechat', externalId: 'o-offline', nickname: '微信用户', role: 'resident' })
      const session = await server.store.auth.createSession({ userId: user.id })
      await call({ token: session.token, user: { ...user } }, 'POST', '/lecture-orders', VALID)
      await waitFor(async () => (await server.store.lectures.listNotifications(user.id))[0]?.wechat !== 'pending')
      expect((await server.store.lectures.listNotifications(user.id))[0].wechat).toBe('failed')
    } finally {
      await server.close()
    }
  })
})
