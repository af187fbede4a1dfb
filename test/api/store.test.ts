/**
 * The store suite: the SQLite store (a file; mock mode runs the same on :memory:) must answer every read and write
 * the same way (sample fixtures), and agree with each other on the real fixtures.
 */
import { join } from 'node:path'
import { type ConsultationInput, ROLES } from '../../common/contract'
import type { Fixtures } from '../../mock/types'
import { openStore } from '../../server/store/open-store'
import { type Store, StoreConflict, type StoreOptions } from '../../server/store/store'
import { makeClock } from './helpers/clock'
import { SAMPLE_NOW, sampleFixtures } from './helpers/sample-fixtures'
import { makeTempDir } from './helpers/temp-dir'

type Factory = (fixtures: Fixtures, options: StoreOptions) => Promise<Store>

const temp = makeTempDir('zct-store-')
let fileSeq = 0
afterAll(() => temp.remove())

const factories: [string, Factory][] = [
  ['sqlite', async (fixtures, options) => openStore({ kind: 'sqlite', file: join(temp.path, `s${fileSeq++}.db`), fixtures, ...options })],
]

const DAY = 24 * 60 * 60 * 1000
const all = { page: 1, pageSize: 50 }
const ids = (items: { id: string }[]) => items.map((x) => x.id)

