/**
 * The outbox against the real server over real sockets: the mock server's fault injection
 * (MOCK_LATENCY_MS=3000, MOCK_ERROR_RATE=0.3) and a stopped server. Every question reaches the
 * SQLite store exactly once, however many times it was sent.
 */
import { request } from 'node:http'
import { setImmediate as nodeSetImmediate } from 'node:timers'
import { deserialize, serialize } from 'node:v8'
import { startTestServer, type TestServer } from '../../../test/api/helpers/test-server'
import { makeTempDir } from '../../../test/api/helpers/temp-dir'
import { ApiClient, type Transport } from '../client'
import { transportError } from '../errors'
import { memoryStorage } from '../kv-storage'
import { Outbox } from '../outbox'

// jsdom drops Node's setImmediate and structuredClone, which Fastify and the store use
globalThis.setImmediate ??= nodeSetImmediate as unknown as typeof globalThis.setImmediate
globalThis.structuredClone ??= (<T>(value: T): T => deserialize(serialize(value))) as typeof structuredClone

jest.setTimeout(120000)

/** Node's http as the client's transport; `base()` is read per request, so a restarted server on a new port is found */
function httpTransport(base: () => string, sent: string[]): Transport {
  return (req) =>
    new Promise((resolve, reject) => {
      const url = new URL(req.url, base())
      if (req.method !== 'GET') sent.push(`${req.method} ${url.pathname} ${req.header['Idempotency-Key'] ?? ''}`)
      const body = req.data === undefined ? undefined : JSON.stringify(req.data)
      const r = request(
        url,
        { method: req.method, headers: { ...req.header, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) }, timeout: req.timeout },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, data: text ? JSON.parse(text) : undefined }))
        },
      )
      r.on('timeout', () => {
        r.destroy()
        reject(transportError('request:fail timeout'))
      })
      r.on('error', () => reject(transportError('request:fail')))
      if (body) r.write(body)
      r.end()
    })
}

const question = (n: number) => `村里八十岁以上老人的高龄津贴每月多少钱？第${n}位居民问`

async function devLogin(server: TestServer) {
  const client = new ApiClient({ baseUrl: server.url, transport: httpTransport(() => server.url, []), timeoutMs: 10000 })
  // login through the faults too: retry until it gets through
  for (let i = 0; ; i++) {
    try {
      return await client.call('POST /auth/dev', { body: { role: 'resident', name: '李大伯' } })
    } catch (e) {
      if (i > 20) throw e
    }
  }
}

it('MOCK_LATENCY_MS=3000 and MOCK_ERROR_RATE=0.3: answers lost to timeouts and 503s, a restart, and still each question stored once', async () => {
  const server = await startTestServer({ storeKind: 'sqlite', mode: 'mock', devLogin: true, faults: { latencyMs: 3000, errorRate: 0.3 } })
  try {
    const { token, user } = await devLogin(server)
    const storage = memoryStorage()
    const sent: string[] = []
    // first run: the client gives up after 2 s, the server answers after 3 s — every answer is lost
    const impatient = new ApiClient({ baseUrl: server.url, transport: httpTransport(() => server.url, sent), timeoutMs: 2000 })
    const first = new Outbox({ storage, client: () => impatient, author: () => ({ userId: user.id, token }) })
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        first.submit('POST /consultations', { body: { topic: 'yanglao', question: question(n), regionCode: '331081' }, label: `咨询${n}` }),
      ),
    )
    expect(outcomes.map((o) => o.status)).toEqual(['queued', 'queued', 'queued', 'queued'])
    await new Promise((r) => setTimeout(r, 3500)) // the server finishes what it received

    // the app is closed and opened again: a new outbox over the same storage, a normal timeout
    const patient = new ApiClient({ baseUrl: server.url, transport: httpTransport(() => server.url, sent), timeoutMs: 10000, retries: 0 })
    const again = new Outbox({ storage: memoryStorage(new Map(storage.map)), client: () => patient, author: () => ({ userId: user.id, token }) })
    for (let i = 0; i < 30 && again.entries().length; i++) await again.flush()
    expect(again.entries()).toEqual([])

    const stored = (await server.store.consultations.listConsultationsByUser(user.id)).map((c) => c.question)
    expect(stored.sort()).toEqual([1, 2, 3, 4].map(question).sort())
    // some were sent more than once, always with their own key
    const keys = new Set(sent.map((s) => s.split(' ')[2]))
    expect(keys.size).toBe(4)
    expect(sent.length).toBeGreaterThan(4)
  } finally {
    await server.close()
  }
})

it('a stopped server: writes wait in the outbox and go out once when it is back (same data, new port)', async () => {
  const dir = makeTempDir()
  let server = await startTestServer({ storeKind: 'sqlite', mode: 'mock', devLogin: true, dataDir: dir.path })
  try {
    const { token, user } = await devLogin(server)
    const sent: string[] = []
    const client = new ApiClient({ baseUrl: '', transport: httpTransport(() => server.url, sent), timeoutMs: 3000, retries: 0, sleep: async () => undefined })
    const box = new Outbox({ storage: memoryStorage(), client: () => client, author: () => ({ userId: user.id, token }) })
    await server.close()

    const a = await box.submit('POST /consultations', { body: { topic: 'yibao', question: question(11), regionCode: '331002' }, label: '咨询11' })
    const b = await box.submit('PUT /videos/:id/like', { params: { id: 'v002' }, body: { liked: true }, coalesce: 'like:v002', label: '点赞' })
    expect([a.status, b.status]).toEqual(['queued', 'queued'])
    await box.flush()
    expect(box.entries()).toHaveLength(2)

    server = await startTestServer({ storeKind: 'sqlite', mode: 'mock', devLogin: true, dataDir: dir.path })
    await box.flush()
    expect(box.entries()).toEqual([])
    expect((await server.store.consultations.listConsultationsByUser(user.id)).map((c) => c.question)).toEqual([question(11)])
    expect(await server.store.media.isVideoLiked('v002', user.id)).toBe(true)
    await box.flush()
    expect(await server.store.consultations.listConsultationsByUser(user.id)).toHaveLength(1)
  } finally {
    await server.close()
    dir.remove()
  }
})
