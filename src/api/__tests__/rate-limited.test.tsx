/**
 * A 429 from the server's abuse limits, as the app meets it: the form shows the server's message
 * (which says when to retry), nothing is kept; a queued write replayed in the background is not
 * sent again before Retry-After (no tight loop every 15 s); a GET is not retried at once.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/mocks/taro'
import { setupFixtureApi } from '../../../test/support/fixture-api'
import { ApiClient, ApiError, useSessionStore } from '@/api'
import ConsultPage from '@/packages/qa/pages/consult/index'
import { memoryStorage } from '../kv-storage'
import { Outbox, RATE_LIMITED_WAIT_MS } from '../outbox'
import { retryAfterMs } from '../errors'

const api = setupFixtureApi()
afterEach(() => act(() => useSessionStore.getState().signOut()))

const LIMIT_MESSAGE = /^咨询提交过于频繁，每小时最多 5 条，请 (1 小时|\d+ 分钟)后再试$/
const body = (n: number) => ({ topic: 'yibao', question: `城乡居民医保在哪里缴费？（第${n}问）`, regionCode: '331002' })
const posts = () => api.requests.filter((r) => r.startsWith('POST /api/v1/consultations')).length

let residents = 0
async function residentWithQuestionsLeft(left: number) {
  const s = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: `限流居民${++residents}` } })
  for (let i = 0; i < 5 - left; i++) await api.client.call('POST /consultations', { body: body(i), token: s.token })
  return s
}

it('the consult form shows the server’s 429 message, with when to retry', async () => {
  const s = await residentWithQuestionsLeft(0)
  act(() => useSessionStore.getState().signIn({ ...s, user: { ...s.user, regionCode: '331002' } }))
  taroMock.routerParams = { topic: 'yibao', q: encodeURIComponent('第六个问题：医保异地备案怎么办？') }
  render(<ConsultPage />)
  await screen.findByText('您的问题')
  fireEvent.click(await screen.findByRole('button', { name: '提交咨询' }))
  expect((await screen.findByRole('alert')).textContent).toMatch(LIMIT_MESSAGE)
})

describe('the outbox and a 429', () => {
  it('a write from an open form is refused with the message and retryAfterMs; nothing is kept', async () => {
    const s = await residentWithQuestionsLeft(0)
    const box = new Outbox({ storage: memoryStorage(), client: () => api.client, author: () => ({ userId: s.user.id, token: s.token }) })
    const err = await box.submit('POST /consultations', { body: body(9), label: '咨询' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(429)
    expect((err as ApiError).message).toMatch(LIMIT_MESSAGE)
    expect((err as ApiError).retryAfterMs).toBeGreaterThan(59 * 60_000)
    expect(box.entries()).toEqual([])
  })

  it('a queued write replayed in the background waits for Retry-After instead of retrying in a loop', async () => {
    const s = await residentWithQuestionsLeft(1)
    let now = 1_000_000
    const storage = memoryStorage()
    const author = () => ({ userId: s.user.id, token: s.token })
    // queued: the network was down when it was asked
    api.failNext(1, /consultations/)
    const first = new Outbox({ storage, client: () => api.client, author, now: () => now })
    expect((await first.submit('POST /consultations', { body: body(7), label: '咨询：第七问' })).status).toBe('queued')
    // meanwhile the last question of the hour went out from another device
    await api.client.call('POST /consultations', { body: body(8), token: s.token })

    // the app restarts: the replay (no form open) meets the limit
    const box = new Outbox({ storage, client: () => api.client, now: () => now })
    const before = posts()
    await box.flush()
    expect(posts()).toBe(before + 1)
    const [entry] = box.entries()
    expect(entry).toMatchObject({ state: 'pending', attempts: 2 })
    expect(entry.lastError).toMatch(LIMIT_MESSAGE)
    expect(entry.notBefore! - now).toBeGreaterThan(59 * 60_000)
    expect(entry.notBefore! - now).toBeLessThanOrEqual(60 * 60_000)

    // the 15 s timer, reconnects, launches: nothing goes out before Retry-After
    for (let i = 0; i < 20; i++) {
      now += 15_000
      await box.flush()
    }
    expect(posts()).toBe(before + 1)

    // after it, one try (still refused here: the server's window has not moved) and a new wait
    now = entry.notBefore! + 1
    await box.flush()
    expect(posts()).toBe(before + 2)
    expect(box.entries()[0].notBefore!).toBeGreaterThan(now)
  })

  it('without Retry-After it waits a minute; other entries still go out', async () => {
    const limited = { statusCode: 429, data: { error: { code: 'rate_limited', message: '操作过于频繁，请稍后再试' } }, header: {} }
    const sent: string[] = []
    const client = new ApiClient({
      baseUrl: '',
      sleep: async () => undefined,
      transport: async (req) => {
        sent.push(req.url)
        return req.url.includes('/videos/v001/like') ? limited : { statusCode: 200, data: { likes: 1, liked: true } }
      },
    })
    let now = 0
    const storage = memoryStorage()
    // stored by an earlier run (no form waiting): a like that will be refused, and one that will not
    storage.set(
      'zct-outbox',
      JSON.stringify([
        { id: 'k1', key: 'PUT /videos/:id/like', params: { id: 'v001' }, body: { liked: true }, label: '点赞', createdAt: 0, attempts: 0, state: 'pending' },
        { id: 'k2', key: 'PUT /videos/:id/like', params: { id: 'v002' }, body: { liked: true }, label: '点赞', createdAt: 0, attempts: 0, state: 'pending' },
      ]),
    )
    const box = new Outbox({ storage, client: () => client, now: () => now })
    await box.flush()
    expect(sent).toEqual(['/api/v1/videos/v001/like', '/api/v1/videos/v002/like'])
    expect(box.entries()).toMatchObject([{ id: 'k1', notBefore: RATE_LIMITED_WAIT_MS, lastError: '操作过于频繁，请稍后再试' }])
    now = RATE_LIMITED_WAIT_MS - 1
    await box.flush()
    expect(sent).toHaveLength(2)
  })
})

it('the client does not retry a GET that was refused with 429, and reads Retry-After', async () => {
  let calls = 0
  const client = new ApiClient({
    baseUrl: '',
    sleep: async () => undefined,
    transport: async () => {
      calls++
      return { statusCode: 429, data: { error: { code: 'rate_limited', message: '查询过于频繁，请 2 分钟后再试' } }, header: { 'Retry-After': '120' } }
    },
  })
  const err = (await client.call('GET /topics').catch((e: unknown) => e)) as ApiError
  expect(calls).toBe(1)
  expect(err.message).toBe('查询过于频繁，请 2 分钟后再试')
  expect(err.retryAfterMs).toBe(120_000)
  expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000)
  expect(retryAfterMs('soon')).toBeUndefined()
})
