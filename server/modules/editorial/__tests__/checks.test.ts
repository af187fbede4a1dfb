/**
 * The checks at 送审 on a real database (SQLite; PostgreSQL under test:pg) seeded with the sample fixtures (policies p1–p5,
 * interpretations i1–i3, FAQs f1–f2, videos v1–v3) plus items in the workflow: each check fires
 * on what it is for and stays quiet on a good draft.
 */
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { BannerDraft, EditorialCheck, EditorialStatus, FaqDraft, InterpretationDraft, PolicyDraft } from '../../../../common/contract'
import { chartSpec } from '../../../../common/charts/chart-spec'
import { SAMPLE_NOW, sampleFixtures } from '../../../../test/api/helpers/sample-fixtures'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { createTestDatabase, onPostgres, type TestDatabase } from '../../../../test/api/helpers/database'
import type { ContentChecker } from '../../../content-check'
import type { DB } from '../../../db/schema'
import { openStore } from '../../../store/open-store'
import type { Store } from '../../../store/store'
import { createItem } from '../create-item'
import { hasErrors, runChecks } from '../checks'

const temp = makeTempDir('zct-checks-')
let store: Store
let database: TestDatabase | undefined
let db: Kysely<DB>
const author = { id: 'u-editor', name: '编辑甲' }

const policy: PolicyDraft = {
  title: '仙居县高龄津贴发放办法',
  docNumber: '仙政办发〔2026〕12号',
  issuer: '仙居县人民政府办公室',
  department: '仙居县民政局',
  topic: 'yanglao',
  regionCode: '331024',
  publishedAt: '2026-01-10',
  summary: '80周岁以上老人按月领取津贴。',
  sections: [{ heading: '第一条', paragraphs: ['津贴按月发放。'] }],
  validity: 'valid',
}

const interpretation: InterpretationDraft = {
  title: '图解：医保缴多少',
  kind: 'illustrated',
  topic: 'yibao',
  department: '台州市医疗保障局',
  policyId: 'p1',
  cover: '/media/covers/i1.jpg',
  summary: '一张图看懂。',
  featured: false,
  blocks: [
    { type: 'paragraph', text: '成年居民400元。' },
    { type: 'image', src: '/media/images/i1.png', alt: '缴费标准图' },
    {
      type: 'chart',
      title: '缴费标准',
      chart: chartSpec({ kind: 'bar', title: '缴费标准', categoryLabel: '年度', seriesName: '缴费', unit: '元', data: [['2025', 400]] }),
    },
  ],
  videoIds: ['v2'],
  faqIds: ['f1'],
}

const faq: FaqDraft = { question: '医保在哪交？', answer: '浙里办。', topic: 'yibao', keywords: ['医保'], policyId: 'p1', interpretationId: 'i1' }

const banner: BannerDraft = {
  title: '文明城市创建',
  image: '/media/uploads/a.jpg',
  alt: '志愿者在街头清扫',
  link: '/pages/index/index',
  startsAt: '2026-03-01',
  endsAt: '2026-03-31',
  position: 0,
}

const ctx = (itemId: string) => ({ db, itemId, orgCode: '331024' })
const codes = (checks: EditorialCheck[]) => checks.map((c) => `${c.level}:${c.code}:${c.field}`)

async function itemInWorkflow<T extends 'policy' | 'interpretation' | 'faq'>(
  type: T,
  id: string,
  draft: T extends 'policy' ? PolicyDraft : T extends 'interpretation' ? InterpretationDraft : FaqDraft,
  status: EditorialStatus = 'draft',
) {
  await createItem(db, { type, id, orgCode: '331024', draft, author, now: SAMPLE_NOW } as Parameters<typeof createItem>[1])
  await db.updateTable('editorial_items').set({ status }).where('id', '=', id).execute()
}

