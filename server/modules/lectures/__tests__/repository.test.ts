/**
 * The lecture repository answers every write and read — orders,
 * steps through the rules, timelines, idempotent replays, notifications, sign-in.
 */
import { join } from 'node:path'
import { openStore } from '../../../store/open-store'
import type { Store, StoreOptions } from '../../../store/store'
import { IdempotencyKeyReused } from '../idempotency'
import { type LectureCaller, LectureRefusal, type NewOrderFields } from '../orders'
import type { Fixtures } from '../../../../mock/types'
import { makeClock } from '../../../../test/api/helpers/clock'
import { SAMPLE_NOW, sampleFixtures } from '../../../../test/api/helpers/sample-fixtures'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'

type Factory = (fixtures: Fixtures, options: StoreOptions) => Promise<Store>
const temp = makeTempDir('zct-lecture-store-')
let fileSeq = 0
afterAll(() => temp.remove())

const factories: [string, Factory][] = [
  ['sqlite', async (fixtures, options) => openStore({ kind: 'sqlite', file: join(temp.path, `l${fileSeq++}.db`), fixtures, ...options })],
]

const fields: NewOrderFields = {
  topicId: 'lt1',
  topicTitle: '医保政策进村',
  format: 'onsite',
  villageCode: '331002001003',
  countyCode: '331002',
  townshipCode: '331002001',
  regionName: '椒江区 海门街道 城隍浦社区',
  placeName: '城隍浦社区文化家园',
  dateFrom: '2025-06-20',
  dateTo: '2025-06-30',
  timeOfDay: 'afternoon',
  audienceSize: 60,
  contactName: '林阿姨',
  contactPhone: '13812345678',
  notes: '老年人较多，请多讲异地就医备案',
}
const none = { wechat: 'not_sent' as const }
const MIN = 60 * 1000

