/**
 * The dashboard over the real server, on a scenario built from editorial rows: 仙居县 with 4
 * published policies, 2 interpreted, 1 within 3 working days (rate 0.5, syncRate 0.25); the
 * figures per organisation and department, 待复核, drafts waiting per reviewer, read counts (cached
 * reads included), scoping (403 across counties), date filters and the CSV export.
 */
import type { AuditEntry, Dashboard, EditorialDrafts, EditorialType, Page, Session } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { createItem } from '../../editorial/create-item'
import { flushViews } from '../view-counter'

jest.setTimeout(60_000)

let server: TestServer
const s: Record<string, Session> = {}
const READ_ID = fixtures.interpretations[0].id

async function devLogin(role: string, org?: string, name?: string): Promise<Session> {
  const res = await server.api('/auth/dev', postJson({ role, ...(org ? { org } : {}), ...(name ? { name } : {}) }))
  expect(res.status).toBe(200)
  return (await res.json()) as Session
}

const policyDraft = (title: string, over: Partial<EditorialDrafts['policy']>): EditorialDrafts['policy'] => ({
  title,
  docNumber: '仙政办发〔2026〕1号',
  issuer: '仙居县人民政府办公室',
  department: '仙居县人力资源和社会保障局',
  topic: 'jiuye',
  regionCode: '331024',
  publishedAt: '2026-03-06',
  summary: '摘要',
  sections: [],
  validity: 'valid',
  ...over,
})

const interpretationDraft = (title: string, policyId: string): EditorialDrafts['interpretation'] => ({
  title,
  kind: 'illustrated',
  topic: 'jiuye',
  department: '仙居县人力资源和社会保障局',
  policyId,
  cover: '/media/covers/x.jpg',
  summary: '摘要',
  featured: false,
  blocks: [],
  videoIds: [],
  faqIds: [],
})

/** an item made as the console makes it, then set to what the workflow would have left */
async function item<T extends EditorialType>(
  type: T,
  orgCode: string,
  draft: EditorialDrafts[T],
  state: { status?: string; firstPublishedAt?: string; reviewDate?: string; id?: string; author?: Session } = {},
): Promise<string> {
  const db = server.store.database.kysely
  const author = state.author ?? s.xjEditor
  if (state.id) {
    // a fixture item: the seeded editorial item of 台州市 gives way to the one this scenario needs
    await db.deleteFrom('editorial_versions').where('item_id', '=', state.id).execute()
    await db.deleteFrom('editorial_items').where('id', '=', state.id).execute()
  }
  const id = await createItem(db, {
    type,
    orgCode,
    draft,
    author: { id: author.user.id, name: author.user.nickname },
    now: new Date(),
    ...(state.id ? { id: state.id } : {}),
  })
  const published = state.status === undefined || state.status === 'published'
  await db
    .updateTable('editorial_items')
    .set({
      status: state.status ?? 'published',
      published_version: published ? 1 : null,
      first_published_at: published ? (state.firstPublishedAt ?? null) : null,
      published_at: published ? (state.firstPublishedAt ?? null) : null,
      review_date: state.reviewDate ?? null,
    })
    .where('id', '=', id)
    .execute()
  return id
}

let seededPolicies = 0

async function dashboard(as: string, query = ''): Promise<Dashboard> {
  const res = await server.api(`/admin/dashboard${query}`, bearer(s[as].token))
  expect(res.status).toBe(200)
  return (await res.json()) as Dashboard
}

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  s.xjEditor = await devLogin('editor', '331024', '仙居编辑')
  s.xjReviewer = await devLogin('reviewer', '331024', '仙居审核')
  s.jjReviewer = await devLogin('reviewer', '331002', '椒江审核')
  s.cityReviewer = await devLogin('reviewer', '331000', '市审核')
  s.cityAdmin = await devLogin('admin', '331000', '市管理员')
  s.xjStaff = await devLogin('staff', '331024', '仙居便民点')
  // the fixtures' policies are there too, as published items of 台州市
  const seeded = await server.store.database.kysely
    .selectFrom('editorial_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'policy')
    .where('author_id', '=', 'system')
    .executeTakeFirstOrThrow()
  seededPolicies = Number(seeded.n)

  // 2026-03-06 is a Friday: P1 interpreted the next Wednesday (同步), P2 the next Thursday in Beijing (00:30, still Wednesday in UTC)
  const p1 = await item('policy', '331024', policyDraft('仙居县就业补贴办法', {}), { firstPublishedAt: '2026-03-06T02:00:00.000Z' })
  const p2 = await item('policy', '331024', policyDraft('仙居县学前教育资助办法', { department: '仙居县教育局' }), {
    firstPublishedAt: '2026-03-06T02:00:00.000Z',
  })
  // seeded-style: never published through the workflow, its 发布日期 counts
  await item('policy', '331024001', policyDraft('福应街道村级补助', { department: '党政办公室', validity: 'revised', publishedAt: '2026-02-02' }))
  await item('policy', '331024', policyDraft('仙居县旧社保办法', { validity: 'repealed', publishedAt: '2025-01-10' }), {
    firstPublishedAt: '2025-01-10T02:00:00.000Z',
    reviewDate: '2025-06-01',
  })
  await item('policy', '331002', policyDraft('椒江区人才新政', { department: '椒江区人力资源和社会保障局', regionCode: '331002' }), {
    firstPublishedAt: '2026-03-06T02:00:00.000Z',
  })
  await item('interpretation', '331024', interpretationDraft('一图读懂就业补贴', p1), { firstPublishedAt: '2026-03-11T01:00:00.000Z' })
  await item('interpretation', '331024', interpretationDraft('学前教育资助问答', p2), { firstPublishedAt: '2026-03-11T16:30:00.000Z' })
  // the fixture interpretation residents read below, kept by 仙居县
  await item('interpretation', '331024', interpretationDraft('已发布的图解', 'p-elsewhere'), { id: READ_ID, firstPublishedAt: '2026-01-05T02:00:00.000Z' })
  await item(
    'faq',
    '331024',
    { question: '=HYPERLINK("http://x")怎么办？', answer: '答', topic: 'jiuye', keywords: [] },
    { firstPublishedAt: '2026-01-05T02:00:00.000Z', reviewDate: '2025-03-01' },
  )
  // not live: a draft, and one waiting in review (written by the 仙居 editor)
  await item('policy', '331024', policyDraft('草稿政策', {}), { status: 'draft' })
  await item('interpretation', '331024', interpretationDraft('待审解读', p1), { status: 'in_review' })
})
afterAll(() => server.close())