beforeAll(async () => {
  database = onPostgres ? await createTestDatabase() : undefined
  store = database
    ? await openStore({ kind: 'postgres', databaseUrl: database.url, fixtures: sampleFixtures, now: () => SAMPLE_NOW })
    : await openStore({ kind: 'sqlite', file: join(temp.path, 'checks.db'), fixtures: sampleFixtures, now: () => SAMPLE_NOW })
  db = store.database.kysely
  await itemInWorkflow('policy', 'p-draft', policy)
  await itemInWorkflow('policy', 'p-reviewed', policy)
  await itemInWorkflow('interpretation', 'i-draftof', { ...interpretation, policyId: 'p-draft', faqIds: [] })
  await itemInWorkflow('interpretation', 'i-inreview', { ...interpretation, policyId: 'p-reviewed', faqIds: ['f-linked'] }, 'in_review')
  await itemInWorkflow('faq', 'f-linked', { ...faq, interpretationId: 'i-inreview' })
})
afterAll(async () => {
  await store.close()
  await database?.drop()
  temp.remove()
})

describe('good drafts', () => {
  it('a complete policy with a published interpretation: nothing to report', async () => {
    expect(await runChecks('policy', policy, ctx('p1'))).toEqual([])
  })

  it('an interpretation whose FAQ names it back and whose video is free', async () => {
    expect(await runChecks('interpretation', interpretation, ctx('i1'))).toEqual([])
  })

  it('a FAQ, a banner', async () => {
    expect(await runChecks('faq', faq, ctx('f1'))).toEqual([])
    expect(await runChecks('banner', banner, ctx('b-1'))).toEqual([])
  })
})

describe('required fields', () => {
  it('an empty policy: every required field, with its message', async () => {
    const empty: PolicyDraft = {
      ...policy,
      title: '',
      docNumber: '',
      issuer: '',
      department: '',
      topic: '',
      regionCode: '',
      publishedAt: '',
      summary: '',
      sections: [],
    }
    const checks = await runChecks('policy', empty, ctx('p1'))
    expect(checks.filter((c) => c.code === 'required')).toEqual([
      { level: 'error', code: 'required', field: 'draft.title', message: '请填写标题' },
      { level: 'error', code: 'required', field: 'draft.docNumber', message: '请填写文号' },
      { level: 'error', code: 'required', field: 'draft.issuer', message: '请填写发文机关' },
      { level: 'error', code: 'required', field: 'draft.department', message: '请填写所属部门' },
      { level: 'error', code: 'required', field: 'draft.topic', message: '请选择主题' },
      { level: 'error', code: 'required', field: 'draft.regionCode', message: '请选择适用地区' },
      { level: 'error', code: 'required', field: 'draft.publishedAt', message: '请填写发布日期' },
      { level: 'error', code: 'required', field: 'draft.summary', message: '请填写摘要' },
      { level: 'error', code: 'required', field: 'draft.sections', message: '请填写原文、上传附件或填写原文链接' },
    ])
    expect(hasErrors(checks)).toBe(true)
  })

  it('a policy with only its 原文链接 needs no sections; a revised one names its successor, a repealed one its date', async () => {
    expect(await runChecks('policy', { ...policy, sections: [], sourceUrl: 'https://www.zjxj.gov.cn/a.html' }, ctx('p1'))).toEqual([])
    expect(codes(await runChecks('policy', { ...policy, validity: 'revised' }, ctx('p1')))).toEqual(['error:required:draft.replacedBy'])
    expect(codes(await runChecks('policy', { ...policy, validity: 'repealed' }, ctx('p1')))).toEqual(['error:required:draft.repealedAt'])
  })

  it("an interpretation's fields and its blocks' content", async () => {
    const checks = await runChecks(
      'interpretation',
      {
        ...interpretation,
        title: '',
        cover: '',
        blocks: [
          { type: 'heading', text: '' },
          { type: 'faq', items: [{ id: 'q1', question: '要申请吗？', answer: '' }] },
          { type: 'table', columns: ['a'], rows: [] },
        ],
      },
      ctx('i1'),
    )
    expect(checks.map((c) => [c.field, c.message])).toEqual([
      ['draft.title', '请填写标题'],
      ['draft.cover', '请上传封面图片'],
      ['draft.blocks[0].text', '请填写小标题'],
      ['draft.blocks[1].items[0].answer', '请填写回答'],
      ['draft.blocks[2].rows', '表格没有内容'],
    ])
    expect(codes(await runChecks('interpretation', { ...interpretation, kind: 'video', blocks: [], videoIds: [] }, ctx('i1')))).toEqual([
      'error:required:draft.videoIds',
    ])
  })

  it('a FAQ and a banner', async () => {
    expect(codes(await runChecks('faq', { ...faq, answer: '' }, ctx('f1')))).toEqual(['error:required:draft.answer'])
    expect(codes(await runChecks('banner', { ...banner, link: '', endsAt: '' }, ctx('b-1')))).toEqual([
      'error:required:draft.link',
      'error:required:draft.endsAt',
    ])
  })
})

