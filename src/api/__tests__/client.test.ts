import { ApiClient, type Transport } from '../client'
import { ApiError } from '../errors'

type Req = Parameters<Transport>[0]

function clientWith(responses: (Partial<Awaited<ReturnType<Transport>>> | Error)[], extra: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) {
  const calls: Req[] = []
  const sleeps: number[] = []
  const transport: Transport = async (req) => {
    calls.push(req)
    const next = responses.shift()
    if (!next) throw new Error('no more responses')
    if (next instanceof Error) throw next
    return { statusCode: 200, data: undefined, ...next }
  }
  const client = new ApiClient({ baseUrl: 'http://api.test', transport, sleep: async (ms) => void sleeps.push(ms), ...extra })
  return { client, calls, sleeps }
}

const networkDown = () => new ApiError('network', 0, 'network', '网络不给力，请检查网络后重试')
const timedOut = () => new ApiError('timeout', 0, 'timeout', '请求超时，请稍后重试')

describe('ApiClient', () => {
  it('builds the URL from the endpoint key, path params and query, skipping empty values', async () => {
    const { client, calls } = clientWith([{ data: { items: [], total: 0, page: 2, pageSize: 10 } }])
    await client.call('GET /policies', { query: { q: '养老 金', topic: '', page: 2 } })
    expect(calls[0].url).toBe('http://api.test/api/v1/policies?q=%E5%85%BB%E8%80%81%20%E9%87%91&page=2')
    expect(calls[0].method).toBe('GET')
  })

  it('fills :id segments and encodes them', async () => {
    const { client, calls } = clientWith([{ data: { id: 'p/1' } }])
    await client.call('GET /policies/:id', { params: { id: 'p/1' } })
    expect(calls[0].url).toBe('http://api.test/api/v1/policies/p%2F1')
  })

  it('passes the timeout to the transport', async () => {
    const { client, calls } = clientWith([{ data: { ok: true } }], { timeoutMs: 1234 })
    await client.call('GET /health')
    expect(calls[0].timeout).toBe(1234)
  })

  it('retries a GET after a network error and a timeout, with growing backoff', async () => {
    const { client, calls, sleeps } = clientWith([networkDown(), timedOut(), { data: { ok: true } }])
    await expect(client.call('GET /health')).resolves.toEqual({ ok: true })
    expect(calls).toHaveLength(3)
    expect(sleeps).toEqual([400, 800])
  })

  it('retries a GET on 503 and gives up with a friendly message after the last retry', async () => {
    const { client, calls } = clientWith([{ statusCode: 503 }, { statusCode: 503 }, { statusCode: 503 }])
    await expect(client.call('GET /health')).rejects.toMatchObject({ status: 503, message: '服务暂时不可用，请稍后重试' })
    expect(calls).toHaveLength(3)
  })

  it('reports a timeout in Chinese when every try times out', async () => {
    const { client } = clientWith([timedOut(), timedOut(), timedOut()])
    await expect(client.call('GET /topics')).rejects.toMatchObject({ kind: 'timeout', message: '请求超时，请稍后重试' })
  })

  it('does not retry a 404 and uses the server message', async () => {
    const { client, calls } = clientWith([{ statusCode: 404, data: { error: { code: 'not_found', message: '找不到该政策' } } }])
    await expect(client.call('GET /policies/:id', { params: { id: 'nope' } })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: '找不到该政策',
    })
    expect(calls).toHaveLength(1)
  })

  it('falls back to a Chinese message by status when the body has none', async () => {
    const { client } = clientWith([{ statusCode: 403, data: 'Forbidden' }])
    await expect(client.call('GET /home')).rejects.toMatchObject({ status: 403, message: '没有权限进行此操作' })
  })

  it('never retries a write, sends the body, token and Idempotency-Key', async () => {
    const { client, calls } = clientWith([networkDown()], { getToken: () => 'tok123' })
    await expect(
      client.call('POST /consultations', {
        body: { topic: 'yibao', question: '异地就医怎么备案？', regionCode: '331002' },
        idempotencyKey: 'key-1',
      }),
    ).rejects.toMatchObject({ kind: 'network' })
    expect(calls).toHaveLength(1)
    expect(calls[0].header).toMatchObject({ Authorization: 'Bearer tok123', 'Idempotency-Key': 'key-1', 'Content-Type': 'application/json' })
    expect(calls[0].data).toEqual({ topic: 'yibao', question: '异地就医怎么备案？', regionCode: '331002' })
  })

  it('sends an empty JSON object for a write without a body', async () => {
    const { client, calls } = clientWith([{ data: { views: 1, counted: true } }])
    await client.call('POST /videos/:id/views', { params: { id: 'v001' } })
    expect(calls[0].data).toEqual({})
    expect(calls[0].header['Content-Type']).toBe('application/json')
  })

  it('signs out on 401', async () => {
    const onUnauthorized = jest.fn()
    const { client } = clientWith([{ statusCode: 401, data: { error: { code: 'unauthorized', message: '请先登录' } } }], { onUnauthorized })
    await expect(client.call('GET /consultations/mine')).rejects.toMatchObject({ message: '请先登录' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('fetches a text resource (captions) with retries and no JSON parsing', async () => {
    const { client, calls } = clientWith([networkDown(), { data: 'WEBVTT\n' }])
    await expect(client.getText('/media/captions/v001.vtt')).resolves.toBe('WEBVTT\n')
    expect(calls[1]).toMatchObject({ url: 'http://api.test/media/captions/v001.vtt', method: 'GET', as: 'text' })
  })

  it('resolves media paths against the base URL and leaves absolute URLs alone', () => {
    const { client } = clientWith([])
    expect(client.resolveUrl('/media/covers/i001.jpg')).toBe('http://api.test/media/covers/i001.jpg')
    expect(client.resolveUrl('https://cdn.example/x.jpg')).toBe('https://cdn.example/x.jpg')
  })
})

describe('the H5 preload of 首页 data (index.html → src/api/preload.ts)', () => {
  const holder = globalThis as { __zctPreload?: Record<string, Promise<unknown> | undefined> }
  afterEach(() => delete holder.__zctPreload)

  it('answers the first GET of the preloaded URL without asking again, and only once', async () => {
    const home = { featured: [], topics: [{ id: 't1', name: '社会保障', icon: '' }], latestPolicies: [], campaigns: [] }
    holder.__zctPreload = { 'http://api.test/api/v1/home': Promise.resolve(home) }
    const { client, calls } = clientWith([{ data: { ...home, topics: [] } }])
    expect(await client.call('GET /home')).toEqual(home)
    expect(calls).toHaveLength(0)
    expect((await client.call('GET /home')).topics).toEqual([])
    expect(calls).toHaveLength(1)
  })

  it('asks normally when the preload failed', async () => {
    holder.__zctPreload = { 'http://api.test/api/v1/home': Promise.resolve(null) }
    const { client, calls } = clientWith([{ data: { featured: [], topics: [], latestPolicies: [], campaigns: [] } }])
    await client.call('GET /home')
    expect(calls).toHaveLength(1)
  })
})

describe('the answers a server-drawn first screen came with (window.__zctFirstScreen → api.embedded)', () => {
  const holder = globalThis as { __zctPreload?: Record<string, Promise<unknown> | undefined>; __zctFirstScreen?: Record<string, unknown> }
  afterEach(() => {
    delete holder.__zctPreload
    delete holder.__zctFirstScreen
  })

  it('gives the answer for exactly the URL the call would ask, at once and once, and the next GET asks the server', async () => {
    const list = { items: [{ id: 'i001' }], total: 1, page: 1, pageSize: 10 }
    const url = 'http://api.test/api/v1/interpretations?page=1&pageSize=10'
    holder.__zctFirstScreen = { [url]: list }
    holder.__zctPreload = { [url]: Promise.resolve(list) }
    const { client, calls } = clientWith([{ data: { ...list, total: 2 } }])
    // another query is another URL
    expect(client.embedded('GET /interpretations', { query: { topic: 'yibao', page: 1, pageSize: 10 } })).toBeUndefined()
    expect(client.embedded('GET /interpretations', { query: { topic: undefined, page: 1, pageSize: 10 } })).toEqual(list)
    expect(client.embedded('GET /interpretations', { query: { page: 1, pageSize: 10 } })).toBeUndefined()
    // taken with its preload: pull-to-refresh gets the server's answer
    expect(holder.__zctPreload).toEqual({})
    expect((await client.call('GET /interpretations', { query: { page: 1, pageSize: 10 } })).total).toBe(2)
    expect(calls).toHaveLength(1)
  })

  it('gives nothing without a first screen (weapp, a page the server did not draw)', () => {
    const { client } = clientWith([])
    expect(client.embedded('GET /home')).toBeUndefined()
    holder.__zctFirstScreen = { 'http://api.test/api/v1/home': null }
    expect(client.embedded('GET /home')).toBeUndefined()
  })
})
