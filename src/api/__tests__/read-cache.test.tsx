import { act, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { createFixtureApi, type FixtureApi } from '../../../test/support/fixture-api'
import { ApiClient, type Transport } from '../client'
import { memoryStorage } from '../kv-storage'
import { ReadCache, utf8Bytes } from '../read-cache'
import { onRevalidated } from '../revalidation'
import { useRequest } from '../use-request'
import { setApi } from '../index'

describe('ReadCache', () => {
  it('stays under its byte cap by evicting the least recently used answer', () => {
    let t = 0
    const storage = memoryStorage()
    const item = (c: string) => ({ text: c.repeat(100) })
    const one = utf8Bytes(JSON.stringify({ url: '/a', scope: 'u', savedAt: 0, data: item('政') }))
    // room for four answers
    const cache = new ReadCache({ storage, maxBytes: (one + 20) * 4, now: () => ++t })
    cache.set('/a', 'u', item('政'))
    cache.set('/b', 'u', item('策'))
    cache.set('/c', 'u', item('通'))
    cache.set('/d', 'u', item('台'))
    expect(cache.size).toBe(4)
    expect(cache.get('/a', 'u')?.data).toEqual(item('政')) // /a is now the most recently used
    cache.set('/e', 'u', item('州'))
    expect(cache.get('/b', 'u')).toBeUndefined()
    for (const url of ['/a', '/c', '/d', '/e']) expect([url, cache.get(url, 'u') !== undefined]).toEqual([url, true])
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes)
    // what is gone from the index is gone from storage too: index + 4 answers
    expect(storage.map.size).toBe(5)
  })

  it('counts bytes as UTF-8 (CJK 3 bytes) and refuses an answer bigger than a quarter of the cap', () => {
    expect(utf8Bytes('ab')).toBe(2)
    expect(utf8Bytes('政策')).toBe(6)
    expect(utf8Bytes('😀')).toBe(4)
    const cache = new ReadCache({ storage: memoryStorage(), maxBytes: 1000 })
    cache.set('/big', 'u', { text: '长'.repeat(200) })
    expect(cache.get('/big', 'u')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('keeps its index in storage (a restart sees the answers) and separates users', () => {
    const storage = memoryStorage()
    new ReadCache({ storage }).set('/consultations/mine', 'alice', ['a'])
    const again = new ReadCache({ storage })
    expect(again.get('/consultations/mine', 'alice')?.data).toEqual(['a'])
    expect(again.get('/consultations/mine', 'bob')).toBeUndefined()
    again.set('/topics', 'bob', ['t'])
    again.clear('alice')
    expect(again.get('/consultations/mine', 'alice')).toBeUndefined()
    expect(again.get('/topics', 'bob')).toBeDefined()
  })

  it('defaults to 2 MB, a fifth of the mini-program storage limit', () => {
    expect(new ReadCache({ storage: memoryStorage() }).maxBytes).toBe(2 * 1024 * 1024)
  })
})

describe('stale-while-revalidate in the client', () => {
  let fixture: FixtureApi
  beforeAll(async () => {
    fixture = await createFixtureApi()
  })
  afterAll(() => fixture.close())
  let t = 0
  let client: ApiClient
  beforeEach(() => {
    t = 1_000_000
    fixture.requests.length = 0
    // the fixture's transport, with a cache and a clock
    const transport = (fixture.client as unknown as { opts: { transport: never } }).opts.transport
    client = new ApiClient({
      baseUrl: '',
      transport,
      sleep: async () => undefined,
      cache: new ReadCache({ storage: memoryStorage(), now: () => t }),
      now: () => t,
      freshMs: 30000,
      retries: 0,
    })
  })

  it('serves a fresh answer from the cache, a stale one at once while asking again, and a kept one when offline', async () => {
    const first = await client.call('GET /topics')
    expect(fixture.requests).toEqual(['GET /api/v1/topics'])
    expect(await client.call('GET /topics')).toEqual(first)
    expect(fixture.requests).toHaveLength(1)

    t += 60000
    const changed = jest.fn()
    const stop = onRevalidated(changed)
    expect(await client.call('GET /topics')).toEqual(first) // at once, from the cache
    await new Promise((r) => setTimeout(r, 20))
    expect(fixture.requests).toHaveLength(2) // asked again in the background
    expect(changed).not.toHaveBeenCalled() // same answer: nothing to redraw
    stop()

    t += 60000
    fixture.failNext(5)
    expect(await client.call('GET /topics')).toEqual(first) // offline: the kept answer
    fixture.failNext(0)
  })

  it('after the user’s own write, asks the server before showing a kept personal answer', async () => {
    const s = await client.call('POST /auth/dev', { body: { role: 'resident' } })
    expect(await client.call('GET /consultations/mine', { token: s.token })).toEqual([])
    await client.call('POST /consultations', {
      token: s.token,
      body: { topic: 'yibao', question: '医保异地备案怎么办理？', regionCode: '331002' },
      idempotencyKey: 'k-swr',
    })
    expect(await client.call('GET /consultations/mine', { token: s.token })).toHaveLength(1)
  })

  it('without an answer kept, an offline read fails with the Chinese network message', async () => {
    fixture.failNext(5)
    await expect(client.call('GET /regions')).rejects.toThrow('网络不给力')
    fixture.failNext(0)
  })

  it('a page showing a stale answer redraws when the background answer differs', async () => {
    const storage = memoryStorage()
    const cache = new ReadCache({ storage, now: () => t })
    // an answer kept long ago, different from what the server says now
    cache.set('/api/v1/topics', '', [{ id: 'old', name: '旧专题', icon: '' }])
    t += 3_600_000
    const inner = (fixture.client as unknown as { opts: { transport: Transport } }).opts.transport
    // a slow network: the kept answer is on screen well before the server's
    const transport: Transport = async (req) => {
      await new Promise((r) => setTimeout(r, 200))
      return inner(req)
    }
    setApi(new ApiClient({ baseUrl: '', transport, sleep: async () => undefined, cache, now: () => t }))
    const { api } = await import('../index')
    const shown: string[] = []
    function Topics() {
      const { data } = useRequest(() => api.call('GET /topics'), [])
      const text = data?.map((x) => x.name).join('、') ?? ''
      if (text && shown.at(-1) !== text) shown.push(text)
      return <Text>{text}</Text>
    }
    render(<Topics />)
    expect(await screen.findByText(/医疗保障/)).toBeInTheDocument()
    // first the kept answer, then the server's
    expect(shown[0]).toBe('旧专题')
    expect(shown).toHaveLength(2)
    await act(async () => undefined)
  })
})