describe('sensitive words', () => {
  it('finds a listed word in a title and in a block, whatever its width or spacing', async () => {
    const checks = await runChecks(
      'interpretation',
      { ...interpretation, title: '欢迎来到网赌平台', blocks: [{ type: 'paragraph', text: '点击进入在线 赌 场' }, ...interpretation.blocks] },
      ctx('i1'),
    )
    expect(checks).toEqual([
      { level: 'error', code: 'sensitive_word', field: 'draft.title', message: '含有不适宜发布的词语「网赌平台」，请修改' },
      { level: 'error', code: 'sensitive_word', field: 'draft.blocks[0].text', message: '含有不适宜发布的词语「在线赌场」，请修改' },
    ])
  })

  it('asks the content checker too when the routes give one (WeChat msgSecCheck), for text the list passes', async () => {
    const asked: string[] = []
    const checker: ContentChecker = {
      async checkText(text) {
        asked.push(text)
        return text.includes('违规') ? { ok: false, refused: true, reason: 'msgSecCheck risky' } : { ok: true }
      },
    }
    const log = { info: () => {}, warn: () => {} } as never
    const checks = await runChecks('faq', { ...faq, answer: '这是违规内容' }, { ...ctx('f1'), contentCheck: { checker, log } })
    expect(checks).toEqual([{ level: 'error', code: 'sensitive_word', field: 'draft.answer', message: '含有不适宜发布的内容，请修改' }])
    expect(asked).toEqual(expect.arrayContaining(['医保在哪交？', '这是违规内容', '医保']))
  })
})

