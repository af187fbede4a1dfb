/**
 * 我的消息 and answered consultations over HTTP, on the suite's database (SQLite; PostgreSQL under
 * TEST_DATABASE_URL): a reply writes the resident's message (beside 宣讲点单's notices) and a WeChat
 * subscription message through the outbox (to a local stand-in for WeChat); reading one and all;
 * only the user's own; rating the reply once. Logs hold neither the phone nor the openid.
 */
import type { Consultation, MessagePage, ReplyRating, Session } from '../../../../common/contract'
import { startFakeWechat, type FakeWechat } from '../../../../test/api/helpers/fake-wechat'
import { lectureOrderInput } from '../../../../test/api/helpers/lecture-order'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(60_000)

const PHONE = '13812345678'
const ASK = { topic: 'yibao', question: '城乡居民医保在哪里缴费？需要带上什么证件材料？', regionCode: '331002001003', phone: PHONE }

let wx: FakeWechat
let server: TestServer
const log: string[] = []

beforeAll(async () => {
  wx = await startFakeWechat()
  server = await startTestServer({
    devLogin: true,
    rateLimit: false,
    logger: true,
    logLevel: 'trace',
    logStream: { write: (line) => void log.push(line) },
    wechat: { appId: 'wx-app', secret: 's', apiBase: wx.apiBase, timeoutMs: 2000, consultationTemplateId: 'tmpl-consult', lectureTemplateId: 'tmpl-lecture' },
  })
})
afterAll(async () => {
  await server?.close()
  await wx?.close()
})

async function call<T = unknown>(token: string | undefined, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  const res = await server.api(path, method === 'POST' ? postJson(body ?? {}, headers) : { headers })
  return { status: res.status, body: (await res.json()) as T }
}

const wechatLogin = async (code: string) => (await (await server.api('/auth/wechat', postJson({ code }))).json()) as Session
const devLogin = async (role: string, name: string, org?: string) =>
  ((await (await server.api('/auth/dev', postJson({ role, name, ...(org ? { org } : {}) }))).json()) as Session).token

const waitFor = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20))
}

const outboxRows = () => server.store.database.kysely.selectFrom('wechat_outbox').selectAll().orderBy('created_at').execute()

