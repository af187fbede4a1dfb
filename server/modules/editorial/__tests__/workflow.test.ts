/**
 * 先审后发 on the real server: the whole life of an interpretation from draft to withdrawn, the
 * reviewer ≠ author rule and its org setting, roles, stale and concurrent saves, field errors,
 * idempotent create, and an audit entry for every step.
 */
import type { EditorialItem, EditorialVersion, Policy } from '../../../../common/contract'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, interpretationDraft, ok, signIn, type Staff, XIANJU } from './helpers'

let server: TestServer
let editor: Staff
let reviewer: Staff
let admin: Staff

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  editor = await signIn(server, 'editor', XIANJU, '仙居编辑小王')
  reviewer = await signIn(server, 'reviewer', XIANJU, '仙居审核老李')
  admin = await signIn(server, 'admin', XIANJU, '仙居管理员')
})
afterAll(() => server.close())

const path = (id: string, action = '') => `/admin/interpretations/${id}${action ? `/${action}` : ''}`

async function create(title: string, who = editor): Promise<EditorialItem> {
  return ok(await call(server, who, 'POST', '/admin/interpretations', { orgCode: XIANJU, draft: interpretationDraft(title) }), 201)
}

async function step(who: Staff, item: EditorialItem, action: string, extra: Record<string, unknown> = {}): Promise<EditorialItem> {
  return ok(await call(server, who, 'POST', path(item.id, action), { revision: item.revision, ...extra }))
}

async function auditOf(id: string) {
  return server.store.database.kysely.selectFrom('audit_log').selectAll().where('target_id', '=', id).orderBy('id').execute()
}

it('takes an interpretation from draft through review, publication, a second version and withdrawal', async () => {
  let item = await create('仙居县高龄津贴一图读懂')
  expect(item).toMatchObject({ status: 'draft', version: 1, revision: 1, live: false, org: { code: XIANJU, name: '仙居县' } })

  item = await step(editor, item, 'submit')
  expect(item.status).toBe('in_review')
  const rejected = await call(server, reviewer, 'POST', path(item.id, 'reject'), { revision: item.revision, reason: '   ' })
  expect(rejected.status).toBe(400)
  expect(((await rejected.json()) as { error: { message: string } }).error.message).toBe('请填写退回理由')
  item = await step(reviewer, item, 'reject', { reason: '补贴标准写错了，应为每月 100 元' })
  expect(item).toMatchObject({ status: 'rejected', rejectReason: '补贴标准写错了，应为每月 100 元', reviewer: { id: reviewer.id } })

  item = await ok(await call(server, editor, 'PUT', path(item.id), { revision: item.revision, draft: interpretationDraft('仙居县高龄津贴一图读懂（修订）') }))
  expect(item).toMatchObject({ status: 'draft', version: 2, title: '仙居县高龄津贴一图读懂（修订）' })
  item = await step(editor, item, 'submit')
  item = await step(reviewer, item, 'approve')
  expect(item).toMatchObject({ status: 'approved', reviewer: { id: reviewer.id } })
  expect(item.selfReview).toBeUndefined()

  expect((await server.api(`/interpretations/${item.id}`)).status).toBe(404)
  item = await step(reviewer, item, 'publish')
  expect(item).toMatchObject({ status: 'published', live: true, publishedVersion: 2 })
  const live = await ok<{ title: string; validity: string }>(await server.api(`/interpretations/${item.id}`))
  expect(live.title).toBe('仙居县高龄津贴一图读懂（修订）')
  expect((await ok<Policy>(await server.api('/policies/p001'))).interpretationIds).toContain(item.id)

  // a new draft while version 2 stays live
  item = await ok(await call(server, editor, 'PUT', path(item.id), { revision: item.revision, draft: interpretationDraft('第三版标题') }))
  expect(item).toMatchObject({ status: 'draft', version: 3, publishedVersion: 2, live: true })
  expect((await ok<{ title: string }>(await server.api(`/interpretations/${item.id}`))).title).toBe('仙居县高龄津贴一图读懂（修订）')
  const versions = await ok<EditorialVersion[]>(await call(server, editor, 'GET', path(item.id, 'versions')))
  expect(versions.map((v) => [v.version, v.live])).toEqual([
    [3, false],
    [2, true],
    [1, false],
  ])

  item = await step(editor, item, 'submit')
  item = await step(reviewer, item, 'approve')
  item = await step(reviewer, item, 'publish')
  expect((await ok<{ title: string }>(await server.api(`/interpretations/${item.id}`))).title).toBe('第三版标题')

  const again = await call(server, editor, 'POST', path(item.id, 'submit'), { revision: item.revision })
  expect(again.status).toBe(409)
  expect(((await again.json()) as { error: { message: string } }).error.message).toBe('当前状态为已发布，不能送审')

  item = await step(reviewer, item, 'withdraw')
  expect(item).toMatchObject({ status: 'withdrawn', live: false })
  expect((await server.api(`/interpretations/${item.id}`)).status).toBe(404)
  expect((await ok<Policy>(await server.api('/policies/p001'))).interpretationIds).not.toContain(item.id)

  const audit = await auditOf(item.id)
  expect(audit.map((a) => a.action)).toEqual([
    'editorial.create',
    'editorial.submit',
    'editorial.reject',
    'editorial.update',
    'editorial.submit',
    'editorial.approve',
    'editorial.publish',
    'editorial.update',
    'editorial.submit',
    'editorial.approve',
    'editorial.publish',
    'editorial.withdraw',
  ])
  expect(audit.every((a) => a.target_type === 'interpretation')).toBe(true)
  expect(JSON.parse(audit[2].detail!)).toMatchObject({ from: 'in_review', to: 'rejected', reason: '补贴标准写错了，应为每月 100 元', version: 1 })
  expect(JSON.parse(audit[11].detail!)).toMatchObject({ from: 'published', to: 'withdrawn', version: 3 })
})

