/**
 * The content repository on a real database (sample fixtures): ordering, search, filters, paging
 * and whole entities, as GET /home, /topics, /departments, /regions, /policies, /interpretations
 * and /faqs/:id answer them.
 */
import { join } from 'node:path'
import { SAMPLE_NOW, sampleFixtures } from '../../../../test/api/helpers/sample-fixtures'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { openStore } from '../../../store/open-store'
import type { Store } from '../../../store/store'
import { composeHome } from '../home'
import { type ContentRepository, containsPattern } from '../repository'

const temp = makeTempDir('zct-content-')
afterAll(() => temp.remove())

const all = { page: 1, pageSize: 50 }
const ids = (items: { id: string }[]) => items.map((x) => x.id)

describe('content repository', () => {
  let store: Store
  let content: ContentRepository

  beforeAll(async () => {
    store = await openStore({ kind: 'sqlite', file: join(temp.path, 'content.db'), fixtures: sampleFixtures, now: () => SAMPLE_NOW })
    content = store.content
  })
  afterAll(() => store.close())

  describe('taxonomy', () => {
    it('lists topics in seed order', async () => {
      expect(await content.listTopics()).toEqual(sampleFixtures.topics)
    })

    it('lists the distinct policy departments in pinyin order', async () => {
      expect(await content.listDepartments()).toEqual(['台州市民政局', '台州市人民政府办公室', '台州市医疗保障局'])
    })

    it('returns the region tree; leaves have no children key', async () => {
      const tree = await content.regionTree()
      expect(tree.map((r) => r.name)).toEqual(['椒江区', '黄岩区'])
      expect(tree[0].children!.map((t) => t.code)).toEqual(['331002001', '331002002'])
      expect(tree[0].children![0].children).toEqual([{ code: '331002001003', name: '城隍浦社区', level: 'village' }])
      expect(tree[0].children![1]).not.toHaveProperty('children')
      expect(tree[1]).not.toHaveProperty('children')
    })
  })

  describe('policies', () => {
    it('orders newest first, ties by id', async () => {
      const page = await content.searchPolicies(all)
      expect(ids(page.items)).toEqual(['p4', 'p1', 'p3', 'p2', 'p5'])
      expect(page.total).toBe(5)
    })

    it('returns summaries without the text', async () => {
      const [first] = (await content.searchPolicies({ page: 1, pageSize: 1 })).items
      expect(first).toEqual({
        id: 'p4',
        title: '台州市高龄津贴发放办法（修订）',
        docNumber: '台民发〔2025〕2号',
        department: '台州市民政局',
        topic: 'yanglao',
        publishedAt: '2025-03-02',
        effectiveFrom: '2025-04-01',
        validity: 'valid',
        summary: '提高90周岁以上老年人津贴标准。',
      })
      const noEffective = (await content.searchPolicies({ ...all, q: '异地就医' })).items[0]
      expect(noEffective).not.toHaveProperty('effectiveFrom')
    })

    it.each([
      ['title', '高龄津贴', ['p4', 'p2']],
      ['doc number', '台政办发〔2021〕28号', ['p3']],
      ['summary', '跨省就医', ['p5']],
      ['section heading', '缴费标准', ['p1']],
      ['section text', '百岁老人', ['p4']],
      ['ASCII, any case', 'APP', ['p1']],
      ['all terms (AND)', '津贴 修订', ['p4']],
      ['ideographic space', '津贴\u3000社保卡', ['p2']],
      ['nothing', '不存在的词', []],
    ])('matches q in %s', async (_what, q, expected) => {
      const page = await content.searchPolicies({ ...all, q })
      expect(ids(page.items)).toEqual(expected)
      expect(page.total).toBe(expected.length)
    })

    it('treats a blank q as no filter', async () => {
      expect((await content.searchPolicies({ ...all, q: '   ' })).total).toBe(5)
    })

    it('filters by topic and department, combined with q', async () => {
      expect(ids((await content.searchPolicies({ ...all, topic: 'yibao' })).items)).toEqual(['p1', 'p5'])
      expect(ids((await content.searchPolicies({ ...all, dept: '台州市民政局' })).items)).toEqual(['p4', 'p2'])
      expect(ids((await content.searchPolicies({ ...all, topic: 'yibao', q: '备案' })).items)).toEqual(['p5'])
      expect(await content.searchPolicies({ ...all, topic: 'nope' })).toEqual({ items: [], total: 0, page: 1, pageSize: 50 })
    })

    it('paginates without overlap, and past the end gives an empty page with the total', async () => {
      const p1 = await content.searchPolicies({ page: 1, pageSize: 2 })
      const p2 = await content.searchPolicies({ page: 2, pageSize: 2 })
      const p3 = await content.searchPolicies({ page: 3, pageSize: 2 })
      expect([...ids(p1.items), ...ids(p2.items), ...ids(p3.items)]).toEqual(['p4', 'p1', 'p3', 'p2', 'p5'])
      expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 })
      expect(await content.searchPolicies({ page: 9, pageSize: 2 })).toEqual({ items: [], total: 5, page: 9, pageSize: 2 })
    })

    it('returns a policy whole, and undefined for an unknown id', async () => {
      expect(await content.getPolicy('p2')).toEqual(sampleFixtures.policies[1])
      expect(await content.getPolicy('p4')).toEqual(sampleFixtures.policies[3])
      expect(await content.getPolicy('nope')).toBeUndefined()
    })
  })

  describe('interpretations', () => {
    it('lists summaries newest first', async () => {
      const page = await content.listInterpretations(all)
      expect(ids(page.items)).toEqual(['i2', 'i3', 'i1'])
      expect(page.items[0]).not.toHaveProperty('blocks')
      expect(page.items[0]).not.toHaveProperty('videoIds')
    })

    it('filters by policy, topic and featured', async () => {
      expect(ids((await content.listInterpretations({ ...all, policyId: 'p4' })).items)).toEqual(['i2', 'i3'])
      expect(ids((await content.listInterpretations({ ...all, topic: 'yibao' })).items)).toEqual(['i1'])
      expect(ids((await content.listInterpretations({ ...all, featured: true })).items)).toEqual(['i2', 'i1'])
      expect(await content.listInterpretations({ page: 2, pageSize: 2 })).toMatchObject({ total: 3, items: [{ id: 'i1' }] })
    })

    it('returns every block type intact', async () => {
      expect(await content.getInterpretation('i1')).toEqual(sampleFixtures.interpretations[0])
      expect(await content.getInterpretation('nope')).toBeUndefined()
    })
  })

  it('returns a FAQ, with and without its links', async () => {
    expect(await content.getFaq('f1')).toEqual(sampleFixtures.faqs[0])
    expect(await content.getFaq('f2')).toEqual(sampleFixtures.faqs[1])
    expect(await content.getFaq('nope')).toBeUndefined()
  })

  it('takes LIKE’s own characters in q literally', async () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%')
    for (const q of ['%', '_', '\\', '%%', '高龄%', '高_津贴']) expect((await content.searchPolicies({ ...all, q })).total).toBe(0)
  })

  it('names the organisations of the region tree, and reads them once', async () => {
    const names = await content.orgNames()
    expect(names.get('331002')).toBe('椒江区')
    expect(names.get('331002001')).toBe('海门街道')
    expect(await content.orgNames()).toBe(names)
    expect(store.orgNames()).toEqual(names)
  })

  it('lists FAQs by id', async () => {
    expect(await content.listFaqs()).toEqual([...sampleFixtures.faqs].sort((a, b) => (a.id < b.id ? -1 : 1)))
  })

  it('composes home: featured, topics, 5 latest policies, ongoing campaigns', async () => {
    const home = await composeHome(store)
    expect(ids(home.featured)).toEqual(['i2', 'i1'])
    expect(home.topics).toEqual(sampleFixtures.topics)
    expect(ids(home.latestPolicies)).toEqual(['p4', 'p1', 'p3', 'p2', 'p5'])
    expect(ids(home.campaigns)).toEqual(['q-ongoing'])
  })
})