describe.each(factories)('%s lecture repository', (_kind, make) => {
  const clock = makeClock(SAMPLE_NOW)
  let store: Store
  let resident: LectureCaller
  let staff: LectureCaller
  let dispatcher: LectureCaller
  let lecturer: LectureCaller
  let otherLecturer: LectureCaller

  const user = async (role: LectureCaller['role'], name: string, lecturerId?: string): Promise<LectureCaller> => {
    const u = await store.auth.upsertUser({ provider: 'dev', externalId: `${role}:${name}`, nickname: name, role })
    return { id: u.id, role, name, ...(lecturerId ? { lecturerId } : {}) }
  }

  beforeAll(async () => {
    store = await make(sampleFixtures, { now: clock.now })
    resident = await user('resident', '林阿姨')
    staff = await user('staff', '城隍浦社区服务点')
    dispatcher = await user('dispatcher', '派单员')
    lecturer = await user('lecturer', '王老师', 'u-l1')
    otherLecturer = await user('lecturer', '李老师', 'u-l9')
  })
  beforeEach(() => clock.set(SAMPLE_NOW))
  afterAll(() => store.close())

  const order = async (caller = resident, key?: string) => (await store.lectures.createOrder(caller, fields, { ...none, idempotencyKey: key })).order
  const step = async (id: string, command: Parameters<Store['lectures']['transition']>[1], caller: LectureCaller, key?: string) => {
    clock.advance(MIN)
    return (await store.lectures.transition(id, command, caller, { ...none, idempotencyKey: key }))!
  }

  it('stores a submitted order with its first timeline step; the orderer sees the phone masked', async () => {
    const created = await order()
    expect(created).toMatchObject({
      topicId: 'lt1',
      status: 'submitted',
      contactPhone: '138****5678',
      orderer: { name: '林阿姨', role: 'resident' },
      onBehalf: false,
      actions: ['cancel'],
      timeline: [{ action: 'submit', status: 'submitted', byRole: 'resident', byName: '林阿姨', at: SAMPLE_NOW.toISOString() }],
    })
    const record = (await store.lectures.getOrder(created.id))!
    expect(record.contactPhone).toBe('13812345678')
    expect(record.timeline[0].byUserId).toBe(resident.id)
  })

  it('a completion photo that is no longer an upload (swept after the route checked it) refuses the step, nothing changed', async () => {
    const { id } = await order()
    await step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, dispatcher)
    await step(id, { action: 'accept' }, lecturer)
    await step(id, { action: 'schedule', date: '2025-06-25', time: '14:30', place: '城隍浦社区文化礼堂' }, lecturer)
    const before = await store.lectures.getOrder(id)
    const gone = '/media/uploads/0123456789abcdef0123456789abcdef.jpg'
    await expect(step(id, { action: 'complete', attendance: 5, summary: '讲了', photos: [gone] }, lecturer)).rejects.toThrow(
      new LectureRefusal('照片已过期，请重新上传'),
    )
    expect(await store.lectures.getOrder(id)).toEqual(before)
  })

  it('records staff ordering for their village as 代点单', async () => {
    const created = await order(staff)
    expect(created.onBehalf).toBe(true)
    expect(created.timeline[0].note).toBe('代城隍浦社区点单')
  })

  it('walks the whole loop, each step recorded with who and when', async () => {
    const { id } = await order()
    expect((await step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, dispatcher)).order.contactPhone).toBe('13812345678')
    await step(id, { action: 'accept' }, lecturer)
    const scheduled = (await step(id, { action: 'schedule', date: '2025-06-25', time: '14:30', place: '城隍浦社区文化礼堂' }, lecturer)).order
    expect(scheduled.schedule).toEqual({ date: '2025-06-25', time: '14:30', place: '城隍浦社区文化礼堂' })
    const code = (await store.lectures.signInCode(id))!
    expect(code).toMatch(/^\d{6}$/)
    expect(await store.lectures.orderIdForCode(code)).toBe(id)
    expect(await store.lectures.signIn(id, resident.id, code)).toMatchObject({ ok: true, already: false, signedIn: 1 })
    expect(await store.lectures.signIn(id, resident.id, code)).toMatchObject({ ok: true, already: true, signedIn: 1 })
    expect(await store.lectures.signIn(id, staff.id, '000000' === code ? '111111' : '000000')).toEqual({ ok: false, reason: 'wrong-code' })
    const delivered = (
      await step(id, { action: 'complete', attendance: 58, summary: '讲解了门诊报销和异地就医备案。', photos: ['/media/covers/i001.jpg'] }, lecturer)
    ).order
    expect(delivered.report).toEqual({ attendance: 58, summary: '讲解了门诊报销和异地就医备案。', photos: ['/media/covers/i001.jpg'], signedIn: 1 })
    // the code is retired with the lecture
    expect(await store.lectures.signInCode(id)).toBeUndefined()
    expect(await store.lectures.signIn(id, staff.id, code)).toEqual({ ok: false, reason: 'not-open' })
    const rated = (await step(id, { action: 'rate', stars: 5, comment: '讲得很实在' }, resident)).order
    expect(rated.status).toBe('rated')
    expect(rated.actions).toEqual([])
    expect(rated.timeline.map((e) => [e.action, e.status, e.byName])).toEqual([
      ['submit', 'submitted', '林阿姨'],
      ['dispatch', 'dispatched', '派单员'],
      ['accept', 'accepted', '王老师'],
      ['schedule', 'scheduled', '王老师'],
      ['complete', 'delivered', '王老师'],
      ['rate', 'rated', '林阿姨'],
    ])
    expect(rated.timeline.map((e) => e.at)).toEqual([0, 1, 2, 3, 4, 5].map((i) => new Date(SAMPLE_NOW.getTime() + i * MIN).toISOString()))
    expect(rated.timeline[1].note).toBe('派给宣讲员王老师')
    expect(await store.lectures.getOrder(id)).toMatchObject({ status: 'rated', rating: { stars: 5, comment: '讲得很实在' } })
    expect((await store.lectures.reviews('lt1'))[0]).toMatchObject({
      topicId: 'lt1',
      stars: 5,
      comment: '讲得很实在',
      regionName: '椒江区 海门街道 城隍浦社区',
    })
  })

  it('hands a declined order back to the dispatcher without a lecturer', async () => {
    const { id } = await order()
    await step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, dispatcher)
    const back = (await step(id, { action: 'decline', reason: '当天在外地培训' }, lecturer)).order
    expect(back.status).toBe('submitted')
    expect(back.lecturerId).toBeUndefined()
    expect(back.timeline.at(-1)).toMatchObject({ action: 'decline', status: 'submitted', note: '原因：当天在外地培训' })
    expect((await store.lectures.getOrder(id))!.lecturerId).toBeUndefined()
  })

  it('refuses what the rules refuse and changes nothing', async () => {
    const { id } = await order()
    const before = await store.lectures.getOrder(id)
    const unread = await store.lectures.unreadCount(resident.id)
    await expect(step(id, { action: 'accept' }, otherLecturer)).rejects.toThrow(LectureRefusal)
    await expect(step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, resident)).rejects.toThrow('只有宣讲派单员可以派单')
    await expect(step(id, { action: 'rate', stars: 5 }, resident)).rejects.toThrow('宣讲完成后才能评价')
    expect(await store.lectures.getOrder(id)).toEqual(before)
    expect(await store.lectures.unreadCount(resident.id)).toBe(unread)
  })

  it('returns undefined for an unknown order', async () => {
    expect(await store.lectures.transition('nope', { action: 'accept' }, lecturer, none)).toBeUndefined()
    expect(await store.lectures.getOrder('nope')).toBeUndefined()
  })

  describe('idempotency', () => {
    it('a retried submission replays the first answer and stores one order', async () => {
      const fresh = await user('resident', '重试的居民')
      const first = await store.lectures.createOrder(fresh, fields, { ...none, idempotencyKey: 'k-1' })
      const again = await store.lectures.createOrder(fresh, fields, { ...none, idempotencyKey: 'k-1' })
      expect(again).toEqual({ order: first.order, replayed: true })
      expect(await store.lectures.listOrdersByUser(fresh.id)).toHaveLength(1)
      expect(await store.lectures.listNotifications(fresh.id)).toHaveLength(1)
      await expect(store.lectures.createOrder(fresh, { ...fields, audienceSize: 61 }, { ...none, idempotencyKey: 'k-1' })).rejects.toThrow(IdempotencyKeyReused)
      // keys are per user
      const other = await user('resident', '另一位居民')
      expect((await store.lectures.createOrder(other, fields, { ...none, idempotencyKey: 'k-1' })).replayed).toBe(false)
      expect(await store.lectures.findReplay(fresh.id, 'POST /lecture-orders', 'k-1')).toMatchObject({ status: 201 })
    })

    it('a retried step replays instead of being refused as a second step', async () => {
      const { id } = await order()
      const first = await step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, dispatcher, 'd-1')
      const again = await step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, dispatcher, 'd-1')
      expect(again).toEqual({ order: first.order, replayed: true })
      expect((await store.lectures.getOrder(id))!.timeline).toHaveLength(2)
      await expect(step(id, { action: 'dispatch', lecturerId: 'u-l2', lecturerName: '李老师' }, dispatcher, 'd-1')).rejects.toThrow(IdempotencyKeyReused)
    })
  })

  describe('lists', () => {
    it("lists a user's own newest first and the dispatcher's oldest first, by status and county", async () => {
      const someone = await user('resident', '列表居民')
      const a = (await store.lectures.createOrder(someone, fields, none)).order
      clock.advance(MIN)
      const b = (await store.lectures.createOrder(someone, fields, none)).order
      expect((await store.lectures.listOrdersByUser(someone.id)).map((o) => o.id)).toEqual([b.id, a.id])
      const page = await store.lectures.listOrders({ page: 1, pageSize: 50, status: 'submitted' })
      const ids = page.items.map((o) => o.id)
      expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id))
      expect(page.items.every((o) => o.status === 'submitted')).toBe(true)
      expect(page.items[0].timeline.length).toBeGreaterThan(0)
      expect((await store.lectures.listOrders({ page: 1, pageSize: 50, county: '331003' })).total).toBe(0)
      expect((await store.lectures.listOrders({ page: 1, pageSize: 2 })).items).toHaveLength(2)
    })

    it("lists a lecturer's assignments, scheduled first by date", async () => {
      const l = await user('lecturer', '张老师', 'u-l5')
      const one = await order()
      const two = await order()
      for (const o of [one, two]) {
        await step(o.id, { action: 'dispatch', lecturerId: 'u-l5', lecturerName: '张老师' }, dispatcher)
        await step(o.id, { action: 'accept' }, l)
      }
      await step(two.id, { action: 'schedule', date: '2025-07-01', time: '09:00', place: '礼堂' }, l)
      await step(one.id, { action: 'schedule', date: '2025-07-02', time: '09:00', place: '礼堂' }, l)
      const three = await order()
      await step(three.id, { action: 'dispatch', lecturerId: 'u-l5', lecturerName: '张老师' }, dispatcher)
      expect((await store.lectures.listOrdersByLecturer('u-l5')).map((o) => o.id)).toEqual([two.id, one.id, three.id])
      expect((await store.lectures.calendar('2025-07')).map((o) => o.id)).toEqual([two.id, one.id])
      expect(await store.lectures.calendar('2025-07', '331003')).toEqual([])
      expect(await store.lectures.calendar('2025-08')).toEqual([])
    })
  })

  describe('notifications', () => {
    it('writes one per status change for the orderer, newest first; read marks count down', async () => {
      const someone = await user('resident', '消息居民')
      const { id } = (await store.lectures.createOrder(someone, fields, none)).order
      await step(id, { action: 'dispatch', lecturerId: 'u-l1', lecturerName: '王老师' }, dispatcher)
      await step(id, { action: 'reject', reason: '该村本月已安排同类宣讲' }, dispatcher)
      const list = await store.lectures.listNotifications(someone.id)
      expect(list.map((n) => [n.title, n.status, n.read, n.wechat])).toEqual([
        ['点单未通过', 'rejected', false, 'not_sent'],
        ['已派单', 'dispatched', false, 'not_sent'],
        ['点单已提交', 'submitted', false, 'not_sent'],
      ])
      expect(list[0].body).toBe('「医保政策进村」的点单被驳回：该村本月已安排同类宣讲')
      expect(await store.lectures.unreadCount(someone.id)).toBe(3)
      expect(await store.lectures.markNotificationRead(someone.id, list[0].id)).toBe(true)
      expect(await store.lectures.markNotificationRead(someone.id, list[0].id)).toBe(true)
      expect(await store.lectures.markNotificationRead(resident.id, list[1].id)).toBe(false)
      expect(await store.lectures.unreadCount(someone.id)).toBe(2)
      await store.lectures.setNotificationDelivery(list[1].id, 'sent')
      expect((await store.lectures.listNotifications(someone.id))[1]).toMatchObject({ wechat: 'sent', read: false })
      expect((await store.lectures.listNotifications(someone.id))[0].read).toBe(true)
    })
  })
})