it('takes the live version down (撤回) while a new version is being worked on, which keeps its status', async () => {
  let item = await create('仙居县临时救助政策解读')
  item = await step(editor, item, 'submit')
  item = await step(reviewer, item, 'approve')
  item = await step(reviewer, item, 'publish')
  item = await ok(await call(server, editor, 'PUT', path(item.id), { revision: item.revision, draft: interpretationDraft('仙居县临时救助政策解读（新版）') }))
  item = await step(editor, item, 'submit')
  expect(item).toMatchObject({ status: 'in_review', live: true, publishedVersion: 1 })
  // an editor may not take it down; a reviewer may, and the new version waits on in review
  expect((await call(server, editor, 'POST', path(item.id, 'withdraw'), { revision: item.revision })).status).toBe(403)
  item = await step(reviewer, item, 'withdraw')
  expect(item).toMatchObject({ status: 'in_review', live: false, version: 2 })
  expect(item.publishedVersion).toBeUndefined()
  expect((await server.api(`/interpretations/${item.id}`)).status).toBe(404)
  // nothing is live any more: a second 撤回 is refused
  const again = await call(server, reviewer, 'POST', path(item.id, 'withdraw'), { revision: item.revision })
  expect(again.status).toBe(409)
  expect(((await again.json()) as { error: { message: string } }).error.message).toBe('当前状态为待审核，不能撤回')
  // the new version goes on through review and is published as usual
  item = await step(reviewer, item, 'approve')
  item = await step(reviewer, item, 'publish')
  expect((await ok<{ title: string }>(await server.api(`/interpretations/${item.id}`))).title).toBe('仙居县临时救助政策解读（新版）')
})

