/** The read routes over the real fixtures: every entity comes back whole, lists filter and order. */
import type { Course, Home, Interpretation, InterpretationSummary, LectureTopic, Page, Region, Topic, Video } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { shanghaiToday } from '../../common/shanghai-date'
import { startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const json = async <T>(path: string): Promise<T> => {
  const res = await server.api(path)
  expect(res.status).toBe(200)
  return res.json() as Promise<T>
}
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value))
const byNewest = <T extends { id: string; publishedAt: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.publishedAt === b.publishedAt ? (a.id < b.id ? -1 : 1) : a.publishedAt < b.publishedAt ? 1 : -1))

it('GET /topics', async () => {
  expect(await json<Topic[]>('/topics')).toEqual(fixtures.topics)
})

describe('GET /regions', () => {
  it("is the tree of 台州's 9 counties → townships → villages", async () => {
    const tree = await json<Region[]>('/regions')
    expect(tree.map((r) => r.name)).toEqual(['椒江区', '黄岩区', '路桥区', '临海市', '温岭市', '玉环市', '天台县', '仙居县', '三门县'])
    for (const county of tree) {
      expect(county.level).toBe('county')
      expect(county.children?.length).toBeGreaterThan(0)
      for (const township of county.children!) {
        expect(township.level).toBe('township')
        for (const village of township.children ?? []) expect(village).toEqual({ code: expect.any(String), name: expect.any(String), level: 'village' })
      }
    }
    expect(tree).toEqual(plain(fixtures.regions))
  })
})

describe('interpretations', () => {
  it('lists summaries newest first, filtered by policy and topic', async () => {
    const all = await json<Page<InterpretationSummary>>('/interpretations?pageSize=50')
    expect(all.total).toBe(fixtures.interpretations.length)
    expect(all.items.map((i) => i.id)).toEqual(byNewest(fixtures.interpretations).map((i) => i.id))
    expect(all.items[0]).not.toHaveProperty('blocks')

    const policyId = fixtures.interpretations[0].policyId
    const forPolicy = await json<Page<InterpretationSummary>>(`/interpretations?policyId=${policyId}`)
    expect(forPolicy.items.length).toBeGreaterThan(0)
    expect(forPolicy.items.every((i) => i.policyId === policyId)).toBe(true)

    const topic = fixtures.interpretations[0].topic
    const forTopic = await json<Page<InterpretationSummary>>(`/interpretations?topic=${topic}&pageSize=50`)
    expect(forTopic.total).toBe(fixtures.interpretations.filter((i) => i.topic === topic).length)

    const page2 = await json<Page<InterpretationSummary>>('/interpretations?page=2&pageSize=2')
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id))
  })

  it('returns every interpretation with all its blocks', async () => {
    for (const i of fixtures.interpretations) {
      expect(await json<Interpretation>(`/interpretations/${i.id}`)).toEqual(plain(i))
    }
  })
})

it('GET /faqs/:id returns every FAQ', async () => {
  for (const f of fixtures.faqs) expect(await json(`/faqs/${f.id}`)).toEqual(plain(f))
})

describe('videos', () => {
  it('lists newest first, filtered by topic, paginated', async () => {
    const all = await json<Page<Video>>('/videos?pageSize=50')
    expect(all.items.map((v) => v.id)).toEqual(byNewest(fixtures.videos).map((v) => v.id))
    const topic = fixtures.videos[0].topic
    const forTopic = await json<Page<Video>>(`/videos?topic=${topic}&pageSize=50`)
    expect(forTopic.total).toBe(fixtures.videos.filter((v) => v.topic === topic).length)
    expect(await json<Page<Video>>('/videos?pageSize=1&page=2')).toMatchObject({ pageSize: 1, page: 2, items: [all.items[1]] })
  })

  it('returns each video with its media URLs under /media/', async () => {
    for (const v of fixtures.videos) {
      const { policy, ...video } = await json<Video>(`/videos/${v.id}`)
      expect(video).toEqual(plain(v))
      // and the policy it belongs to (through its interpretation): policy-dead-ends.test.ts
      expect(policy?.id).toBe(fixtures.interpretations.find((i) => i.id === v.interpretationId)?.policyId)
      expect(video.src).toMatch(/^\/media\//)
    }
  })
})

describe('courses', () => {
  it('lists summaries with lesson counts', async () => {
    const courses = await json<Course[]>('/courses')
    expect(courses.map((c) => c.id)).toEqual(fixtures.courses.map((c) => c.id))
    for (const c of courses) {
      const seed = fixtures.courses.find((x) => x.id === c.id)!
      expect(c).not.toHaveProperty('lessons')
      expect(c.lessonCount).toBe(seed.lessons.length)
      expect(c.totalSec).toBe(seed.lessons.reduce((n, l) => n + l.durationSec, 0))
    }
  })

  it('returns a course with its lessons and an empty progress list', async () => {
    const seed = fixtures.courses[0]
    const course = await json<Course & { progress: unknown[] }>(`/courses/${seed.id}`)
    expect(course.lessons).toEqual(plain(seed.lessons))
    expect(course.progress).toEqual([])
  })
})

it('GET /lecture-topics, filtered by topic', async () => {
  expect(await json<LectureTopic[]>('/lecture-topics')).toEqual(plain(fixtures.lectureTopics))
  const topic = fixtures.lectureTopics[0].topic
  const filtered = await json<LectureTopic[]>(`/lecture-topics?topic=${topic}`)
  expect(filtered).toEqual(plain(fixtures.lectureTopics.filter((t) => t.topic === topic)))
})

it('GET /home: featured interpretations, topics, 5 latest policies, ongoing campaigns', async () => {
  const home = await json<Home>('/home')
  expect(Object.keys(home).sort()).toEqual(['campaigns', 'featured', 'latestPolicies', 'topics'])
  expect(home.topics).toEqual(fixtures.topics)
  expect(home.featured.length).toBeGreaterThan(0)
  expect(home.featured.every((i) => i.featured)).toBe(true)
  // newest first, those already 已截止 (closesAt before today) after the open ones
  const today = shanghaiToday(new Date())
  const closed = (p: { closesAt?: string }) => (p.closesAt && p.closesAt < today ? 1 : 0)
  expect(home.latestPolicies.map((p) => p.id)).toEqual(
    [...byNewest(fixtures.policies)]
      .sort((a, b) => closed(a) - closed(b))
      .slice(0, 5)
      .map((p) => p.id),
  )
  expect(home.campaigns.every((c) => c.status === 'ongoing')).toBe(true)
})
