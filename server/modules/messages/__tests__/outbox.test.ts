/**
 * The WeChat outbox and sender with fake transports, on the suite's database (SQLite; PostgreSQL
 * under TEST_DATABASE_URL) and an injected clock: a failed send is retried when due and never
 * lost, ends 'failed' after MAX_ATTEMPTS, is sent once by concurrent passes; the sender caches its
 * access_token and fetches a new one once when WeChat calls it expired.
 */
import type { FastifyBaseLogger } from 'fastify'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startFakeWechat } from '../../../../test/api/helpers/fake-wechat'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { MAX_ATTEMPTS, retryDelayMs, WechatOutbox } from '../outbox'
import { type SubscribeMessage, type SubscribeTransport, wechatSubscribeTransport } from '../wechat-sender'

jest.setTimeout(60_000)

const clock = makeClock(new Date('2026-12-04T02:00:00Z'))
let server: TestServer
let userId: string

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
  userId = (await server.store.auth.upsertUser({ provider: 'wechat', externalId: 'o-outbox', nickname: '微信用户', role: 'resident' })).id
})
afterAll(() => server?.close())

/** a transport that fails `failures` times, then sends; records what it was given */
function flaky(failures: number) {
  const sent: SubscribeMessage[] = []
  let calls = 0
  const transport: SubscribeTransport = {
    async send(message) {
      calls++
      if (calls <= failures) throw new Error('/cgi-bin/message/subscribe/send: HTTP 502')
      sent.push(message)
      return 'sent'
    },
  }
  return { transport, sent, calls: () => calls }
}

function outboxWith(transport: SubscribeTransport) {
  return new WechatOutbox({
    db: server.store.database,
    now: clock.now,
    transport,
    wechatOpenid: (id) => server.store.auth.wechatOpenid(id),
    log: { warn: () => undefined } as unknown as FastifyBaseLogger,
  })
}

const row = (id: string) => server.store.database.kysely.selectFrom('wechat_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const entry = { templateId: 'tmpl', page: 'packages/qa/pages/mine/index?id=c1', data: { thing1: '医保缴费', phrase4: '已答复' } }

it('a failed send is retried when due, and sent once it works', async () => {
  const fake = flaky(2)
  const outbox = outboxWith(fake.transport)
  const id = await outbox.enqueue(server.store.database.kysely, { ...entry, userId }, clock.now().toISOString())

  expect(await outbox.drain()).toBe(1)
  expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: '/cgi-bin/message/subscribe/send: HTTP 502' })
  // not due yet: nothing happens
  expect(await outbox.drain()).toBe(0)
  expect(fake.calls()).toBe(1)

  clock.advance(retryDelayMs(1))
  expect(await outbox.drain()).toBe(1)
  expect(await row(id)).toMatchObject({ status: 'pending', attempts: 2 })
  clock.advance(retryDelayMs(1) - 1)
  expect(await outbox.drain()).toBe(0)
  clock.advance(retryDelayMs(2))
  expect(await outbox.drain()).toBe(1)
  expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null })
  expect(fake.sent).toEqual([{ openid: 'o-outbox', ...entry }])
  clock.advance(retryDelayMs(5))
  expect(await outbox.drain()).toBe(0)
})

it(`gives up after ${MAX_ATTEMPTS} attempts, keeping the row`, async () => {
  const fake = flaky(100)
  const outbox = outboxWith(fake.transport)
  const id = await outbox.enqueue(server.store.database.kysely, { ...entry, userId }, clock.now().toISOString())
  for (let i = 1; i <= MAX_ATTEMPTS; i++) {
    expect(await outbox.drain()).toBe(1)
    clock.advance(retryDelayMs(i))
  }
  expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
  expect(await outbox.drain()).toBe(0)
  expect(fake.calls()).toBe(MAX_ATTEMPTS)
})

it('two outboxes (two instances) draining at once send a row once', async () => {
  const fake = flaky(0)
  const a = outboxWith(fake.transport)
  const b = outboxWith(fake.transport)
  const ids = await Promise.all([1, 2, 3].map(() => a.enqueue(server.store.database.kysely, { ...entry, userId }, clock.now().toISOString())))
  await Promise.all([a.drain(), b.drain(), a.drain()])
  expect(fake.sent).toHaveLength(3)
  for (const id of ids) expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 })
})

it('a user without an openid is recorded as not sent', async () => {
  const dev = await server.store.auth.upsertUser({ provider: 'dev', externalId: 'resident:无微信', nickname: '无微信', role: 'resident' })
  const fake = flaky(0)
  const outbox = outboxWith(fake.transport)
  const id = await outbox.enqueue(server.store.database.kysely, { ...entry, userId: dev.id }, clock.now().toISOString())
  await outbox.drain()
  expect(await row(id)).toMatchObject({ status: 'not_sent' })
  expect(fake.calls()).toBe(0)
})

describe('the WeChat sender (against a local stand-in)', () => {
  it('caches the access_token, renews it once when expired, and says not_sent for 43101', async () => {
    const wx = await startFakeWechat()
    try {
      const transport = wechatSubscribeTransport({ appId: 'wx', secret: 's', apiBase: wx.apiBase, timeoutMs: 2000 })
      const message = { openid: 'o-1', templateId: 'tmpl', page: 'p', data: { thing1: '答复' } }
      expect(await transport.send(message)).toBe('sent')
      expect(await transport.send(message)).toBe('sent')
      expect(wx.callsTo('/cgi-bin/stable_token')).toHaveLength(1)
      expect(wx.callsTo('/cgi-bin/message/subscribe/send')[0].body).toEqual({
        touser: 'o-1',
        template_id: 'tmpl',
        page: 'p',
        lang: 'zh_CN',
        data: { thing1: { value: '答复' } },
      })
      wx.rotate()
      expect(await transport.send(message)).toBe('sent')
      expect(wx.callsTo('/cgi-bin/stable_token')).toHaveLength(2)
      expect(await transport.send({ ...message, openid: 'o-unsubscribed' })).toBe('not_sent')
    } finally {
      await wx.close()
    }
  })

  it('an unreachable WeChat throws a message safe to log', async () => {
    const transport = wechatSubscribeTransport({ appId: 'wx', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 300 })
    await expect(transport.send({ openid: 'o-secret-openid', templateId: 't', page: 'p', data: {} })).rejects.toThrow(
      /^\/cgi-bin\/stable_token: network error$/,
    )
  })
})
