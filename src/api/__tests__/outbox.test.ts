/**
 * The outbox against the real routes (fixture API): a write reaches the server exactly once
 * through dropped connections, lost answers and a restart between send and acknowledge.
 */
import { createFixtureApi, type FixtureApi } from '../../../test/support/fixture-api'
import { memoryStorage } from '../kv-storage'
import { Outbox } from '../outbox'
import { useSessionStore } from '../session-store'

let api: FixtureApi
beforeAll(async () => {
  api = await createFixtureApi()
})
afterAll(() => api.close())

const question = (n: number) => `我母亲八十二岁，户籍在温岭，高龄津贴怎么申请？（第${n}问）`
const input = (n: number) => ({ topic: 'yanglao', question: question(n), regionCode: '331081' })

let token: string
let userId: string
beforeEach(async () => {
  const s = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: `居民${Math.floor(Math.random() * 1e6)}` } })
  token = s.token
  userId = s.user.id
  useSessionStore.getState().signIn(s)
  api.requests.length = 0
})

function outboxOver(storage = memoryStorage(), now?: () => number) {
  return { storage, box: new Outbox({ storage, client: () => api.client, author: () => ({ userId, token }), now }) }
}

const mine = async () => (await api.client.call('GET /consultations/mine', { token })).map((c) => c.question)
const posts = () => api.requests.filter((r) => r.startsWith('POST /api/v1/consultations'))

describe('outbox', () => {
  it('sends at once when the server answers, and keeps nothing', async () => {
    const { box, storage } = outboxOver()
    const out = await box.submit('POST /consultations', { body: input(1), label: '咨询' })
    expect(out.status).toBe('sent')
    expect(out.status === 'sent' && out.data.question).toBe(question(1))
    expect(box.entries()).toEqual([])
    expect(storage.map.size).toBe(0)
    expect(await mine()).toEqual([question(1)])
  })

  it('keeps a write whose connection dropped, with its key, and sends it once on reconnect', async () => {
    const { box } = outboxOver()
    api.failNext(1, /consultations/)
    const out = await box.submit('POST /consultations', { body: input(2), label: '咨询：高龄津贴' })
    expect(out).toMatchObject({ status: 'queued', reason: '网络不给力，请检查网络后重试' })
    const [entry] = box.entries()
    expect(entry).toMatchObject({ key: 'POST /consultations', label: '咨询：高龄津贴', state: 'pending', attempts: 1, userId })
    expect(await mine()).toEqual([])

    await box.flush()
    expect(box.entries()).toEqual([])
    expect(await mine()).toEqual([question(2)])
    await box.flush()
    expect(posts()).toHaveLength(2)
  })

  it('stores it once when the app dies between send and acknowledge (the answer was lost): the replay after restart carries the same key', async () => {
    const storage = memoryStorage()
    const first = outboxOver(storage).box
    api.loseNextAnswer(/consultations$/)
    expect((await first.submit('POST /consultations', { body: input(3), label: '咨询' })).status).toBe('queued')
    const kept = storage.map.get('zct-outbox')
    expect(kept).toContain(question(3))

    // a new process: a fresh outbox over the same storage, nothing in memory
    const restarted = outboxOver(memoryStorage(new Map([['zct-outbox', kept as string]]))).box
    await restarted.flush()
    expect(restarted.entries()).toEqual([])
    expect(await mine()).toEqual([question(3)])
    // two POSTs reached the server with one Idempotency-Key; it stored one question
    expect(posts()).toHaveLength(2)
  })

  it('replays several writes in order, each exactly once, after the server was away', async () => {
    const { box } = outboxOver()
    api.failNext(100, /consultations/)
    for (const n of [4, 5, 6]) expect((await box.submit('POST /consultations', { body: input(n), label: `咨询${n}` })).status).toBe('queued')
    expect(box.entries().map((e) => e.label)).toEqual(['咨询4', '咨询5', '咨询6'])
    api.failNext(0)
    api.loseNextAnswer(/consultations$/)
    await box.flush() // 4 lands but its answer is lost: stops, keeps 4 5 6
    expect(box.entries()).toHaveLength(3)
    await box.flush()
    expect(box.entries()).toEqual([])
    expect((await mine()).sort()).toEqual([question(4), question(5), question(6)].sort())
  })

  it('rejects bad input at once with the server’s Chinese message and keeps nothing', async () => {
    const { box } = outboxOver()
    await expect(box.submit('POST /consultations', { body: { ...input(7), question: '太短' }, label: '咨询' })).rejects.toThrow('问题至少5个字')
    expect(box.entries()).toEqual([])
  })

  it('a write refused during a later replay stays in 待发送 as failed, with the reason, until removed', async () => {
    const storage = memoryStorage()
    const { box } = outboxOver(storage)
    api.failNext(1, /consultations/)
    await box.submit('POST /consultations', { body: { ...input(8), regionCode: '999999' }, label: '咨询' })
    const replay = outboxOver(storage).box
    await replay.flush()
    expect(replay.entries()).toMatchObject([{ state: 'failed', lastError: '请选择所在地区' }])
    replay.remove(replay.entries()[0].id)
    expect(replay.entries()).toEqual([])
  })

  it('keeps only the newest unsent state of a like, and the server ends with it', async () => {
    const { box } = outboxOver()
    api.failNext(100, /like/)
    await box.submit('PUT /videos/:id/like', { params: { id: 'v001' }, body: { liked: true }, coalesce: 'like:v001', label: '点赞' })
    await box.submit('PUT /videos/:id/like', { params: { id: 'v001' }, body: { liked: false }, coalesce: 'like:v001', label: '取消点赞' })
    await box.submit('PUT /videos/:id/like', { params: { id: 'v001' }, body: { liked: true }, coalesce: 'like:v001', label: '点赞' })
    expect(box.entries()).toHaveLength(1)
    api.failNext(0)
    await box.flush()
    expect(await api.client.call('GET /videos/:id/like', { params: { id: 'v001' }, token })).toMatchObject({ liked: true })
    expect(api.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(4)
  })

  it('does not send a write after its deadline (a quiz submit)', async () => {
    let t = 1000
    const { box } = outboxOver(memoryStorage(), () => t)
    api.failNext(1, /consultations/)
    await box.submit('POST /consultations', { body: input(9), label: '答题提交', expiresAt: 5000 })
    t = 6000
    await box.flush()
    expect(box.entries()).toMatchObject([{ state: 'failed', lastError: '已超过截止时间，未能提交' }])
    expect(await mine()).toEqual([])
  })

  it('replays as its author even after the device switched to someone else', async () => {
    const { box } = outboxOver()
    api.failNext(1, /consultations/)
    await box.submit('POST /consultations', { body: input(10), label: '咨询' })
    const authorToken = token
    useSessionStore.getState().signOut()
    await box.flush()
    expect(await api.client.call('GET /consultations/mine', { token: authorToken })).toMatchObject([{ question: question(10) }])
  })
})
