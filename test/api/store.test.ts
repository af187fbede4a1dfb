/**
 * The store suite: the SQLite store (a file; mock mode runs the same on :memory:) must answer every read and write
 * the same way (sample fixtures), and agree with each other on the real fixtures.
 */
import { join } from 'node:path'
import { type ConsultationInput, ROLES } from '../../common/contract'
import type { Fixtures } from '../../mock/types'
import { openStore } from '../../server/store/open-store'
import { type Store, type StoreOptions } from '../../server/store/store'
import { StoreConflict } from '../../server/db/conflict'
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

  describe('videos', () => {
    it('lists newest first, filters by topic, paginates', async () => {
      expect(ids((await store.media.listVideos(all)).items)).toEqual(['v2', 'v1', 'v3'])
      expect(ids((await store.media.listVideos({ ...all, topic: 'yibao' })).items)).toEqual(['v1', 'v3'])
      expect(await store.media.listVideos({ page: 2, pageSize: 1 })).toMatchObject({ total: 3, items: [{ id: 'v1' }] })
    })

    it('returns a video whole, with the policy its interpretation explains', async () => {
      const policyOf = (videoIndex: number) => {
        const interpretation = sampleFixtures.interpretations.find((i) => i.id === sampleFixtures.videos[videoIndex].interpretationId)
        const policy = sampleFixtures.policies.find((p) => p.id === interpretation?.policyId)
        return policy ? { policy: { id: policy.id, title: policy.title } } : {}
      }
      expect(await store.media.getVideo('v1')).toEqual({ ...sampleFixtures.videos[0], ...policyOf(0) })
      expect((await store.media.getVideo('v1'))?.policy?.id).toBe('p1')
      expect(await store.media.getVideo('v2')).toEqual({ ...sampleFixtures.videos[1], ...policyOf(1) })
      expect(await store.media.getVideo('nope')).toBeUndefined()
    })
  })

  describe('courses', () => {
    it('lists summaries with counts computed from the lessons', async () => {
      expect(await store.media.listCourses()).toEqual([
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

    it('returns a course with its lessons in order', async () => {
      const course = (await store.media.getCourse('c1'))!
      expect(course).toMatchObject({ lessonCount: 2, totalSec: 70 })
      expect(course.lessons).toEqual(sampleFixtures.courses[0].lessons)
      expect(await store.media.getCourse('nope')).toBeUndefined()
    })
  })

  it('lists lecture topics in seed order, filtered by topic', async () => {
    expect(await store.lectures.listTopics()).toEqual(sampleFixtures.lectureTopics)
    expect(await store.lectures.listTopics({ topic: 'yanglao' })).toEqual([sampleFixtures.lectureTopics[1]])
    expect(await store.lectures.listTopics({ topic: 'nope' })).toEqual([])
  })

  describe('campaigns', () => {
    it('derives status from the dates, ignoring the seeded one', async () => {
      const byId = Object.fromEntries((await store.quiz.listCampaigns()).map((c) => [c.id, c.status]))
      expect(byId).toEqual({ 'q-ended': 'ended', 'q-ongoing': 'ongoing', 'q-upcoming': 'upcoming' })
    })

    it('orders ongoing, upcoming, ended', async () => {
      expect(ids(await store.quiz.listCampaigns())).toEqual(['q-ongoing', 'q-upcoming', 'q-ended'])
    })

    it('filters by derived status', async () => {
      expect(ids(await store.quiz.listCampaigns({ status: 'ongoing' }))).toEqual(['q-ongoing'])
      expect(ids(await store.quiz.listCampaigns({ status: 'ended' }))).toEqual(['q-ended'])
    })

    it('moves with the clock: a bare start date begins at 00:00 Beijing time', async () => {
      clock.set(new Date('2025-06-15T15:59:59.999Z'))
      expect((await store.quiz.getCampaign('q-upcoming'))!.status).toBe('upcoming')
      clock.set(new Date('2025-06-15T16:00:00.000Z'))
      expect((await store.quiz.getCampaign('q-upcoming'))!.status).toBe('ongoing')
      clock.set(new Date('2025-06-30T00:00:00+08:00'))
      expect((await store.quiz.getCampaign('q-ongoing'))!.status).toBe('ended')
      expect(ids(await store.quiz.listCampaigns({ status: 'ongoing' }))).toEqual(['q-upcoming'])
    })

    it('returns a campaign whole with its derived status, and no questions', async () => {
      const campaign = (await store.quiz.getCampaign('q-ongoing'))!
      // 参与人数 is counted from the attempts (none here), not taken from the fixture's figure
      expect(campaign).toEqual({ ...sampleFixtures.campaigns[1], participants: 0, status: 'ongoing' })
      expect(JSON.stringify(campaign)).not.toMatch(/answer|explanation|qq1/)
      expect(await store.quiz.getCampaign('nope')).toBeUndefined()
    })

    it('lists summaries only', async () => {
      const [summary] = await store.quiz.listCampaigns()
      expect(Object.keys(summary).sort()).toEqual(['cover', 'department', 'endsAt', 'id', 'participants', 'startsAt', 'status', 'title'])
    })
  })

  describe('users and sessions', () => {
    it('upserts a user by provider and external id', async () => {
      const a = await store.auth.upsertUser({ provider: 'dev', externalId: 'staff:张三', nickname: '张三', role: 'staff' })
      const again = await store.auth.upsertUser({ provider: 'dev', externalId: 'staff:张三', nickname: '改名', role: 'admin' })
      const other = await store.auth.upsertUser({ provider: 'wechat', externalId: 'staff:张三', nickname: '微信用户', role: 'resident' })
      expect(a).toEqual({ id: expect.any(String), nickname: '张三', role: 'staff' })
      expect(again).toEqual(a)
      expect(other.id).not.toBe(a.id)
      expect(await store.auth.getUser(a.id)).toEqual(a)
      expect(await store.auth.getUser('nope')).toBeUndefined()
    })

    it('keeps a region code', async () => {
      const u = await store.auth.upsertUser({ provider: 'dev', externalId: 'r', nickname: 'r', role: 'resident', regionCode: '331002' })
      expect(u.regionCode).toBe('331002')
    })

    it('creates a 30-day session with a 64-hex token, found by the token', async () => {
      const user = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:x', nickname: 'x', role: 'resident' })
      const session = await store.auth.createSession({ userId: user.id, sessionKey: 'secret-key' })
      expect(session.token).toMatch(/^[0-9a-f]{64}$/)
      expect(Date.parse(session.expiresAt) - SAMPLE_NOW.getTime()).toBe(30 * DAY)
      expect(session.user).toEqual(user)
      expect(JSON.stringify(session)).not.toContain('secret-key')
      expect(await store.auth.getSession(session.token)).toEqual(session)
      expect(await store.auth.getSession('0'.repeat(64))).toBeUndefined()
    })

    it('forgets a session once it expires', async () => {
      const user = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:y', nickname: 'y', role: 'resident' })
      const { token } = await store.auth.createSession({ userId: user.id })
      clock.advance(30 * DAY - 1)
      expect(await store.auth.getSession(token)).toBeDefined()
      clock.advance(1)
      expect(await store.auth.getSession(token)).toBeUndefined()
    })

    it('accepts every role', async () => {
      for (const role of ROLES) {
        expect((await store.auth.upsertUser({ provider: 'dev', externalId: `${role}:r`, nickname: 'r', role })).role).toBe(role)
      }
    })

    it('refuses a session for an unknown user', async () => {
      await expect(store.auth.createSession({ userId: 'nope' })).rejects.toThrow()
    })

    it('knows the openid of WeChat users only', async () => {
      const wx = await store.auth.upsertUser({ provider: 'wechat', externalId: 'o-openid-1', nickname: '微信用户', role: 'resident' })
      const dev = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:openid', nickname: 'd', role: 'resident' })
      expect(await store.auth.wechatOpenid(wx.id)).toBe('o-openid-1')
      expect(await store.auth.wechatOpenid(dev.id)).toBeUndefined()
      expect(await store.auth.wechatOpenid('nope')).toBeUndefined()
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
      regionCode: '331002001003',
      phone: '13812345678',
    }
    const conflictOf = async (run: () => Promise<unknown>) => {
      try {
        await run()
      } catch (err) {
        return err instanceof StoreConflict ? err.reason : err
      }
      return undefined
    }

    beforeEach(async () => {
      s = await make(sampleFixtures, { now: clock.now })
      alice = (await s.auth.upsertUser({ provider: 'dev', externalId: 'resident:alice', nickname: 'alice', role: 'resident' })).id
      bob = (await s.auth.upsertUser({ provider: 'dev', externalId: 'resident:bob', nickname: 'bob', role: 'resident' })).id
      const r = await s.auth.upsertUser({ provider: 'dev', externalId: 'responder:医保局', nickname: '台州市医疗保障局', role: 'responder' })
      responder = { userId: r.id, department: r.nickname }
    })
    afterEach(() => s.close())

    it('stores a pending consultation and shows its phone masked', async () => {
      const { consultation, replayed } = await s.consultations.createConsultation(alice, input)
      expect(replayed).toBe(false)
      expect(consultation).toEqual({
        id: expect.any(String),
        topic: 'yibao',
        question: '城乡居民医保在哪里缴费？',
        regionCode: '331002001003',
        phoneMasked: '138****5678',
        status: 'pending',
        createdAt: SAMPLE_NOW.toISOString(),
      })
      expect(JSON.stringify(await s.consultations.listConsultationsByUser(alice))).not.toContain('13812345678')
      expect(await s.consultations.getConsultation(consultation.id)).toEqual({
        ...consultation,
        phoneMasked: undefined,
        phone: '13812345678',
        userId: alice,
      })
    })

    it('keeps no phone when none is given', async () => {
      const { phone: _phone, ...noPhone } = input
      const { consultation } = await s.consultations.createConsultation(alice, noPhone)
      expect(consultation).not.toHaveProperty('phoneMasked')
      expect((await s.consultations.listConsultations(all)).items[0]).not.toHaveProperty('phone')
    })

    it("lists a user's own, newest first, ties in insertion order", async () => {
      const first = (await s.consultations.createConsultation(alice, input)).consultation
      const second = (await s.consultations.createConsultation(alice, { ...input, question: '同一时刻的第二个问题' })).consultation
      clock.advance(1000)
      const third = (await s.consultations.createConsultation(alice, { ...input, question: '一秒后的第三个问题' })).consultation
      await s.consultations.createConsultation(bob, input)
      expect(ids(await s.consultations.listConsultationsByUser(alice))).toEqual([third.id, second.id, first.id])
      expect(await s.consultations.listConsultationsByUser(bob)).toHaveLength(1)
      expect(await s.consultations.listConsultationsByUser('nobody')).toEqual([])
    })

    it('refuses an unknown user, topic or region and stores nothing', async () => {
      // the driver's error, not necessarily an Error of jest's realm (better-sqlite3 is loaded once per worker)
      const foreignKey = { message: expect.stringMatching(/foreign key/i) }
      await expect(s.consultations.createConsultation('nope', input)).rejects.toMatchObject(foreignKey)
      await expect(s.consultations.createConsultation(alice, { ...input, topic: 'nope' })).rejects.toMatchObject(foreignKey)
      await expect(s.consultations.createConsultation(alice, { ...input, regionCode: '999999' })).rejects.toMatchObject(foreignKey)
      expect((await s.consultations.listConsultations(all)).total).toBe(0)
    })

    it('with an idempotency key: the same input replays the first answer, other input is refused', async () => {
      const first = await s.consultations.createConsultation(alice, input, 'key-1')
      clock.advance(60_000)
      const again = await s.consultations.createConsultation(alice, input, 'key-1')
      expect(again).toEqual({ consultation: first.consultation, replayed: true })
      expect(await conflictOf(() => s.consultations.createConsultation(alice, { ...input, question: '换了一个问题的内容' }, 'key-1'))).toBe(
        'idempotency-key-reused',
      )
      expect((await s.consultations.listConsultations(all)).total).toBe(1)

      // keys are per user, and a new key is a new consultation
      expect((await s.consultations.createConsultation(bob, input, 'key-1')).replayed).toBe(false)
      expect((await s.consultations.createConsultation(alice, input, 'key-2')).replayed).toBe(false)
      expect((await s.consultations.createConsultation(alice, input)).replayed).toBe(false)
      expect((await s.consultations.listConsultations(all)).total).toBe(4)
    })

    it('keeps the idempotency record: scope, status 201, the masked answer', async () => {
      const { consultation } = await s.consultations.createConsultation(alice, input, 'key-r')
      const record = (await s.consultations.findIdempotencyRecord(alice, 'POST /consultations', 'key-r'))!
      expect(record).toEqual({
        requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        status: 201,
        body: consultation,
        createdAt: SAMPLE_NOW.toISOString(),
      })
      expect(JSON.stringify(record)).not.toContain('13812345678')
      expect(await s.consultations.findIdempotencyRecord(bob, 'POST /consultations', 'key-r')).toBeUndefined()
      expect(await s.consultations.findIdempotencyRecord(alice, 'POST /other', 'key-r')).toBeUndefined()
    })

    it('lists all for responders, with the full phone, by status and page', async () => {
      const a = (await s.consultations.createConsultation(alice, input)).consultation
      clock.advance(1000)
      const b = (await s.consultations.createConsultation(bob, { ...input, phone: undefined })).consultation
      clock.advance(1000)
      const c = (await s.consultations.createConsultation(bob, { ...input, phone: '19900001111' })).consultation
      await s.consultations.replyConsultation(b.id, responder, '已答复')

      const page = await s.consultations.listConsultations(all)
      expect(ids(page.items)).toEqual([c.id, b.id, a.id])
      expect(page.items[0]).toMatchObject({ phone: '19900001111', phoneMasked: '199****1111' })
      expect(page.items[1]).not.toHaveProperty('phone')
      expect(ids((await s.consultations.listConsultations({ ...all, status: 'pending' })).items)).toEqual([c.id, a.id])
      expect(ids((await s.consultations.listConsultations({ ...all, status: 'answered' })).items)).toEqual([b.id])
      expect(await s.consultations.listConsultations({ page: 2, pageSize: 2 })).toMatchObject({ total: 3, page: 2, items: [{ id: a.id }] })
    })

    it('answers once: the reply with its department and time, then a conflict', async () => {
      const { consultation } = await s.consultations.createConsultation(alice, input)
      clock.advance(3 * 60 * 60 * 1000)
      const answered = (await s.consultations.replyConsultation(consultation.id, responder, '可在浙里办缴费。'))!
      const repliedAt = new Date(SAMPLE_NOW.getTime() + 3 * 60 * 60 * 1000).toISOString()
      expect(answered).toEqual({
        consultation: {
          ...consultation,
          status: 'answered',
          reply: { text: '可在浙里办缴费。', department: '台州市医疗保障局', repliedAt },
        },
        replayed: false,
      })
      expect(await s.consultations.listConsultationsByUser(alice)).toEqual([answered.consultation])
      expect((await s.consultations.getConsultation(consultation.id))!.repliedBy).toBe(responder.userId)

      clock.advance(1000)
      // a second reply, even with the very same text, changes nothing
      expect(await conflictOf(() => s.consultations.replyConsultation(consultation.id, responder, '可在浙里办缴费。'))).toBe('already-answered')
      expect(await conflictOf(() => s.consultations.replyConsultation(consultation.id, responder, '另一个答复'))).toBe('already-answered')
      expect(await s.consultations.listConsultationsByUser(alice)).toEqual([answered.consultation])
    })

    it('replays a reply with the same key and text; undefined for an unknown id', async () => {
      const { consultation } = await s.consultations.createConsultation(alice, input)
      const first = (await s.consultations.replyConsultation(consultation.id, responder, '答复内容', 'reply-key'))!
      expect(await s.consultations.replyConsultation(consultation.id, responder, '答复内容', 'reply-key')).toEqual({
        consultation: first.consultation,
        replayed: true,
      })
      expect(await conflictOf(() => s.consultations.replyConsultation(consultation.id, responder, '别的内容', 'reply-key'))).toBe('idempotency-key-reused')
      expect((await s.consultations.findIdempotencyRecord(responder.userId, 'POST /consultations/:id/reply', 'reply-key'))!.status).toBe(200)
      expect(await s.consultations.replyConsultation('nope', responder, '答复内容')).toBeUndefined()
      expect(await s.consultations.getConsultation('nope')).toBeUndefined()
    })
  })
})