describe.each(factories)('%s store', (_kind, make) => {
  const clock = makeClock(SAMPLE_NOW)
  let store: Store

  beforeAll(async () => {
    store = await make(sampleFixtures, { now: clock.now })
  })
  beforeEach(() => clock.set(SAMPLE_NOW))
  afterAll(() => store.close())

  describe('taxonomy', () => {
    it('lists topics in seed order', () => {
      expect(store.listTopics()).toEqual(sampleFixtures.topics)
    })

    it('lists the distinct policy departments in pinyin order', () => {
      expect(store.listDepartments()).toEqual(['台州市民政局', '台州市人民政府办公室', '台州市医疗保障局'])
    })

    it('returns the region tree; leaves have no children key', () => {
      const tree = store.regionTree()
      expect(tree.map((r) => r.name)).toEqual(['椒江区', '黄岩区'])
      expect(tree[0].children!.map((t) => t.code)).toEqual(['331002001', '331002002'])
      expect(tree[0].children![0].children).toEqual([{ code: '331002001001', name: '东山社区', level: 'village' }])
      expect(tree[0].children![1]).not.toHaveProperty('children')
      expect(tree[1]).not.toHaveProperty('children')
    })
  })

  describe('policies', () => {
    it('orders newest first, ties by id', () => {
      const page = store.searchPolicies(all)
      expect(ids(page.items)).toEqual(['p4', 'p1', 'p3', 'p2', 'p5'])
      expect(page.total).toBe(5)
    })

    it('returns summaries without the text', () => {
      const [first] = store.searchPolicies({ page: 1, pageSize: 1 }).items
      expect(first).toEqual({
        id: 'p4',
        title: '台州市高龄津贴发放办法（修订）',
        docNumber: '台民发〔2025〕2号',
        department: '台州市民政局',
        topic: 'yanglao',
        publishedAt: '2025-03-02',
        effectiveFrom: '2025-04-01',
        validity: 'valid',
        summary: '提高90周岁以上老年人津贴标准。',
      })
      const noEffective = store.searchPolicies({ ...all, q: '异地就医' }).items[0]
      expect(noEffective).not.toHaveProperty('effectiveFrom')
    })

    it.each([
      ['title', '高龄津贴', ['p4', 'p2']],
      ['doc number', '台政办发〔2021〕28号', ['p3']],
      ['summary', '跨省就医', ['p5']],
      ['section heading', '缴费标准', ['p1']],
      ['section text', '百岁老人', ['p4']],
      ['ASCII, any case', 'APP', ['p1']],
      ['all terms (AND)', '津贴 修订', ['p4']],
      ['ideographic space', '津贴\u3000社保卡', ['p2']],
      ['nothing', '不存在的词', []],
    ])('matches q in %s', (_what, q, expected) => {
      const page = store.searchPolicies({ ...all, q })
      expect(ids(page.items)).toEqual(expected)
      expect(page.total).toBe(expected.length)
    })

    it('treats a blank q as no filter', () => {
      expect(store.searchPolicies({ ...all, q: '   ' }).total).toBe(5)
    })

    it('filters by topic and department, combined with q', () => {
      expect(ids(store.searchPolicies({ ...all, topic: 'yibao' }).items)).toEqual(['p1', 'p5'])
      expect(ids(store.searchPolicies({ ...all, dept: '台州市民政局' }).items)).toEqual(['p4', 'p2'])
      expect(ids(store.searchPolicies({ ...all, topic: 'yibao', q: '备案' }).items)).toEqual(['p5'])
      expect(store.searchPolicies({ ...all, topic: 'nope' })).toEqual({ items: [], total: 0, page: 1, pageSize: 50 })
    })

    it('paginates without overlap, and past the end gives an empty page with the total', () => {
      const p1 = store.searchPolicies({ page: 1, pageSize: 2 })
      const p2 = store.searchPolicies({ page: 2, pageSize: 2 })
      const p3 = store.searchPolicies({ page: 3, pageSize: 2 })
      expect([...ids(p1.items), ...ids(p2.items), ...ids(p3.items)]).toEqual(['p4', 'p1', 'p3', 'p2', 'p5'])
      expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 })
      expect(store.searchPolicies({ page: 9, pageSize: 2 })).toEqual({ items: [], total: 5, page: 9, pageSize: 2 })
    })

    it('returns a policy whole, and undefined for an unknown id', () => {
      expect(store.getPolicy('p2')).toEqual(sampleFixtures.policies[1])
      expect(store.getPolicy('p4')).toEqual(sampleFixtures.policies[3])
      expect(store.getPolicy('nope')).toBeUndefined()
    })
  })

  describe('interpretations', () => {
    it('lists summaries newest first', () => {
      const page = store.listInterpretations(all)
      expect(ids(page.items)).toEqual(['i2', 'i3', 'i1'])
      expect(page.items[0]).not.toHaveProperty('blocks')
      expect(page.items[0]).not.toHaveProperty('videoIds')
    })

    it('filters by policy, topic and featured', () => {
      expect(ids(store.listInterpretations({ ...all, policyId: 'p4' }).items)).toEqual(['i2', 'i3'])
      expect(ids(store.listInterpretations({ ...all, topic: 'yibao' }).items)).toEqual(['i1'])
      expect(ids(store.listInterpretations({ ...all, featured: true }).items)).toEqual(['i2', 'i1'])
      expect(store.listInterpretations({ page: 2, pageSize: 2 })).toMatchObject({ total: 3, items: [{ id: 'i1' }] })
    })

    it('returns every block type intact', () => {
      expect(store.getInterpretation('i1')).toEqual(sampleFixtures.interpretations[0])
      expect(store.getInterpretation('nope')).toBeUndefined()
    })
  })

  it('returns a FAQ, with and without its links', () => {
    expect(store.getFaq('f1')).toEqual(sampleFixtures.faqs[0])
    expect(store.getFaq('f2')).toEqual(sampleFixtures.faqs[1])
    expect(store.getFaq('nope')).toBeUndefined()
  })

  describe('videos', () => {
    it('lists newest first, filters by topic, paginates', () => {
      expect(ids(store.listVideos(all).items)).toEqual(['v2', 'v1', 'v3'])
      expect(ids(store.listVideos({ ...all, topic: 'yibao' }).items)).toEqual(['v1', 'v3'])
      expect(store.listVideos({ page: 2, pageSize: 1 })).toMatchObject({ total: 3, items: [{ id: 'v1' }] })
    })

    it('returns a video whole', () => {
      expect(store.getVideo('v1')).toEqual(sampleFixtures.videos[0])
      expect(store.getVideo('v2')).toEqual(sampleFixtures.videos[1])
      expect(store.getVideo('nope')).toBeUndefined()
    })
  })

  describe('courses', () => {
    it('lists summaries with counts computed from the lessons', () => {
      expect(store.listCourses()).toEqual([
        {
          id: 'c1',
          title: '医保十问',
          topic: 'yibao',
          department: '台州市医疗保障局',
          cover: '/media/covers/c1.jpg',
          summary: '十个常见问题。',
          lessonCount: 2,
          totalSec: 70,
        },
        {
          id: 'c2',
          title: '养老金怎么算',
          topic: 'yanglao',
          department: '台州市人力资源和社会保障局',
          cover: '/media/covers/c2.jpg',
          summary: '一节课讲清。',
          lessonCount: 1,
          totalSec: 25,
        },
      ])
    })

    it('returns a course with its lessons in order', () => {
      const course = store.getCourse('c1')!
      expect(course).toMatchObject({ lessonCount: 2, totalSec: 70 })
      expect(course.lessons).toEqual(sampleFixtures.courses[0].lessons)
      expect(store.getCourse('nope')).toBeUndefined()
    })
  })

  it('lists lecture topics in seed order, filtered by topic', async () => {
    expect(await store.lectures.listTopics()).toEqual(sampleFixtures.lectureTopics)
    expect(await store.lectures.listTopics({ topic: 'yanglao' })).toEqual([sampleFixtures.lectureTopics[1]])
    expect(await store.lectures.listTopics({ topic: 'nope' })).toEqual([])
  })

  describe('campaigns', () => {
    it('derives status from the dates, ignoring the seeded one', () => {
      const byId = Object.fromEntries(store.listCampaigns().map((c) => [c.id, c.status]))
      expect(byId).toEqual({ 'q-ended': 'ended', 'q-ongoing': 'ongoing', 'q-upcoming': 'upcoming' })
    })

    it('orders ongoing, upcoming, ended', () => {
      expect(ids(store.listCampaigns())).toEqual(['q-ongoing', 'q-upcoming', 'q-ended'])
    })

    it('filters by derived status', () => {
      expect(ids(store.listCampaigns({ status: 'ongoing' }))).toEqual(['q-ongoing'])
      expect(ids(store.listCampaigns({ status: 'ended' }))).toEqual(['q-ended'])
    })

    it('moves with the clock: a bare start date begins at 00:00 Beijing time', () => {
      clock.set(new Date('2025-06-15T15:59:59.999Z'))
      expect(store.getCampaign('q-upcoming')!.status).toBe('upcoming')
      clock.set(new Date('2025-06-15T16:00:00.000Z'))
      expect(store.getCampaign('q-upcoming')!.status).toBe('ongoing')
      clock.set(new Date('2025-06-30T00:00:00+08:00'))
      expect(store.getCampaign('q-ongoing')!.status).toBe('ended')
      expect(ids(store.listCampaigns({ status: 'ongoing' }))).toEqual(['q-upcoming'])
    })

    it('returns a campaign whole with its derived status, and no questions', () => {
      const campaign = store.getCampaign('q-ongoing')!
      expect(campaign).toEqual({ ...sampleFixtures.campaigns[1], status: 'ongoing' })
      expect(JSON.stringify(campaign)).not.toMatch(/answer|explanation|qq1/)
      expect(store.getCampaign('nope')).toBeUndefined()
    })

    it('lists summaries only', () => {
      const [summary] = store.listCampaigns()
      expect(Object.keys(summary).sort()).toEqual(['cover', 'department', 'endsAt', 'id', 'participants', 'startsAt', 'status', 'title'])
    })
  })

  it('composes home: featured, topics, 5 latest policies, ongoing campaigns', () => {
    const home = store.home()
    expect(ids(home.featured)).toEqual(['i2', 'i1'])
    expect(home.topics).toEqual(sampleFixtures.topics)
    expect(ids(home.latestPolicies)).toEqual(['p4', 'p1', 'p3', 'p2', 'p5'])
    expect(ids(home.campaigns)).toEqual(['q-ongoing'])
  })

  describe('users and sessions', () => {
    it('upserts a user by provider and external id', () => {
      const a = store.upsertUser({ provider: 'dev', externalId: 'staff:张三', nickname: '张三', role: 'staff' })
      const again = store.upsertUser({ provider: 'dev', externalId: 'staff:张三', nickname: '改名', role: 'admin' })
      const other = store.upsertUser({ provider: 'wechat', externalId: 'staff:张三', nickname: '微信用户', role: 'resident' })
      expect(a).toEqual({ id: expect.any(String), nickname: '张三', role: 'staff' })
      expect(again).toEqual(a)
      expect(other.id).not.toBe(a.id)
      expect(store.getUser(a.id)).toEqual(a)
      expect(store.getUser('nope')).toBeUndefined()
    })

    it('keeps a region code', () => {
      const u = store.upsertUser({ provider: 'dev', externalId: 'r', nickname: 'r', role: 'resident', regionCode: '331002' })
      expect(u.regionCode).toBe('331002')
    })

    it('creates a 30-day session with a 64-hex token, found by the token', () => {
      const user = store.upsertUser({ provider: 'dev', externalId: 'resident:x', nickname: 'x', role: 'resident' })
      const session = store.createSession({ userId: user.id, sessionKey: 'secret-key' })
      expect(session.token).toMatch(/^[0-9a-f]{64}$/)
      expect(Date.parse(session.expiresAt) - SAMPLE_NOW.getTime()).toBe(30 * DAY)
      expect(session.user).toEqual(user)
      expect(JSON.stringify(session)).not.toContain('secret-key')
      expect(store.getSession(session.token)).toEqual(session)
      expect(store.getSession('0'.repeat(64))).toBeUndefined()
    })

    it('forgets a session once it expires', () => {
      const user = store.upsertUser({ provider: 'dev', externalId: 'resident:y', nickname: 'y', role: 'resident' })
      const { token } = store.createSession({ userId: user.id })
      clock.advance(30 * DAY - 1)
      expect(store.getSession(token)).toBeDefined()
      clock.advance(1)
      expect(store.getSession(token)).toBeUndefined()
    })

    it('accepts every role', () => {
      for (const role of ROLES) {
        expect(store.upsertUser({ provider: 'dev', externalId: `${role}:r`, nickname: 'r', role }).role).toBe(role)
      }
    })

    it('refuses a session for an unknown user', () => {
      expect(() => store.createSession({ userId: 'nope' })).toThrow()
    })

    it('knows the openid of WeChat users only', () => {
      const wx = store.upsertUser({ provider: 'wechat', externalId: 'o-openid-1', nickname: '微信用户', role: 'resident' })
      const dev = store.upsertUser({ provider: 'dev', externalId: 'resident:openid', nickname: 'd', role: 'resident' })
      expect(store.wechatOpenid(wx.id)).toBe('o-openid-1')
      expect(store.wechatOpenid(dev.id)).toBeUndefined()
      expect(store.wechatOpenid('nope')).toBeUndefined()
    })
  })

  describe('consultations', () => {
    // a fresh store per test: lists and counts start empty
    let s: Store
    let alice: string
    let bob: string
    let responder: { userId: string; department: string }
    const input: ConsultationInput = {
      topic: 'yibao',
      question: '城乡居民医保在哪里缴费？',
      regionCode: '331002001001',
      phone: '13812345678',
    }
    const conflictOf = (run: () => unknown) => {
      try {
        run()
      } catch (err) {
        return err instanceof StoreConflict ? err.reason : err
      }
      return undefined
    }

    beforeEach(async () => {
      s = await make(sampleFixtures, { now: clock.now })
      alice = s.upsertUser({ provider: 'dev', externalId: 'resident:alice', nickname: 'alice', role: 'resident' }).id
      bob = s.upsertUser({ provider: 'dev', externalId: 'resident:bob', nickname: 'bob', role: 'resident' }).id
      const r = s.upsertUser({ provider: 'dev', externalId: 'responder:医保局', nickname: '台州市医疗保障局', role: 'responder' })
      responder = { userId: r.id, department: r.nickname }
    })
    afterEach(() => s.close())

    it('stores a pending consultation and shows its phone masked', () => {
      const { consultation, replayed } = s.createConsultation(alice, input)
      expect(replayed).toBe(false)
      expect(consultation).toEqual({
        id: expect.any(String),
        topic: 'yibao',
        question: '城乡居民医保在哪里缴费？',
        regionCode: '331002001001',
        phoneMasked: '138****5678',
        status: 'pending',
        createdAt: SAMPLE_NOW.toISOString(),
      })
      expect(JSON.stringify(s.listConsultationsByUser(alice))).not.toContain('13812345678')
      expect(s.getConsultation(consultation.id)).toEqual({
        ...consultation,
        phoneMasked: undefined,
        phone: '13812345678',
        userId: alice,
      })
    })

    it('keeps no phone when none is given', () => {
      const { phone: _phone, ...noPhone } = input
      const { consultation } = s.createConsultation(alice, noPhone)
      expect(consultation).not.toHaveProperty('phoneMasked')
      expect(s.listConsultations(all).items[0]).not.toHaveProperty('phone')
    })

    it("lists a user's own, newest first, ties in insertion order", () => {
      const first = s.createConsultation(alice, input).consultation
      const second = s.createConsultation(alice, { ...input, question: '同一时刻的第二个问题' }).consultation
      clock.advance(1000)
      const third = s.createConsultation(alice, { ...input, question: '一秒后的第三个问题' }).consultation
      s.createConsultation(bob, input)
      expect(ids(s.listConsultationsByUser(alice))).toEqual([third.id, second.id, first.id])
      expect(s.listConsultationsByUser(bob)).toHaveLength(1)
      expect(s.listConsultationsByUser('nobody')).toEqual([])
    })

    it('refuses an unknown user, topic or region and stores nothing', () => {
      expect(() => s.createConsultation('nope', input)).toThrow()
      expect(() => s.createConsultation(alice, { ...input, topic: 'nope' })).toThrow()
      expect(() => s.createConsultation(alice, { ...input, regionCode: '999999' })).toThrow()
      expect(s.listConsultations(all).total).toBe(0)
    })

    it('with an idempotency key: the same input replays the first answer, other input is refused', () => {
      const first = s.createConsultation(alice, input, 'key-1')
      clock.advance(60_000)
      const again = s.createConsultation(alice, input, 'key-1')
      expect(again).toEqual({ consultation: first.consultation, replayed: true })
      expect(conflictOf(() => s.createConsultation(alice, { ...input, question: '换了一个问题的内容' }, 'key-1'))).toBe('idempotency-key-reused')
      expect(s.listConsultations(all).total).toBe(1)

      // keys are per user, and a new key is a new consultation
      expect(s.createConsultation(bob, input, 'key-1').replayed).toBe(false)
      expect(s.createConsultation(alice, input, 'key-2').replayed).toBe(false)
      expect(s.createConsultation(alice, input).replayed).toBe(false)
      expect(s.listConsultations(all).total).toBe(4)
    })

    it('keeps the idempotency record: scope, status 201, the masked answer', () => {
      const { consultation } = s.createConsultation(alice, input, 'key-r')
      const record = s.findIdempotencyRecord(alice, 'POST /consultations', 'key-r')!
      expect(record).toEqual({
        requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        status: 201,
        body: consultation,
        createdAt: SAMPLE_NOW.toISOString(),
      })
      expect(JSON.stringify(record)).not.toContain('13812345678')
      expect(s.findIdempotencyRecord(bob, 'POST /consultations', 'key-r')).toBeUndefined()
      expect(s.findIdempotencyRecord(alice, 'POST /other', 'key-r')).toBeUndefined()
    })

    it('lists all for responders, with the full phone, by status and page', () => {
      const a = s.createConsultation(alice, input).consultation
      clock.advance(1000)
      const b = s.createConsultation(bob, { ...input, phone: undefined }).consultation
      clock.advance(1000)
      const c = s.createConsultation(bob, { ...input, phone: '19900001111' }).consultation
      s.replyConsultation(b.id, responder, '已答复')

      const page = s.listConsultations(all)
      expect(ids(page.items)).toEqual([c.id, b.id, a.id])
      expect(page.items[0]).toMatchObject({ phone: '19900001111', phoneMasked: '199****1111' })
      expect(page.items[1]).not.toHaveProperty('phone')
      expect(ids(s.listConsultations({ ...all, status: 'pending' }).items)).toEqual([c.id, a.id])
      expect(ids(s.listConsultations({ ...all, status: 'answered' }).items)).toEqual([b.id])
      expect(s.listConsultations({ page: 2, pageSize: 2 })).toMatchObject({ total: 3, page: 2, items: [{ id: a.id }] })
    })

    it('answers once: the reply with its department and time, then a conflict', () => {
      const { consultation } = s.createConsultation(alice, input)
      clock.advance(3 * 60 * 60 * 1000)
      const answered = s.replyConsultation(consultation.id, responder, '可在浙里办缴费。')!
      const repliedAt = new Date(SAMPLE_NOW.getTime() + 3 * 60 * 60 * 1000).toISOString()
      expect(answered).toEqual({
        consultation: {
          ...consultation,
          status: 'answered',
          reply: { text: '可在浙里办缴费。', department: '台州市医疗保障局', repliedAt },
        },
        replayed: false,
      })
      expect(s.listConsultationsByUser(alice)).toEqual([answered.consultation])
      expect(s.getConsultation(consultation.id)!.repliedBy).toBe(responder.userId)

      clock.advance(1000)
      // a second reply, even with the very same text, changes nothing
      expect(conflictOf(() => s.replyConsultation(consultation.id, responder, '可在浙里办缴费。'))).toBe('already-answered')
      expect(conflictOf(() => s.replyConsultation(consultation.id, responder, '另一个答复'))).toBe('already-answered')
      expect(s.listConsultationsByUser(alice)).toEqual([answered.consultation])
    })

    it('replays a reply with the same key and text; undefined for an unknown id', () => {
      const { consultation } = s.createConsultation(alice, input)
      const first = s.replyConsultation(consultation.id, responder, '答复内容', 'reply-key')!
      expect(s.replyConsultation(consultation.id, responder, '答复内容', 'reply-key')).toEqual({
        consultation: first.consultation,
        replayed: true,
      })
      expect(conflictOf(() => s.replyConsultation(consultation.id, responder, '别的内容', 'reply-key'))).toBe('idempotency-key-reused')
      expect(s.findIdempotencyRecord(responder.userId, 'POST /consultations/:id/reply', 'reply-key')!.status).toBe(200)
      expect(s.replyConsultation('nope', responder, '答复内容')).toBeUndefined()
      expect(s.getConsultation('nope')).toBeUndefined()
    })
  })
})
