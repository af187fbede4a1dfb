/**
 * 政策咨询 over HTTP, on the suite's database (SQLite, or PostgreSQL under test:pg): validation,
 * roles, Idempotency-Key, phone masking, the reply flow, content checks (local word list, and
 * msgSecCheck against a local stand-in for WeChat), text stored verbatim, and logs without phone
 * numbers.
 */
import type { Consultation, ConsultationForResponder, Page, Role } from '../../common/contract'
import { CONSULTATION_QUESTION_MAX, CONSULTATION_REPLY_MAX } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { CONTENT_REFUSED_MESSAGE } from '../../server/content-check'
import { findListedWord, loadWordList, normalizeForMatch } from '../../server/content-check/sensitive-words'
import { startFakeWechat, type FakeWechat } from './helpers/fake-wechat'
import { bearer, postJson, startTestServer } from './helpers/test-server'

const PHONE = '13812345678'
const MASKED = '138****5678'
const VALID = { topic: 'yibao', question: '城乡居民医保在哪里缴费？', regionCode: '331002001003', phone: PHONE }

/** a server with its log captured, and its database read between requests to count committed rows */
async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const log: string[] = []
  const server = await startTestServer({
    devLogin: true,
    // abuse limits off: these tests ask many questions from one account (test/api/abuse-limits.test.ts has them on)
    rateLimit: false,
    logger: true,
    logLevel: 'trace',
    logStream: { write: (line) => void log.push(line) },
    ...options,
  })
  const db = server.store.database.kysely
  let seq = 0
  return {
    server,
    log,
    /** committed rows (on PostgreSQL read over another connection of the pool, as another instance would) */
    count: async () =>
      (
        await db
          .selectFrom('consultations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    row: (id: string) => db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    login: async (role: Role, name = `${role}-${++seq}`): Promise<string> => {
      const res = await server.api('/auth/dev', postJson({ role, name }))
      return ((await res.json()) as { token: string }).token
    },
    submit: (token: string | undefined, body: unknown, key?: string) =>
      server.api(
        '/consultations',
        postJson(body, {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(key !== undefined ? { 'idempotency-key': key } : {}),
        }),
      ),
    reply: (token: string | undefined, id: string, body: unknown, key?: string) =>
      server.api(
        `/consultations/${id}/reply`,
        postJson(body, {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(key !== undefined ? { 'idempotency-key': key } : {}),
        }),
      ),
    async close() {
      await server.close()
    },
  }
}

type Harness = Awaited<ReturnType<typeof start>>

async function expectError(res: Response, status: number, code: string, message?: string) {
  expect(res.status).toBe(status)
  const body = await res.json()
  expect(body).toEqual({ error: { code, message: message ?? expect.stringMatching(/[\u4e00-\u9fff]/) } })
  expect(res.headers.get('cache-control')).toBe('no-store')
}

