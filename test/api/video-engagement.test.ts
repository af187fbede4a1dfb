import { VIEW_REPLAY_WINDOW_MS } from '../../server/store/store'
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

  it('needs a signed-in user to like, a boolean, and a known video', async () => {
    const token = await login('乱点的人')
    const before = (await (await server.api('/videos/v002')).json()).likes
    expect((await like('v002', true)).status).toBe(401)
    expect((await like('v002', 'yes', token)).status).toBe(400)
    expect((await like('v999', true, token)).status).toBe(404)
    expect((await (await server.api('/videos/v002')).json()).likes).toBe(before)
  })
})
