/** Campaign status is derived from the dates at read time; nothing of the answer key ever leaves. */
import type { Campaign, CampaignSummary } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { campaignStatus } from '../../server/modules/quiz/campaign-status'
import { makeClock } from './helpers/clock'
import { SAMPLE_NOW, sampleFixtures } from './helpers/sample-fixtures'
import { startTestServer, type TestServer } from './helpers/test-server'

describe('on the real fixtures', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('derives every status from now', async () => {
    const list: CampaignSummary[] = await (await server.api('/campaigns')).json()
    expect(list).toHaveLength(fixtures.campaigns.length)
    const now = new Date()
    for (const c of list) expect(c.status).toBe(campaignStatus(c.startsAt, c.endsAt, now))
    for (const status of ['upcoming', 'ongoing', 'ended'] as const) {
      const filtered: CampaignSummary[] = await (await server.api(`/campaigns?status=${status}`)).json()
      expect(filtered.map((c) => c.id)).toEqual(list.filter((c) => c.status === status).map((c) => c.id))
    }
  })

  it('returns each campaign with rules and topics', async () => {
    for (const seed of fixtures.campaigns) {
      const c: Campaign = await (await server.api(`/campaigns/${seed.id}`)).json()
      // 参与人数 is counted from the attempts (none on a fresh database), not the fixture's figure
      expect(c).toEqual({ ...JSON.parse(JSON.stringify(seed)), participants: 0, status: campaignStatus(seed.startsAt, seed.endsAt, new Date()) })
    }
  })

  it('never sends a quiz answer or explanation', async () => {
    const paths = ['/campaigns', ...fixtures.campaigns.map((c) => `/campaigns/${c.id}`)]
    for (const status of ['upcoming', 'ongoing', 'ended']) paths.push(`/campaigns?status=${status}`)
    for (const path of paths) {
      const raw = await (await server.api(path)).text()
      expect(raw).not.toMatch(/answer|explanation|correct/i)
    }
    // nor any question's stem or explanation, on any read route
    const everywhere = [
      '/home',
      '/topics',
      '/policies?pageSize=50',
      '/interpretations?pageSize=50',
      '/videos?pageSize=50',
      '/courses',
      '/lecture-topics',
      ...paths,
    ]
    const bodies = await Promise.all(everywhere.map(async (p) => (await server.api(p)).text()))
    for (const q of fixtures.questions) {
      for (const body of bodies) {
        expect(body).not.toContain(q.explanation)
        expect(body).not.toContain(q.stem)
      }
    }
  })
})

describe('on a pinned clock', () => {
  const clock = makeClock(SAMPLE_NOW)
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ fixtures: sampleFixtures, now: clock.now })
  })
  afterAll(() => server.close())

  const statuses = async () => {
    const list: CampaignSummary[] = await (await server.api('/campaigns')).json()
    return list.map((c) => `${c.id}:${c.status}`)
  }

  it('orders ongoing, upcoming, ended, ignoring the seeded status', async () => {
    expect(await statuses()).toEqual(['q-ongoing:ongoing', 'q-upcoming:upcoming', 'q-ended:ended'])
  })

  it('follows the clock', async () => {
    clock.set(new Date('2025-07-01T00:00:00+08:00'))
    expect(await statuses()).toEqual(['q-upcoming:ongoing', 'q-ongoing:ended', 'q-ended:ended'])
    const detail: Campaign = await (await server.api('/campaigns/q-ongoing')).json()
    expect(detail.status).toBe('ended')
    const home = await (await server.api('/home')).json()
    expect(home.campaigns.map((c: CampaignSummary) => c.id)).toEqual(['q-upcoming'])
  })
})