describe('POST /consultations and friends (local word list)', () => {
  let h: Harness
  let resident: string
  beforeAll(async () => {
    h = await start()
    resident = await h.login('resident')
  })
  afterAll(() => h.close())

  describe('who may', () => {
    it('401 without a session, for every route', async () => {
      await expectError(await h.submit(undefined, VALID), 401, 'unauthorized', '请先登录')
      await expectError(await h.server.api('/consultations/mine'), 401, 'unauthorized')
      await expectError(await h.server.api('/consultations'), 401, 'unauthorized')
      await expectError(await h.reply(undefined, 'x', { text: '答复' }), 401, 'unauthorized')
      await expectError(await h.submit('a'.repeat(64), VALID), 401, 'unauthorized', '登录已过期，请重新登录')
    })

    it('403 for the responder list and replies unless responder or admin', async () => {
      const before = await h.count()
      const { id } = (await (await h.submit(resident, VALID)).json()) as Consultation
      for (const role of ['resident', 'staff', 'dispatcher', 'lecturer'] as const) {
        const token = await h.login(role)
        await expectError(await h.server.api('/consultations', bearer(token)), 403, 'forbidden')
        await expectError(await h.reply(token, id, { text: '我来答复' }), 403, 'forbidden')
      }
      expect((await h.row(id)).status).toBe('pending')
      expect(await h.count()).toBe(before + 1)
    })

    it('any signed-in role may ask', async () => {
      for (const role of ['staff', 'responder', 'admin'] as const) {
        expect((await h.submit(await h.login(role), VALID)).status).toBe(201)
      }
    })
  })

  describe('validation: each bad field → 400 and nothing stored', () => {
    const { phone: _phone, ...noPhone } = VALID
    it.each([
      ['no topic', { ...VALID, topic: undefined }, '请选择咨询主题'],
      ['an unknown topic', { ...VALID, topic: 'nope' }, '请选择咨询主题'],
      ['no question', { ...VALID, question: undefined }, '请填写咨询问题'],
      ['a question that is not text', { ...VALID, question: { text: '医保在哪里缴费' } }, '请填写咨询问题'],
      ['a question too short once trimmed', { ...VALID, question: '  医保？  ' }, '问题至少5个字'],
      ['a blank question', { ...VALID, question: ' \n\t ' }, '问题至少5个字'],
      ['a question over 500 characters', { ...VALID, question: '问'.repeat(CONSULTATION_QUESTION_MAX + 1) }, '问题最多500字'],
      ['a question of megabytes', { ...VALID, question: '问'.repeat(CONSULTATION_QUESTION_MAX * 2 + 1) }, '问题最多500字'],
      ['no region', { ...VALID, regionCode: undefined }, '请选择所在地区'],
      ['an unknown region', { ...VALID, regionCode: '330000' }, '请选择所在地区'],
      ['a region that is not text', { ...VALID, regionCode: { code: '331002' } }, '请选择所在地区'],
      ['a phone too short', { ...VALID, phone: '1381234567' }, '手机号格式不正确'],
      ['a phone not starting 13–19', { ...VALID, phone: '12812345678' }, '手机号格式不正确'],
      ['a phone with letters', { ...VALID, phone: '1381234567x' }, '手机号格式不正确'],
      ['a phone with spaces', { ...VALID, phone: '138 1234 5678' }, '手机号格式不正确'],
      ['an empty phone', { ...VALID, phone: '' }, '手机号格式不正确'],
      ['a landline', { ...noPhone, phone: '0576-88888888' }, '手机号格式不正确'],
    ])('%s', async (_what, body, message) => {
      const before = await h.count()
      await expectError(await h.submit(resident, body), 400, 'bad_request', message)
      expect(await h.count()).toBe(before)
    })

    it('a body that is not JSON, or not an object', async () => {
      const before = await h.count()
      const headers = { authorization: `Bearer ${resident}`, 'content-type': 'application/json' }
      await expectError(await h.server.api('/consultations', { method: 'POST', headers, body: '{"topic":' }), 400, 'bad_request')
      await expectError(await h.server.api('/consultations', { method: 'POST', headers, body: '[]' }), 400, 'bad_request')
      expect(await h.count()).toBe(before)
    })

    it('an Idempotency-Key longer than 128 characters, or empty', async () => {
      const before = await h.count()
      const message = 'Idempotency-Key 须为 1 到 128 个字符'
      await expectError(await h.submit(resident, VALID, 'k'.repeat(129)), 400, 'bad_request', message)
      await expectError(await h.submit(resident, VALID, ''), 400, 'bad_request', message)
      expect((await h.submit(resident, VALID, 'k'.repeat(128))).status).toBe(201)
      expect(await h.count()).toBe(before + 1)
    })

    it('accepts county, township and village codes, and no phone', async () => {
      for (const regionCode of ['331002', '331002001', '331002001003']) {
        expect((await h.submit(resident, { ...VALID, regionCode })).status).toBe(201)
      }
      const res = await h.submit(resident, noPhone)
      expect(res.status).toBe(201)
      expect(await res.json()).not.toHaveProperty('phoneMasked')
    })
  })

  describe('Idempotency-Key', () => {
    it('the same key and body twice: one row, the first answer replayed', async () => {
      const before = await h.count()
      const first = await h.submit(resident, VALID, 'same-key-1')
      expect(first.status).toBe(201)
      expect(first.headers.get('idempotent-replayed')).toBeNull()
      const created = (await first.json()) as Consultation

      const again = await h.submit(resident, VALID, 'same-key-1')
      expect(again.status).toBe(201)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(await again.json()).toEqual(created)
      expect(await h.count()).toBe(before + 1)
    })

    it('the same input, differently padded, is the same request', async () => {
      const before = await h.count()
      const a = (await (await h.submit(resident, VALID, 'pad-key')).json()) as Consultation
      const b = await h.submit(resident, { ...VALID, question: `  ${VALID.question}\n` }, 'pad-key')
      expect(((await b.json()) as Consultation).id).toBe(a.id)
      expect(await h.count()).toBe(before + 1)
    })

    it('a concurrent double submit with one key creates one row', async () => {
      const before = await h.count()
      const responses = await Promise.all(Array.from({ length: 6 }, () => h.submit(resident, VALID, 'double-tap')))
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201])
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as Consultation[]
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1)
      expect(await h.count()).toBe(before + 1)
    })

    it('the same key with a different body is refused and changes nothing', async () => {
      const created = (await (await h.submit(resident, VALID, 'reused')).json()) as Consultation
      const before = await h.count()
      for (const body of [
        { ...VALID, question: '换成另一个问题可以吗？' },
        { ...VALID, phone: '13900001111' },
        { ...VALID, regionCode: '331002' },
      ]) {
        await expectError(await h.submit(resident, body, 'reused'), 422, 'conflict', '同一请求键不能用于不同内容')
      }
      expect(await h.count()).toBe(before)
      expect((await h.row(created.id)).question).toBe(VALID.question)
    })

    it('keys are per user; without a key nothing is deduplicated', async () => {
      const other = await h.login('resident')
      const before = await h.count()
      const a = (await (await h.submit(resident, VALID, 'shared-key')).json()) as Consultation
      const b = (await (await h.submit(other, VALID, 'shared-key')).json()) as Consultation
      expect(b.id).not.toBe(a.id)
      await h.submit(resident, VALID)
      await h.submit(resident, VALID)
      expect(await h.count()).toBe(before + 4)
    })
  })

  describe('phone numbers', () => {
    it('residents see them masked everywhere; the raw JSON never holds the number', async () => {
      const me = await h.login('resident', '掩码测试')
      const created = await h.submit(me, VALID, 'mask-key')
      const createdRaw = await created.text()
      expect(JSON.parse(createdRaw).phoneMasked).toBe(MASKED)
      const replayRaw = await (await h.submit(me, VALID, 'mask-key')).text()
      const mineRaw = await (await h.server.api('/consultations/mine', bearer(me))).text()
      expect(JSON.parse(mineRaw)[0].phoneMasked).toBe(MASKED)
      for (const raw of [createdRaw, replayRaw, mineRaw]) {
        expect(raw).not.toContain(PHONE)
        expect(raw).not.toMatch(/"phone"/)
      }
      // stored in full, for the department
      expect((await h.row(JSON.parse(createdRaw).id)).phone).toBe(PHONE)
    })

    it('the responder list has the full number (responder and admin only)', async () => {
      const asker = await h.login('resident')
      const { id } = (await (await h.submit(asker, { ...VALID, phone: '19912345678' })).json()) as Consultation
      for (const role of ['responder', 'admin'] as const) {
        const raw = await (await h.server.api('/consultations?pageSize=50', bearer(await h.login(role)))).text()
        const page = JSON.parse(raw) as Page<ConsultationForResponder>
        expect(page.items.find((c) => c.id === id)).toMatchObject({ phone: '19912345678', phoneMasked: '199****5678' })
      }
    })

    it('the reply a responder gets back is masked too', async () => {
      const { id } = (await (await h.submit(resident, VALID)).json()) as Consultation
      const raw = await (await h.reply(await h.login('responder'), id, { text: '请到窗口办理。' })).text()
      expect(JSON.parse(raw).phoneMasked).toBe(MASKED)
      expect(raw).not.toContain(PHONE)
    })
  })

  describe('GET /consultations/mine and GET /consultations', () => {
    it('mine: only my own, newest first', async () => {
      const me = await h.login('resident')
      const other = await h.login('resident')
      await h.submit(other, VALID)
      const ids: string[] = []
      for (const question of ['第一个问题是这个', '第二个问题是这个', '第三个问题是这个']) {
        ids.unshift(((await (await h.submit(me, { ...VALID, question })).json()) as Consultation).id)
      }
      const res = await h.server.api('/consultations/mine', bearer(me))
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const mine = (await res.json()) as Consultation[]
      expect(mine.map((c) => c.id)).toEqual(ids)
      expect(mine[0]).toMatchObject({ question: '第三个问题是这个', status: 'pending', topic: 'yibao' })
      expect(mine[0]).not.toHaveProperty('reply')
    })

    it('the responder list filters by status, pages, and is not cached', async () => {
      const responder = await h.login('responder')
      const all = await h.server.api('/consultations?pageSize=2', bearer(responder))
      expect(all.status).toBe(200)
      expect(all.headers.get('cache-control')).toBe('no-store')
      const page = (await all.json()) as Page<ConsultationForResponder>
      expect(page).toMatchObject({ page: 1, pageSize: 2, total: await h.count() })
      expect(page.items).toHaveLength(2)

      const pending = (await (await h.server.api('/consultations?status=pending&pageSize=50', bearer(responder))).json()) as Page<ConsultationForResponder>
      expect(pending.items.every((c) => c.status === 'pending')).toBe(true)
      await expectError(await h.server.api('/consultations?status=done', bearer(responder)), 400, 'bad_request')
    })
  })

  describe('concurrent requests: exactly once (rows counted through the API, so on either database)', () => {
    it('10 concurrent POSTs with one Idempotency-Key make one consultation, and all answer the same', async () => {
      const me = await h.login('resident')
      const body = { ...VALID, question: '十个并发请求，同一个请求键，只应有一条咨询。' }
      const responses = await Promise.all(Array.from({ length: 10 }, () => h.submit(me, body, 'parallel-key')))
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201))
      expect(responses.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1)
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as Consultation[]
      for (const b of bodies) expect(b).toEqual(bodies[0])
      const mine = (await (await h.server.api('/consultations/mine', bearer(me))).json()) as Consultation[]
      expect(mine).toEqual([bodies[0]])
    })

    it('5 concurrent replies to one consultation: one 200, the rest 409, and the 200 is what is stored', async () => {
      const asker = await h.login('resident')
      const { id } = (await (await h.submit(asker, VALID)).json()) as Consultation
      const responders = await Promise.all(Array.from({ length: 5 }, (_, i) => h.login('responder', `并发答复员${i}`)))
      const responses = await Promise.all(responders.map((token, i) => h.reply(token, id, { text: `第${i + 1}份答复` })))
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
      const winner = responses.find((r) => r.status === 200)!
      const answered = (await winner.json()) as Consultation
      for (const r of responses.filter((x) => x.status === 409)) await expectError(r, 409, 'conflict', '该咨询已答复')
      const [mine] = (await (await h.server.api('/consultations/mine', bearer(asker))).json()) as Consultation[]
      expect(mine).toEqual(answered)
    })

    it('5 concurrent retries of one reply with its Idempotency-Key: all 200 with the one answer', async () => {
      const { id } = (await (await h.submit(resident, VALID)).json()) as Consultation
      const responder = await h.login('responder')
      const responses = await Promise.all(Array.from({ length: 5 }, () => h.reply(responder, id, { text: '已受理，三日内回电。' }, 'parallel-reply')))
      expect(responses.map((r) => r.status)).toEqual(Array(5).fill(200))
      expect(responses.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1)
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as Consultation[]
      for (const b of bodies) expect(b).toEqual(bodies[0])
    })
  })

  describe('replies', () => {
    it('the resident sees 已回复 with the answer, who answered and when', async () => {
      const asker = await h.login('resident')
      const { id, createdAt } = (await (await h.submit(asker, VALID)).json()) as Consultation
      const responder = await h.login('responder', '台州市医疗保障局')

      const res = await h.reply(responder, id, { text: '  可通过浙里办、支付宝或银行网点缴纳。 ' })
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const answered = (await res.json()) as Consultation
      expect(answered).toMatchObject({
        id,
        status: 'answered',
        reply: { text: '可通过浙里办、支付宝或银行网点缴纳。', department: '台州市医疗保障局', repliedAt: expect.any(String) },
      })
      expect(Date.parse(answered.reply!.repliedAt)).toBeGreaterThanOrEqual(Date.parse(createdAt))

      const [mine] = (await (await h.server.api('/consultations/mine', bearer(asker))).json()) as Consultation[]
      expect(mine).toEqual(answered)
      expect(await h.row(id)).toMatchObject({ status: 'answered', reply_department: '台州市医疗保障局' })
    })

    it('a second reply is 409 and changes nothing, even with the same text', async () => {
      const { id } = (await (await h.submit(resident, VALID)).json()) as Consultation
      const responder = await h.login('responder')
      expect((await h.reply(responder, id, { text: '第一次答复' })).status).toBe(200)
      await expectError(await h.reply(responder, id, { text: '第一次答复' }), 409, 'conflict', '该咨询已答复')
      await expectError(await h.reply(await h.login('admin'), id, { text: '改一下' }), 409, 'conflict', '该咨询已答复')
      expect((await h.row(id)).reply_text).toBe('第一次答复')
    })

    it('a retried reply with its Idempotency-Key gets the first answer back', async () => {
      const { id } = (await (await h.submit(resident, VALID)).json()) as Consultation
      const responder = await h.login('responder')
      const first = await (await h.reply(responder, id, { text: '已受理' }, 'reply-1')).json()
      const again = await h.reply(responder, id, { text: '已受理' }, 'reply-1')
      expect(again.status).toBe(200)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(await again.json()).toEqual(first)
      await expectError(await h.reply(responder, id, { text: '别的' }, 'reply-1'), 422, 'conflict')
    })

    it('404 for an unknown consultation; 400 for an empty or too long reply', async () => {
      const responder = await h.login('responder')
      await expectError(await h.reply(responder, 'no-such-id', { text: '答复' }), 404, 'not_found', '找不到该咨询')
      const { id } = (await (await h.submit(resident, VALID)).json()) as Consultation
      await expectError(await h.reply(responder, id, { text: '   ' }), 400, 'bad_request', '请填写答复内容')
      await expectError(await h.reply(responder, id, {}), 400, 'bad_request', '请填写答复内容')
      await expectError(await h.reply(responder, id, { text: '答'.repeat(CONSULTATION_REPLY_MAX + 1) }), 400, 'bad_request', '答复最多2000字')
      expect((await h.reply(responder, id, { text: '答'.repeat(CONSULTATION_REPLY_MAX) })).status).toBe(200)
    })
  })

  describe('text', () => {
    it('is trimmed and stored verbatim: markup stays text', async () => {
      const question = '<script>alert(1)</script><b>医保</b> & 缴费 "问题"'
      const res = await h.submit(resident, { ...VALID, question: `\n  ${question}  \t` })
      expect(res.status).toBe(201)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      const created = (await res.json()) as Consultation
      expect(created.question).toBe(question)
      expect((await h.row(created.id)).question).toBe(question)
    })

    it('counts characters, not UTF-16 units: 500 emoji fit', async () => {
      expect((await h.submit(resident, { ...VALID, question: '😀'.repeat(CONSULTATION_QUESTION_MAX) })).status).toBe(201)
      expect((await h.submit(resident, { ...VALID, question: `${'问'.repeat(CONSULTATION_QUESTION_MAX)}   ` })).status).toBe(201)
    })
  })

  describe('content check without WeChat: the local word list', () => {
    it.each([
      ['a listed phrase', '请问网赌平台怎么注册？'],
      ['full-width and spaced', '你们这些 狗　官，什么时候回复'],
      ['with symbols between', '出-售*枪.支，有意者联系'],
      ['full-width Latin', '办事员都是傻Ｂ吗？？'],
    ])('refuses %s, storing nothing', async (_what, question) => {
      const before = await h.count()
      await expectError(await h.submit(resident, { ...VALID, question }), 400, 'bad_request', CONTENT_REFUSED_MESSAGE)
      expect(await h.count()).toBe(before)
    })

    it.each(['村里有人聚众赌博，应该向哪个部门举报？', '个体户怎么申请代开发票？', '禁毒宣传进社区有没有经费补贴？', '枪支管理的规定在哪里可以查到？'])(
      'accepts a genuine question: %s',
      async (question) => {
        expect((await h.submit(resident, { ...VALID, question })).status).toBe(201)
      },
    )

    it('passes every policy, interpretation and FAQ text of the fixtures', () => {
      const words = loadWordList()
      expect(words.length).toBeGreaterThanOrEqual(30)
      const texts = [
        ...fixtures.policies.flatMap((p) => [p.title, p.summary, ...p.sections.flatMap((s) => s.paragraphs)]),
        ...fixtures.interpretations.flatMap((i) => [i.title, i.summary]),
        ...fixtures.faqs.flatMap((f) => [f.question, f.answer]),
      ]
      expect(texts.filter((t) => findListedWord(t, words))).toEqual([])
    })

    it('normalises full-width characters, case, spaces and punctuation', () => {
      expect(normalizeForMatch('ＡＢＣ　傻 B，\u200b出售－枪支')).toBe('abc傻b出售枪支')
    })
  })

  it('never logs a phone number or the question', async () => {
    h.log.length = 0
    const question = '日志里不应出现这句话的内容'
    await h.submit(resident, { ...VALID, question }, 'log-key')
    await h.submit(resident, { ...VALID, question }, 'log-key')
    await h.submit(resident, { ...VALID, question: '换个内容看看日志' }, 'log-key')
    await h.submit(resident, { ...VALID, topic: 'nope', question })
    await h.submit(resident, { ...VALID, question: '网赌平台日志测试' })
    const output = h.log.join('')
    expect(output).toContain('consultation submitted')
    expect(output).toContain('content refused by the local word list')
    expect(output).not.toContain(PHONE)
    expect(output).not.toContain(MASKED)
    expect(output).not.toContain(question)
    expect(output).not.toContain('网赌')
  })
})