it('refuses a review by the author unless the organisation allows self-review, and records it when it does', async () => {
  let item = await create('一人科室的解读', admin)
  item = await step(admin, item, 'submit')
  const refused = await call(server, admin, 'POST', path(item.id, 'approve'), { revision: item.revision })
  expect(refused.status).toBe(403)
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('不能审核自己提交的内容')
  expect((await ok<EditorialItem>(await call(server, admin, 'GET', path(item.id)))).status).toBe('in_review')

  const queue = await ok<{ items: { id: string }[] }>(await call(server, admin, 'GET', '/admin/review-queue'))
  expect(queue.items.map((i) => i.id)).not.toContain(item.id)
  expect((await ok<{ items: { id: string }[] }>(await call(server, reviewer, 'GET', '/admin/review-queue'))).items.map((i) => i.id)).toContain(item.id)

  expect((await call(server, editor, 'PUT', `/admin/orgs/${XIANJU}/settings`, { allowSelfReview: true })).status).toBe(403)
  expect(await ok(await call(server, admin, 'PUT', `/admin/orgs/${XIANJU}/settings`, { allowSelfReview: true }))).toEqual({
    code: XIANJU,
    allowSelfReview: true,
  })
  try {
    item = await step(admin, item, 'approve')
    expect(item).toMatchObject({ status: 'approved', selfReview: true })
    const entry = (await auditOf(item.id)).find((a) => a.action === 'editorial.approve')!
    expect(JSON.parse(entry.detail!)).toMatchObject({ selfReview: true })
    expect((await auditOf(XIANJU)).map((a) => a.action)).toContain('org.settings')
  } finally {
    await ok(await call(server, admin, 'PUT', `/admin/orgs/${XIANJU}/settings`, { allowSelfReview: false }))
  }
})

it('lets each role do only its part', async () => {
  let item = await create('角色测试')
  expect((await call(server, reviewer, 'PUT', path(item.id), { revision: item.revision, draft: interpretationDraft('审核改稿') })).status).toBe(403)
  expect((await call(server, reviewer, 'POST', path(item.id, 'submit'), { revision: item.revision })).status).toBe(403)
  item = await step(editor, item, 'submit')
  for (const action of ['approve', 'reject', 'publish', 'withdraw']) {
    expect((await call(server, editor, 'POST', path(item.id, action), { revision: item.revision, reason: '理由' })).status).toBe(403)
  }
  const resident = await signIn(server, 'resident', XIANJU, '居民')
  expect((await call(server, resident, 'GET', '/admin/interpretations')).status).toBe(403)
  expect((await ok<EditorialItem>(await call(server, editor, 'GET', path(item.id)))).revision).toBe(item.revision)
})

it('refuses a stale revision with 409 and changes nothing; of two saves at once exactly one wins', async () => {
  const item = await create('并发编辑')
  const saved = await ok<EditorialItem>(await call(server, editor, 'PUT', path(item.id), { revision: item.revision, draft: interpretationDraft('第一次保存') }))
  const stale = await call(server, editor, 'PUT', path(item.id), { revision: item.revision, draft: interpretationDraft('旧页面的保存') })
  expect(stale.status).toBe(409)
  expect(((await stale.json()) as { error: { message: string } }).error.message).toBe('已被他人修改，请刷新后再试')
  expect((await call(server, editor, 'POST', path(item.id, 'submit'), { revision: item.revision })).status).toBe(409)
  const now = await ok<EditorialItem>(await call(server, editor, 'GET', path(item.id)))
  expect(now).toMatchObject({ title: '第一次保存', version: 2, revision: saved.revision, status: 'draft' })

  const second = await signIn(server, 'editor', XIANJU, '仙居编辑小张')
  const [a, b] = await Promise.all([
    call(server, editor, 'PUT', path(item.id), { revision: now.revision, draft: interpretationDraft('小王的保存') }),
    call(server, second, 'PUT', path(item.id), { revision: now.revision, draft: interpretationDraft('小张的保存') }),
  ])
  expect([a.status, b.status].sort()).toEqual([200, 409])
  const after = await ok<EditorialItem>(await call(server, editor, 'GET', path(item.id)))
  expect(after.version).toBe(3)
  expect(after.title).toBe(a.status === 200 ? '小王的保存' : '小张的保存')
  expect((await ok<EditorialVersion[]>(await call(server, editor, 'GET', path(item.id, 'versions')))).length).toBe(3)
})