describe('figures of 仙居县 (a reviewer of 仙居县, org defaulting to their own)', () => {
  let d: Dashboard
  beforeAll(async () => {
    d = await dashboard('xjReviewer')
  })

  it('policies by validity and the totals', () => {
    expect(d.org).toEqual({ code: '331024', name: '仙居县' })
    expect(d.policiesByValidity).toEqual([
      { validity: 'valid', count: 2 },
      { validity: 'revised', count: 1 },
      { validity: 'repealed', count: 1 },
    ])
    expect(d.totals).toEqual({ policies: 4, interpretations: 3, faqs: 1, inReview: 1, drafts: 1 })
  })

  it('解读率 by organisation: 仙居县 itself, then each township', () => {
    const [own, ...townships] = d.coverageByOrg
    expect(own).toEqual({ org: { code: '331024', name: '仙居县' }, policies: 3, interpreted: 2, rate: 2 / 3, synced: 1, syncRate: 1 / 3 })
    expect(townships.length).toBeGreaterThan(1)
    expect(townships.every((r) => /^331024\d{3}$/.test(r.org.code))).toBe(true)
    expect(townships.find((r) => r.org.code === '331024001')).toMatchObject({ policies: 1, interpreted: 0, rate: 0 })
    const all = d.coverageByOrg.reduce((n, r) => n + r.policies, 0)
    const interpreted = d.coverageByOrg.reduce((n, r) => n + r.interpreted, 0)
    const synced = d.coverageByOrg.reduce((n, r) => n + r.synced, 0)
    // over the county: 4 policies, 2 interpreted, 1 within 3 working days
    expect([all, interpreted, synced, interpreted / all, synced / all]).toEqual([4, 2, 1, 0.5, 0.25])
  })

  it('解读率 by department, most policies first', () => {
    expect(d.coverageByDepartment.map((r) => [r.org.department, r.policies, r.interpreted, r.synced])).toEqual([
      ['仙居县人力资源和社会保障局', 2, 1, 1],
      ['仙居县教育局', 1, 1, 0],
      ['党政办公室', 1, 0, 0],
    ])
  })

  it('待复核: live items past their review date, oldest first', () => {
    expect(d.dueForReview.map((i) => [i.type, i.reviewDate])).toEqual([
      ['faq', '2025-03-01'],
      ['policy', '2025-06-01'],
    ])
    expect(d.dueForReview[1]).toMatchObject({ title: '仙居县旧社保办法', status: 'published', live: true, org: { code: '331024', name: '仙居县' } })
  })

  it('drafts waiting per reviewer: 仙居县 reviewers only, never the author', () => {
    expect(d.waitingPerReviewer).toEqual([{ reviewer: { id: s.xjReviewer.user.id, name: '仙居审核' }, org: { code: '331024', name: '仙居县' }, count: 1 }])
  })
})

describe('the city', () => {
  it('one row per county; reviewers and admins above may review 仙居县 drafts too', async () => {
    const d = await dashboard('cityReviewer')
    expect(d.coverageByOrg).toHaveLength(9)
    expect(d.coverageByOrg.find((r) => r.org.code === '331024')).toMatchObject({ policies: 4, interpreted: 2, rate: 0.5, synced: 1, syncRate: 0.25 })
    expect(d.coverageByOrg.find((r) => r.org.code === '331002')).toMatchObject({ policies: 1, interpreted: 0, rate: 0 })
    expect(d.waitingPerReviewer.map((w) => w.reviewer.name).sort()).toEqual(['仙居审核', '市审核', '市管理员'])
    expect(d.totals.policies).toBe(5 + seededPolicies)
  })

  it('may look at 仙居县 with org=', async () => {
    expect((await dashboard('cityReviewer', '?org=331024')).totals.policies).toBe(4)
  })
})

