/**
 * Response schemas both speed up serialisation and drop every field they don't name. On the
 * sample fixtures (every block type, every optional field) each entity must come back whole.
 */
import { sampleFixtures } from './helpers/sample-fixtures'
import { startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ fixtures: sampleFixtures })
})
afterAll(() => server.close())

const get = async (path: string) => {
  const res = await server.api(path)
  expect(res.status).toBe(200)
  return res.json()
}

it('keeps every block type of an interpretation, ECharts option included', async () => {
  const [illustrated] = sampleFixtures.interpretations
  const types = illustrated.blocks.map((b) => b.type)
  expect(new Set(types)).toEqual(new Set(['heading', 'paragraph', 'image', 'keyFigures', 'timeline', 'chart', 'table', 'callout', 'faq']))
  expect(await get(`/interpretations/${illustrated.id}`)).toEqual(illustrated)
})

it('keeps optional fields and omits absent ones', async () => {
  for (const p of sampleFixtures.policies) expect(await get(`/policies/${p.id}`)).toEqual(p)
  for (const f of sampleFixtures.faqs) expect(await get(`/faqs/${f.id}`)).toEqual(f)
  for (const v of sampleFixtures.videos) {
    // a video's policy is read through its interpretation (GET /videos/:id adds it)
    const policyId = sampleFixtures.interpretations.find((i) => i.id === v.interpretationId)?.policyId
    const policy = sampleFixtures.policies.find((p) => p.id === policyId)
    expect(await get(`/videos/${v.id}`)).toEqual(policy ? { ...v, policy: { id: policy.id, title: policy.title } } : v)
  }
  const repealed = await get('/policies/p3')
  expect(repealed).not.toHaveProperty('effectiveFrom')
  expect(repealed).not.toHaveProperty('replacedBy')
})

it('keeps lecture topics and campaign rules whole', async () => {
  expect(await get('/lecture-topics')).toEqual(sampleFixtures.lectureTopics)
  const c = sampleFixtures.campaigns[1]
  expect((await get(`/campaigns/${c.id}`)).rules).toEqual(c.rules)
})
