/**
 * countAhead (migration 016: per-score and per-second counts, then the caller's own second) against
 * a brute-force count over the same standings, with replaced standings moving the counts.
 */
import { fixtures } from '../../../../mock/fixtures'
import { openStore } from '../../../store/open-store'
import type { Store } from '../../../store/store'
import { compareStandings } from '../standing'
import type { Standing } from '../types'

let store: Store
beforeAll(async () => {
  store = await openStore({ kind: 'memory', fixtures })
})
afterAll(() => store.close())

it('counts exactly the standings ranked strictly above, across scores, seconds and finish times', async () => {
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const base = Date.parse('2026-01-01T00:00:00Z')
  const standings = new Map<string, Standing>()
  for (let i = 0; i < 120; i++) {
    const user = await store.auth.upsertUser({ provider: 'dev', externalId: `resident:rank-${i % 90}`, nickname: `r${i}`, role: 'resident' })
    const attemptId = `rank-${i}`
    await store.quiz.insertAttempt({
      id: attemptId,
      userId: user.id,
      campaignId: 'q001',
      startedAt: new Date(base).toISOString(),
      deadline: new Date(base + 200_000).toISOString(),
      status: 'submitted',
      questions: [],
    })
    const next: Standing = {
      campaignId: 'q001',
      userId: user.id,
      attemptId,
      score: Math.floor(random() * 4) * 10,
      // few distinct seconds and milliseconds, so ties within a second and across seconds both occur
      timeUsedMs: Math.floor(random() * 4) * 1000 + Math.floor(random() * 3) * 250,
      finishedAt: new Date(base + Math.floor(random() * 3) * 1000).toISOString(),
      countyCode: '331002',
    }
    await store.quiz.saveStanding(next, standings.get(user.id))
    standings.set(user.id, next)
  }
  const all = [...standings.values()]
  expect(await store.quiz.countStandings('q001')).toBe(all.length)
  for (const s of all) {
    const ahead = all.filter((o) => compareStandings(o, s) < 0).length
    expect(await store.quiz.countAhead('q001', s)).toBe(ahead)
  }
})
