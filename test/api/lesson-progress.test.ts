import type { Course, LessonProgress } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { makeClock } from './helpers/clock'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

const c001 = fixtures.courses.find((c) => c.id === 'c001')!
const [l1, l2] = c001.lessons

describe.each(['sqlite'] as const)('lesson progress (%s store)', (storeKind) => {
  let server: TestServer
  const clock = makeClock(new Date('2026-11-28T08:00:00Z'))
  beforeAll(async () => {
    server = await startTestServer({ storeKind, now: clock.now, devLogin: true })
  })
  afterAll(() => server.close())

  const login = async (name: string) => ((await (await server.api('/auth/dev', postJson({ role: 'resident', name }))).json()) as { token: string }).token
  const save = async (token: string | undefined, body: unknown, course = 'c001') => {
    const res = await server.api(`/courses/${course}/progress`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }
  const course = async (token?: string): Promise<Course & { progress: LessonProgress[] }> =>
    (await server.api('/courses/c001', token ? { headers: { authorization: `Bearer ${token}` } } : {})).json()

  it('saves the position, returns it with the course, and keeps it per user', async () => {
    const a = await login('学员甲')
    const b = await login('学员乙')
    expect(await save(a, { lessonId: l1.id, positionSec: 12.34 })).toEqual({
      status: 200,
      body: { lessonId: l1.id, positionSec: 12.3, completed: false, updatedAt: clock.now().toISOString() },
    })
    expect((await course(a)).progress).toEqual([expect.objectContaining({ lessonId: l1.id, positionSec: 12.3, completed: false })])
    expect((await course(b)).progress).toEqual([])
    expect((await course()).progress).toEqual([])
  })

  it('completes a lesson at 90 % and keeps it completed when rewatched from the start', async () => {
    const a = await login('学员丙')
    expect((await save(a, { lessonId: l2.id, positionSec: l2.durationSec * 0.89 })).body.completed).toBe(false)
    expect((await save(a, { lessonId: l2.id, positionSec: l2.durationSec * 0.9 })).body.completed).toBe(true)
    const again = await save(a, { lessonId: l2.id, positionSec: 3 })
    expect(again.body).toMatchObject({ positionSec: 3, completed: true })
    expect((await save(a, { lessonId: l2.id, positionSec: l2.durationSec + 50 })).body.positionSec).toBe(l2.durationSec)
  })

  it('keeps a lesson completed under concurrent saves, whatever their order', async () => {
    const a = await login('学员戊')
    const positions = [5, l2.durationSec * 0.95, 10, 20, 1, 30, 2, 40]
    const results = await Promise.all(positions.map((positionSec) => save(a, { lessonId: l2.id, positionSec })))
    expect(results.map((r) => r.status)).toEqual(Array(positions.length).fill(200))
    expect(results[1].body.completed).toBe(true)
    expect((await course(a)).progress).toEqual([expect.objectContaining({ lessonId: l2.id, completed: true })])
    // and a later save from the start still leaves it completed
    expect((await save(a, { lessonId: l2.id, positionSec: 0 })).body).toMatchObject({ positionSec: 0, completed: true })
  })

  it('refuses bad saves and changes nothing', async () => {
    const a = await login('学员丁')
    expect((await save(undefined, { lessonId: l1.id, positionSec: 5 })).status).toBe(401)
    expect((await save(a, { lessonId: l1.id, positionSec: -1 })).status).toBe(400)
    expect((await save(a, { lessonId: l1.id })).status).toBe(400)
    expect((await save(a, { lessonId: 'c002-l1', positionSec: 5 })).status).toBe(404)
    expect((await save(a, { lessonId: l1.id, positionSec: 5 }, 'c999')).status).toBe(404)
    expect((await course(a)).progress).toEqual([])
  })
})