describe('links', () => {
  it('a link to nothing is an error; to something not yet published, a warning', async () => {
    const checks = await runChecks('interpretation', { ...interpretation, policyId: 'p-draft', videoIds: ['v9'], faqIds: ['f9'] }, ctx('i1'))
    expect(checks).toEqual([
      { level: 'warning', code: 'unpublished_link', field: 'draft.policyId', message: '关联的政策（p-draft）尚未发布，居民暂时看不到' },
      { level: 'error', code: 'broken_link', field: 'draft.faqIds[0]', message: '关联的问答（f9）不存在' },
      { level: 'error', code: 'broken_link', field: 'draft.videoIds[0]', message: '关联的视频（v9）不存在' },
    ])
    expect(codes(await runChecks('faq', { ...faq, policyId: 'p404', interpretationId: 'i404' }, ctx('f1')))).toEqual([
      'error:broken_link:draft.policyId',
      'error:broken_link:draft.interpretationId',
    ])
    expect(codes(await runChecks('policy', { ...policy, validity: 'revised', replacedBy: 'p1' }, ctx('p1')))).toEqual(['error:broken_link:draft.replacedBy'])
    expect(await runChecks('policy', { ...policy, validity: 'revised', replacedBy: 'p4' }, ctx('p1'))).toEqual([])
  })

  it('links both ways: an interpretation listing a FAQ that names another interpretation, or none; a video of another', async () => {
    const checks = await runChecks('interpretation', { ...interpretation, faqIds: ['f1', 'f2'], videoIds: ['v1'] }, ctx('i-new'))
    expect(checks).toEqual([
      { level: 'warning', code: 'one_way_link', field: 'draft.faqIds[0]', message: '问答（f1）关联的是另一篇解读（i1），请同时修改该问答' },
      { level: 'warning', code: 'one_way_link', field: 'draft.faqIds[1]', message: '问答（f2）没有关联本解读，请同时修改该问答' },
      { level: 'warning', code: 'one_way_link', field: 'draft.videoIds[0]', message: '视频（v1）属于另一篇解读（i1）' },
    ])
    // a FAQ in the workflow that names it back: its working version counts
    expect(codes(await runChecks('interpretation', { ...interpretation, policyId: 'p-reviewed', faqIds: ['f-linked'] }, ctx('i-inreview')))).toEqual([
      'warning:unpublished_link:draft.policyId',
      'warning:unpublished_link:draft.faqIds[0]',
    ])
  })

  it('links both ways: a FAQ naming an interpretation that does not list it', async () => {
    expect(codes(await runChecks('faq', { ...faq, interpretationId: 'i-draftof' }, ctx('f-x')))).toEqual([
      'warning:unpublished_link:draft.interpretationId',
      'warning:one_way_link:draft.interpretationId',
    ])
    expect(codes(await runChecks('faq', { ...faq, interpretationId: 'i-inreview' }, ctx('f-linked')))).toEqual([
      'warning:unpublished_link:draft.interpretationId',
    ])
  })
})

describe('pictures, charts, interpretations', () => {
  it('a picture without alt text and a banner without one', async () => {
    const checks = await runChecks('interpretation', { ...interpretation, blocks: [{ type: 'image', src: '/media/images/x.png', alt: '' }] }, ctx('i1'))
    expect(checks).toEqual([{ level: 'error', code: 'image_alt', field: 'draft.blocks[0].alt', message: '请为图片填写替代文字，供读屏软件朗读' }])
    expect(codes(await runChecks('banner', { ...banner, alt: '' }, ctx('b-1')))).toEqual(['error:image_alt:draft.alt'])
  })

  it('a chart without data, or with an empty label, or without its grid', async () => {
    const empty = chartSpec({ kind: 'pie', title: '构成', categoryLabel: '类别', seriesName: '', unit: '', data: [] })
    const checks = await runChecks(
      'interpretation',
      {
        ...interpretation,
        blocks: [
          { type: 'chart', title: '构成', chart: empty },
          { type: 'chart', title: '旧图', chart: { option: {}, table: { columns: [], rows: [] } } },
        ],
      },
      ctx('i1'),
    )
    expect(checks).toEqual([
      { level: 'error', code: 'chart_data', field: 'draft.blocks[0].chart', message: '请填写数据名称；图表没有数据' },
      { level: 'error', code: 'chart_data', field: 'draft.blocks[1].chart', message: '图表没有数据' },
    ])
  })

  it('a policy without an interpretation is a warning; one in review counts, a draft does not', async () => {
    expect(await runChecks('policy', policy, ctx('p5'))).toEqual([
      { level: 'warning', code: 'no_interpretation', field: 'draft', message: '该政策还没有解读：按要求，政策文件应与解读材料同步发布' },
    ])
    expect(codes(await runChecks('policy', policy, ctx('p-draft')))).toEqual(['warning:no_interpretation:draft'])
    expect(await runChecks('policy', policy, ctx('p-reviewed'))).toEqual([])
    expect(hasErrors(await runChecks('policy', policy, ctx('p5')))).toBe(false)
  })
})
