import { VIEW_REPLAY_WINDOW_MS } from '../../server/modules/media/rules'
import { fixtures } from '../../mock/fixtures'
import { makeClock } from './helpers/clock'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

const v001 = fixtures.videos.find((v) => v.id === 'v001')!

describe.each(['sqlite'] as const)('video views and likes (%s store)', (storeKind) => {
  let server: TestServer
  const clock = makeClock(new Date('2026-11-28T08:00:00Z'))
  beforeAll(async () => {
    server = await startTestServer({ storeKind, now: clock.now, devLogin: true })
  })
  afterAll(() => server.close())

  const login = async (name: string) => {
    const res = await server.api('/auth/dev', postJson({ role: 'resident', name }))
    return ((await res.json()) as { token: string }).token
  }
  const view = async (id: string, token?: string, ua = 'test-agent') => {
    const res = await server.api(`/videos/${id}/views`, {
      method: 'POST',
      headers: { 'user-agent': ua, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    return { status: res.status, body: await res.json() }
  }
  const like = async (id: string, liked: unknown, token?: string) => {
    const res = await server.api(`/videos/${id}/like`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ liked }),
    })
    return { status: res.status, body: await res.json() }
  }

  it('counts a view once per viewer within the replay window, and again after it', async () => {
    const token = await login('看视频的居民')
    const first = await view('v001', token)
    expect(first).toEqual({ status: 200, body: { views: v001.views + 1, counted: true } })
    expect((await view('v001', token)).body).toEqual({ views: v001.views + 1, counted: false })
    // another viewer (anonymous, another browser) counts
    expect((await view('v001', undefined, 'other-browser')).body).toEqual({ views: v001.views + 2, counted: true })
    clock.advance(VIEW_REPLAY_WINDOW_MS)
    expect((await view('v001', token)).body).toEqual({ views: v001.views + 3, counted: true })
    const res = await server.api('/videos/v001')
    expect((await res.json()).views).toBe(v001.views + 3)
  })

  it('404s a view of an unknown video', async () => {
    expect((await view('v999')).status).toBe(404)
  })

  it('likes once per user however often it is sent, and unlikes', async () => {
    const a = await login('点赞的甲')
    const b = await login('点赞的乙')
    const base = v001.likes
    expect((await like('v001', true, a)).body).toEqual({ likes: base + 1, liked: true })
    expect((await like('v001', true, a)).body).toEqual({ likes: base + 1, liked: true })
    expect((await like('v001', true, b)).body).toEqual({ likes: base + 2, liked: true })
    expect((await like('v001', false, a)).body).toEqual({ likes: base + 1, liked: false })
    expect((await like('v001', false, a)).body).toEqual({ likes: base + 1, liked: false })
    const state = await server.api('/videos/v001/like', { headers: { authorization: `Bearer ${b}` } })
    expect(await state.json()).toEqual({ likes: base + 1, liked: true })
    expect(state.headers.get('cache-control')).toBe('no-store')
  })

  // concurrency: parallel requests through the API (the same rules hold on PostgreSQL's pool)
  const likeState = async (id: string, token: string) =>
    (await server.api(`/videos/${id}/like`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<{ likes: number; liked: boolean }>

  it('counts concurrent likes by one user once, and concurrent unlikes once', async () => {
    const token = await login('连点的人')
    const base = (await likeState('v003', token)).likes
    const likes = await Promise.all(Array.from({ length: 8 }, () => like('v003', true, token)))
    expect(likes.map((r) => r.status)).toEqual(Array(8).fill(200))
    expect(likes.every((r) => r.body.liked === true && r.body.likes === base + 1)).toBe(true)
    expect(await likeState('v003', token)).toEqual({ likes: base + 1, liked: true })
    await Promise.all(Array.from({ length: 8 }, () => like('v003', false, token)))
    expect(await likeState('v003', token)).toEqual({ likes: base, liked: false })
  })

  it('counts concurrent views of different viewers each, and of one viewer once', async () => {
    const [me, ...others] = await Promise.all(Array.from({ length: 6 }, (_, i) => login(`同时看的观众${i}`)))
    const base = ((await (await server.api('/videos/v004')).json()) as { views: number }).views
    const results = await Promise.all([...others.map((t) => view('v004', t)), ...Array.from({ length: 5 }, () => view('v004', me))])
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200))
    expect(results.slice(0, others.length).every((r) => r.body.counted)).toBe(true)
    expect(results.slice(others.length).filter((r) => r.body.counted)).toHaveLength(1)
    expect((await view('v004', me)).body).toEqual({ views: base + others.length + 1, counted: false })
  })

  it('needs a signed-in user to like, a boolean, and a known video', async () => {
    const token = await login('乱点的人')
    const before = (await (await server.api('/videos/v002')).json()).likes
    expect((await like('v002', true)).status).toBe(401)
    expect((await like('v002', 'yes', token)).status).toBe(400)
    expect((await like('v999', true, token)).status).toBe(404)
    expect((await (await server.api('/videos/v002')).json()).likes).toBe(before)
  })
})