describe('content check with WeChat configured: msgSecCheck v2', () => {
  let wx: FakeWechat
  let h: Harness
  beforeAll(async () => {
    wx = await startFakeWechat()
    h = await start({ wechat: { appId: 'wx-app', secret: 'wx-secret', apiBase: wx.apiBase, timeoutMs: 2000 } })
  })
  afterAll(async () => {
    await h.close()
    await wx.close()
  })
  beforeEach(() => {
    wx.checkDelayMs = 0
  })

  const wechatLogin = async (code: string) => {
    const res = await h.server.api('/auth/wechat', postJson({ code }))
    return ((await res.json()) as { token: string }).token
  }

  it("checks the question with the user's openid, one cached stable token, and stores what passes", async () => {
    const token = await wechatLogin('alice')
    const before = await h.count()
    expect((await h.submit(token, VALID)).status).toBe(201)
    expect((await h.submit(token, { ...VALID, question: '高龄津贴需要本人申请吗？' })).status).toBe(201)
    expect(await h.count()).toBe(before + 2)

    const checks = wx.callsTo('/wxa/msg_sec_check')
    expect(checks.at(-2)!.body).toEqual({ content: VALID.question, version: 2, scene: 2, openid: 'o-alice' })
    expect(checks.at(-1)!.query).toEqual({ access_token: wx.token() })
    expect(wx.callsTo('/cgi-bin/stable_token')).toHaveLength(1)
    expect(wx.callsTo('/cgi-bin/stable_token')[0].body).toEqual({
      grant_type: 'client_credential',
      appid: 'wx-app',
      secret: 'wx-secret',
      force_refresh: false,
    })
  })

  it('refuses what WeChat calls risky, storing nothing', async () => {
    const token = await wechatLogin('bob')
    const before = await h.count()
    await expectError(await h.submit(token, { ...VALID, question: '这是一段违规的内容哦' }), 400, 'bad_request', CONTENT_REFUSED_MESSAGE)
    expect(await h.count()).toBe(before)
    // review is for a human: the department reads it anyway
    expect((await h.submit(token, { ...VALID, question: '这段话待审但可以提交' })).status).toBe(201)
  })

  it('fetches a new token once when WeChat says the cached one expired', async () => {
    const token = await wechatLogin('carol')
    wx.rotate()
    const fetches = wx.callsTo('/cgi-bin/stable_token').length
    expect((await h.submit(token, VALID)).status).toBe(201)
    expect(wx.callsTo('/cgi-bin/stable_token')).toHaveLength(fetches + 1)
  })

  it('falls back to the local list when WeChat refuses to check, and logs it without the text', async () => {
    const token = await wechatLogin('dave')
    h.log.length = 0
    wx.failNextCheck(61010) // user not active in the last 2 hours
    const question = '回退时这句正常的话也能提交'
    expect((await h.submit(token, { ...VALID, question })).status).toBe(201)
    wx.failNextCheck(-1)
    await expectError(await h.submit(token, { ...VALID, question: '网赌平台怎么注册' }), 400, 'bad_request', CONTENT_REFUSED_MESSAGE)
    const output = h.log.join('')
    expect(output).toContain('msgSecCheck unavailable; checked with the local word list')
    expect(output).toContain('errcode 61010')
    expect(output).not.toContain(question)
    expect(output).not.toContain('网赌')
    expect(output).not.toContain(PHONE)
    expect(output).not.toContain(wx.token())
    expect(output).not.toContain('wx-secret')
  })

  it('users without an openid (dev login) get the local list', async () => {
    const checks = wx.callsTo('/wxa/msg_sec_check').length
    const token = await h.login('resident')
    expect((await h.submit(token, VALID)).status).toBe(201)
    await expectError(await h.submit(token, { ...VALID, question: '刷单返利日结' }), 400, 'bad_request', CONTENT_REFUSED_MESSAGE)
    expect(wx.callsTo('/wxa/msg_sec_check')).toHaveLength(checks)
  })

  it('a retry is replayed without checking again; concurrent retries still make one row', async () => {
    const token = await wechatLogin('erin')
    const checks = () => wx.callsTo('/wxa/msg_sec_check').length
    const before = await h.count()

    // all of them are past the replay lookup while WeChat answers: the store keeps it to one
    wx.checkDelayMs = 100
    const responses = await Promise.all(Array.from({ length: 4 }, () => h.submit(token, VALID, 'slow-double-tap')))
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201])
    const ids = new Set(((await Promise.all(responses.map((r) => r.json()))) as Consultation[]).map((c) => c.id))
    expect(ids.size).toBe(1)
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(3)
    expect(await h.count()).toBe(before + 1)

    const n = checks()
    expect((await h.submit(token, VALID, 'slow-double-tap')).status).toBe(201)
    expect(checks()).toBe(n)
  })
})