it('answers bad input with 400 and Chinese per-field messages, and a failed 送审 with its checks', async () => {
  const bad = await call(server, editor, 'POST', '/admin/interpretations', { orgCode: XIANJU, draft: { ...interpretationDraft('x'), title: 42 } })
  expect(bad.status).toBe(400)
  const body = (await bad.json()) as { error: { code: string; message: string; fields: Record<string, string> } }
  expect(body.error.code).toBe('bad_request')
  expect(body.error.fields['draft.title']).toMatch(/[\u4e00-\u9fa5]/)
  expect((await call(server, editor, 'POST', '/admin/interpretations', { orgCode: '12', draft: interpretationDraft('x') })).status).toBe(400)
  expect((await call(server, editor, 'POST', '/admin/interpretations', { draft: interpretationDraft('x') })).status).toBe(400)

  const empty = await create('')
  const refused = await call(server, editor, 'POST', path(empty.id, 'submit'), { revision: empty.revision })
  expect(refused.status).toBe(400)
  const refusal = (await refused.json()) as { error: { message: string; checks: { level: string; field?: string }[] } }
  expect(refusal.error.message).toMatch(/^送审检查未通过：/)
  expect(refusal.error.checks).toContainEqual(expect.objectContaining({ level: 'error', field: 'draft.title', message: '请填写标题' }))
  expect((await ok<EditorialItem>(await call(server, editor, 'GET', path(empty.id)))).status).toBe('draft')

  const tooLong = await call(server, reviewer, 'POST', path(empty.id, 'reject'), { revision: empty.revision, reason: '长'.repeat(501) })
  expect(tooLong.status).toBe(400)
})

it('creates one item for one Idempotency-Key, however often it is sent', async () => {
  const body = { orgCode: XIANJU, draft: interpretationDraft('重试不重复') }
  const headers = { 'idempotency-key': 'create-once-1' }
  const [a, b] = await Promise.all([
    call(server, editor, 'POST', '/admin/interpretations', body, headers),
    call(server, editor, 'POST', '/admin/interpretations', body, headers),
  ])
  const c = await call(server, editor, 'POST', '/admin/interpretations', body, headers)
  const ids = await Promise.all([a, b, c].map(async (r) => (await ok<EditorialItem>(r, 201)).id))
  expect(new Set(ids).size).toBe(1)
  const rows = await server.store.database.kysely.selectFrom('editorial_items').select('id').where('title', '=', '重试不重复').execute()
  expect(rows).toHaveLength(1)
  const other = await call(server, editor, 'POST', '/admin/interpretations', { ...body, draft: interpretationDraft('另一件') }, headers)
  expect(other.status).toBe(422)
})

it('lists the existing content as published items of 台州市, with paging, filters and sorting on the server', async () => {
  const city = await signIn(server, 'editor', '331000', '市编辑')
  const page = await ok<{ items: { title: string; status: string; author: { name: string } }[]; total: number }>(
    await call(server, city, 'GET', '/admin/policies?pageSize=5&sort=title&order=asc'),
  )
  expect(page.total).toBeGreaterThanOrEqual(14)
  expect(page.items).toHaveLength(5)
  expect(page.items[0]).toMatchObject({ status: 'published', author: { name: '系统导入' } })
  const titles = page.items.map((i) => i.title)
  expect([...titles].sort()).toEqual(titles)
  const drafts = await ok<{ items: { status: string }[] }>(await call(server, city, 'GET', '/admin/interpretations?status=draft&pageSize=50'))
  expect(drafts.items.length).toBeGreaterThan(0)
  expect(drafts.items.every((i) => i.status === 'draft')).toBe(true)
  const mine = await ok<{ total: number }>(await call(server, editor, 'GET', '/admin/policies'))
  expect(mine.total).toBe(0)
})