describe('a reply reaches the resident', () => {
  let alice: Session
  let consultation: Consultation
  let jiaojiang: string

  beforeAll(async () => {
    alice = await wechatLogin('alice')
    consultation = (await call<Consultation>(alice.token, 'POST', '/consultations', ASK)).body
    jiaojiang = await devLogin('responder', '椒江区医保分局', '331002')
  })

  it('a responder of another county cannot answer it; nothing is written', async () => {
    const huangyan = await devLogin('responder', '黄岩区医保分局', '331003')
    const res = await call(huangyan, 'POST', `/consultations/${consultation.id}/reply`, { text: '请到黄岩办理' })
    expect(res.status).toBe(404)
    expect((await call<MessagePage>(alice.token, 'GET', '/messages')).body.total).toBe(0)
    expect(await outboxRows()).toHaveLength(0)
  })

  it('rating before the reply is refused with 409', async () => {
    const res = await call<{ error: { message: string } }>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'satisfied' })
    expect(res.status).toBe(409)
    expect(res.body.error.message).toBe('该咨询尚未答复，答复后才能评价')
  })

  it('the reply writes 我的消息 and sends a subscription message once', async () => {
    const res = await call<Consultation>(jiaojiang, 'POST', `/consultations/${consultation.id}/reply`, {
      text: '可在“浙里办”或村便民服务点缴费，带身份证即可。',
    })
    expect(res.status).toBe(200)

    const page = (await call<MessagePage>(alice.token, 'GET', '/messages')).body
    expect(page).toMatchObject({ total: 1, unread: 1, page: 1, pageSize: 20 })
    expect(page.items[0]).toMatchObject({ kind: 'consultation', title: '您的咨询已由椒江区医保分局答复', targetId: consultation.id, read: false })
    expect((await call(alice.token, 'GET', '/messages/unread-count')).body).toEqual({ unread: 1 })

    await waitFor(async () => (await outboxRows())[0]?.status === 'sent')
    const [row] = await outboxRows()
    expect(row).toMatchObject({ status: 'sent', attempts: 1, user_id: alice.user.id })
    const sends = wx.callsTo('/cgi-bin/message/subscribe/send')
    expect(sends).toHaveLength(1)
    expect(sends[0].body).toEqual({
      touser: 'o-alice',
      template_id: 'tmpl-consult',
      page: `packages/qa/pages/mine/index?id=${consultation.id}`,
      lang: 'zh_CN',
      data: {
        thing1: { value: '城乡居民医保在哪里缴费？需要带上什么证…' },
        thing2: { value: '椒江区医保分局' },
        time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
        phrase4: { value: '已答复' },
      },
    })
    expect([...(sends[0].body.data as { thing1: { value: string } }).thing1.value]).toHaveLength(20)
  })

  it('我的咨询 shows the reply and its department', async () => {
    const mine = (await call<Consultation[]>(alice.token, 'GET', '/consultations/mine')).body
    expect(mine[0]).toMatchObject({ status: 'answered', reply: { department: '椒江区医保分局', text: expect.stringContaining('浙里办') } })
  })

  it('lecture notices are in the same inbox, newest first, paged', async () => {
    const order = await call(alice.token, 'POST', '/lecture-orders', lectureOrderInput())
    expect(order.status).toBe(201)
    const page = (await call<MessagePage>(alice.token, 'GET', '/messages')).body
    expect(page.total).toBe(2)
    expect(page.unread).toBe(2)
    expect(page.items.map((m) => m.kind)).toEqual(['lecture', 'consultation'])
    expect(page.items[0].lectureStatus).toBe('submitted')
    const second = (await call<MessagePage>(alice.token, 'GET', '/messages?page=2&pageSize=1')).body
    expect(second.items.map((m) => m.kind)).toEqual(['consultation'])
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 })
  })

  it('bad paging is a 400 in Chinese', async () => {
    const res = await call<{ error: { message: string } }>(alice.token, 'GET', '/messages?pageSize=500')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('marks one read, then all; another user cannot touch them', async () => {
    const page = (await call<MessagePage>(alice.token, 'GET', '/messages')).body
    const bob = await wechatLogin('bob')
    expect((await call(bob.token, 'POST', `/messages/${page.items[1].id}/read`)).status).toBe(404)
    expect((await call(undefined, 'GET', '/messages')).status).toBe(401)

    expect((await call(alice.token, 'POST', `/messages/${page.items[1].id}/read`)).body).toEqual({ unread: 1 })
    expect((await call(alice.token, 'POST', `/messages/${page.items[1].id}/read`)).body).toEqual({ unread: 1 })
    const after = (await call<MessagePage>(alice.token, 'GET', '/messages')).body
    expect(after.items.map((m) => m.read)).toEqual([false, true])
    expect((await call(alice.token, 'POST', '/messages/read-all')).body).toEqual({ unread: 0 })
    // the lecture module's own count follows
    expect((await call(alice.token, 'GET', '/notifications/unread-count')).body).toEqual({ unread: 0 })
  })

  describe('rating the reply', () => {
    it('only the owner: another resident gets 403 and nothing is stored', async () => {
      const bob = await wechatLogin('bob')
      const res = await call<{ error: { message: string } }>(bob.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'unsatisfied' })
      expect(res.status).toBe(403)
      expect(res.body.error.message).toBe('只能评价自己的咨询')
      // refused before its comment is even checked
      expect((await call(bob.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'satisfied', comment: '违规内容' })).status).toBe(403)
    })

    it('bad input is a 400 in Chinese and changes nothing', async () => {
      const bad = await call<{ error: { message: string } }>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'great' })
      expect(bad.status).toBe(400)
      expect(bad.body.error.message).toBe('请选择满意、基本满意或不满意')
      const long = await call<{ error: { message: string } }>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, {
        level: 'satisfied',
        comment: '好'.repeat(201),
      })
      expect(long.status).toBe(400)
      expect(long.body.error.message).toBe('评价内容最多200字')
      const refused = await call<{ error: { message: string } }>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, {
        level: 'satisfied',
        comment: '违规内容',
      })
      expect(refused.status).toBe(400)
      expect((await call(alice.token, 'POST', '/consultations/00000000-0000-0000-0000-000000000000/rating', { level: 'basic' })).status).toBe(404)
      const mine = (await call<Consultation[]>(alice.token, 'GET', '/consultations/mine')).body
      expect(mine[0].rating).toBeUndefined()
    })

    it('once: the same again answers the stored rating, a different one is 409', async () => {
      const first = await call<ReplyRating>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'basic', comment: '  答复及时，谢谢  ' })
      expect(first.status).toBe(201)
      expect(first.body).toEqual({ level: 'basic', comment: '答复及时，谢谢', ratedAt: expect.any(String) })
      const again = await call<ReplyRating>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'basic', comment: '答复及时，谢谢' })
      expect(again.status).toBe(200)
      expect(again.body).toEqual(first.body)
      const other = await call<{ error: { message: string } }>(alice.token, 'POST', `/consultations/${consultation.id}/rating`, { level: 'unsatisfied' })
      expect(other.status).toBe(409)
      expect(other.body.error.message).toBe('该答复已评价过，不能重复评价')
      const mine = (await call<Consultation[]>(alice.token, 'GET', '/consultations/mine')).body
      expect(mine[0].rating).toEqual(first.body)
    })
  })

  it('never logs the phone number or the openid', () => {
    const text = log.join('\n')
    expect(text).toContain('consultation answered')
    expect(text).not.toContain(PHONE)
    expect(text).not.toContain('o-alice')
  })
})

describe('WeChat down', () => {
  it('the reply and its message are stored; the send stays pending for a retry', async () => {
    const down = await startTestServer({
      devLogin: true,
      rateLimit: false,
      wechat: { appId: 'wx-app', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 300, consultationTemplateId: 'tmpl-consult' },
    })
    try {
      const user = await down.store.auth.upsertUser({ provider: 'wechat', externalId: 'o-offline', nickname: '微信用户', role: 'resident' })
      const session = await down.store.auth.createSession({ userId: user.id })
      const asked = (await (await down.api('/consultations', postJson(ASK, { authorization: `Bearer ${session.token}` }))).json()) as Consultation
      const responder = ((await (await down.api('/auth/dev', postJson({ role: 'responder', name: '椒江区医保分局', org: '331002' }))).json()) as Session).token
      const res = await down.api(`/consultations/${asked.id}/reply`, postJson({ text: '已受理' }, { authorization: `Bearer ${responder}` }))
      expect(res.status).toBe(200)
      const rows = () => down.store.database.kysely.selectFrom('wechat_outbox').selectAll().execute()
      // the send after the commit fails: the row records it and waits for its retry
      for (let i = 0; i < 200 && !(await rows())[0]?.last_error; i++) await new Promise((r) => setTimeout(r, 20))
      const [row] = await rows()
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('network error') })
      expect(Date.parse(row.next_attempt_at)).toBeGreaterThan(Date.now())
      const page = (await (await down.api('/messages', bearer(session.token))).json()) as MessagePage
      expect(page.items.map((m) => m.targetId)).toEqual([asked.id])
    } finally {
      await down.close()
    }
  })
})