it('falls back to the local list when WeChat cannot be reached', async () => {
  const h = await start({ wechat: { appId: 'a', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 2000 } })
  try {
    const user = await h.server.store.auth.upsertUser({ provider: 'wechat', externalId: 'o-offline', nickname: '微信用户', role: 'resident' })
    const { token } = await h.server.store.auth.createSession({ userId: user.id })
    expect((await h.submit(token, VALID)).status).toBe(201)
    await expectError(await h.submit(token, { ...VALID, question: '出售枪支请联系' }), 400, 'bad_request', CONTENT_REFUSED_MESSAGE)
    const output = h.log.join('')
    expect(output).toContain('/cgi-bin/stable_token: network error')
    expect(output).not.toContain(VALID.question)
    expect(await h.count()).toBe(1)
  } finally {
    await h.close()
  }
})

it('works the same in mock mode, on the memory store', async () => {
  const server = await startTestServer({ storeKind: 'memory', mode: 'mock', devLogin: true })
  try {
    const login = async (role: Role) => ((await (await server.api('/auth/dev', postJson({ role }))).json()) as { token: string }).token
    const resident = await login('resident')
    const submit = () => server.api('/consultations', postJson(VALID, { authorization: `Bearer ${resident}`, 'idempotency-key': 'm1' }))
    const [a, b] = await Promise.all([submit(), submit()])
    const created = (await a.json()) as Consultation
    expect(((await b.json()) as Consultation).id).toBe(created.id)
    expect(created.phoneMasked).toBe(MASKED)

    const responder = await login('responder')
    const list = (await (await server.api('/consultations', bearer(responder))).json()) as Page<ConsultationForResponder>
    expect(list.items).toEqual([{ ...created, phone: PHONE }])
    const replyTo = (text: string) => server.api(`/consultations/${created.id}/reply`, postJson({ text }, { authorization: `Bearer ${responder}` }))
    expect((await replyTo('已答复')).status).toBe(200)
    expect((await replyTo('已答复')).status).toBe(409)
    const mine = (await (await server.api('/consultations/mine', bearer(resident))).json()) as Consultation[]
    expect(mine).toMatchObject([{ id: created.id, status: 'answered', reply: { text: '已答复', department: '部门答复员' } }])
  } finally {
    await server.close()
  }
})