describe('filters and scoping', () => {
  it('from/to filter policies by their 发布日期', async () => {
    const d = await dashboard('xjReviewer', '?from=2026-03-01&to=2026-03-31')
    expect(d).toMatchObject({ from: '2026-03-01', to: '2026-03-31' })
    expect(d.totals.policies).toBe(2)
    expect(d.coverageByOrg[0]).toMatchObject({ policies: 2, interpreted: 2, synced: 1, rate: 1, syncRate: 0.5 })
  })

  it('bad dates are a 400 in Chinese', async () => {
    for (const [query, text] of [
      ['?from=2026-3-1', '开始日期格式应为 YYYY-MM-DD'],
      ['?to=2026-02-30', '结束日期不是有效日期'],
      ['?from=2026-04-01&to=2026-03-01', '开始日期不能晚于结束日期'],
    ]) {
      const res = await server.api(`/admin/dashboard${query}`, bearer(s.xjReviewer.token))
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(text)
    }
  })

  it('a 仙居县 reviewer asking for 椒江区 is a 403; staff and the signed-out may not look', async () => {
    const cross = await server.api('/admin/dashboard?org=331002', bearer(s.xjReviewer.token))
    expect(cross.status).toBe(403)
    expect(((await cross.json()) as { error: { message: string } }).error.message).toBe('只能查看本单位及下级单位的统计')
    expect((await server.api('/admin/dashboard.csv?org=331002', bearer(s.xjReviewer.token))).status).toBe(403)
    expect((await server.api('/admin/dashboard', bearer(s.xjStaff.token))).status).toBe(403)
    expect((await server.api('/admin/dashboard')).status).toBe(401)
  })
})

describe('read counts', () => {
  it('three reads of an interpretation count three, the cached ones and a 304 included; HEAD and 404s do not count', async () => {
    const first = await server.api(`/interpretations/${READ_ID}`)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect((await server.api(`/interpretations/${READ_ID}`)).status).toBe(200)
    expect((await server.api(`/interpretations/${READ_ID}`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    expect((await server.api(`/interpretations/${READ_ID}`, { method: 'HEAD' })).status).toBe(200)
    expect((await server.api('/interpretations/no-such-thing')).status).toBe(404)
    await flushViews()
    const rows = await server.store.database.kysely.selectFrom('content_views').selectAll().execute()
    expect(rows.map((r) => ({ ...r, views: Number(r.views) }))).toEqual([{ type: 'interpretation', id: READ_ID, views: 3 }])

    // the dashboard writes what is gathered before it reads
    expect((await server.api(`/interpretations/${READ_ID}`)).status).toBe(200)
    const d = await dashboard('xjReviewer')
    expect(d.mostRead).toEqual([{ type: 'interpretation', id: READ_ID, title: '已发布的图解', views: 4 }])
    // 椒江区 does not see 仙居县's reads
    const jj = await dashboard('jjReviewer')
    expect(jj.mostRead).toEqual([])
  })
})

describe('GET /admin/dashboard.csv', () => {
  it('is UTF-8 with a BOM, an attachment named with the date, with the three sections', async () => {
    const res = await server.api('/admin/dashboard.csv', bearer(s.xjReviewer.token))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dashboard-331024-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n')
    expect(lines[0]).toBe('单位,仙居县（331024）,发布日期,全部')
    const byOrg = lines.indexOf('解读率（按单位）')
    expect(lines[byOrg + 1]).toBe('单位,单位代码,政策数,已解读,解读率,同步解读,同步解读率')
    expect(lines[byOrg + 2]).toBe('仙居县,331024,3,2,66.7%,1,33.3%')
    const byDepartment = lines.indexOf('解读率（按部门）')
    expect(lines[byDepartment + 2]).toBe('仙居县人力资源和社会保障局,2,1,50.0%,1,50.0%')
    const due = lines.indexOf('待复核')
    expect(lines[due + 1]).toBe('类型,标题,单位,复核日期,状态')
    // a title that would start a formula in Excel is written as text
    expect(lines[due + 2]).toBe(`简明问答,"'=HYPERLINK(""http://x"")怎么办？",仙居县,2025-03-01,已发布`)
  })

  it('each export is in the audit log as dashboard.export of the organisation', async () => {
    const res = await server.api('/admin/audit?action=dashboard.export', bearer(s.cityAdmin.token))
    const entries = ((await res.json()) as Page<AuditEntry>).items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'dashboard.export', targetType: 'org', targetId: '331024', actor: { id: s.xjReviewer.user.id } })
  })
})
