/**
 * Published means visible at once: a corrected title of a live interpretation is what the API
 * (with a new ETag) and the H5 first screen show right after publishing, though the first read
 * was cached; a published FAQ is found by 智能问答; 定时发布 happens when its time comes, once.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EditorialItem } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from './helpers'

const h5 = makeTempDir('zct-h5-editorial-')
mkdirSync(join(h5.path, 'css'))
writeFileSync(
  join(h5.path, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策通</title></head><body><div id="app"></div></body></html>',
)

const clock = makeClock(new Date('2026-03-02T02:00:00.000Z'))
let server: TestServer
let editor: Staff
let reviewer: Staff

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false, staticDir: h5.path, now: clock.now })
  editor = await signIn(server, 'editor', '331000', '市编辑')
  reviewer = await signIn(server, 'reviewer', '331000', '市审核')
})
afterAll(async () => {
  await server.close()
  h5.remove()
})

async function through(type: string, item: EditorialItem, draft: unknown, publish: Record<string, unknown> = {}): Promise<EditorialItem> {
  const base = `/admin/${type}/${item.id}`
  let it = await ok<EditorialItem>(await call(server, editor, 'PUT', base, { revision: item.revision, draft }))
  it = await ok(await call(server, editor, 'POST', `${base}/submit`, { revision: it.revision }))
  it = await ok(await call(server, reviewer, 'POST', `${base}/approve`, { revision: it.revision }))
  return ok(await call(server, reviewer, 'POST', `${base}/publish`, { revision: it.revision, ...publish }))
}

it('shows a corrected interpretation title with a new ETag and on the H5 first screen within a second', async () => {
  const id = 'i001'
  const before = await server.api(`/interpretations/${id}`)
  const etag = before.headers.get('etag')
  const old = (await before.json()) as { title: string }
  // the second read comes from the micro-cache
  expect((await server.api(`/interpretations/${id}`)).headers.get('etag')).toBe(etag)

  const item = await ok<EditorialItem<'interpretation'>>(await call(server, editor, 'GET', `/admin/interpretations/${id}`))
  expect(item).toMatchObject({ status: 'published', live: true, title: old.title })
  const title = `${old.title}（更正）`
  const started = Date.now()
  await through('interpretations', item, { ...item.draft, title })

  const after = await server.api(`/interpretations/${id}`)
  expect(Date.now() - started).toBeLessThan(1000)
  expect(((await after.json()) as { title: string }).title).toBe(title)
  expect(after.headers.get('etag')).not.toBe(etag)
  const page = await (await server.get(`/packages/interpretation/pages/detail/index?id=${id}`)).text()
  expect(page).toContain(`<div class="interp-detail__title">${title}</div>`)
  const home = await (await server.api('/home')).json()
  expect(JSON.stringify(home)).not.toContain(`"${old.title}"`)
})

it('makes a published FAQ answer 智能问答 and a withdrawn one stop answering', async () => {
  const ask = async () =>
    ((await (await server.api(`/qa/search?q=${encodeURIComponent('椒江海鲜摊位补贴怎么申领')}`)).json()) as { items: { faq: { id: string } }[] }).items
  expect((await ask()).map((h) => h.faq.id).filter((id) => id.startsWith('f-'))).toEqual([])
  let faq = await ok<EditorialItem>(
    await call(server, editor, 'POST', '/admin/faqs', {
      orgCode: '331000',
      draft: {
        question: '椒江海鲜摊位补贴怎么申领？',
        answer: '持摊位证到街道便民服务中心申领海鲜摊位补贴。',
        topic: 'employment',
        keywords: ['海鲜摊位', '摊位补贴'],
      },
    }),
    201,
  )
  faq = await ok(await call(server, editor, 'POST', `/admin/faqs/${faq.id}/submit`, { revision: faq.revision }))
  faq = await ok(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/approve`, { revision: faq.revision }))
  faq = await ok(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/publish`, { revision: faq.revision }))
  expect((await ask()).map((h) => h.faq.id)).toContain(faq.id)
  expect((await server.api(`/faqs/${faq.id}`)).status).toBe(200)
  await ok(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/withdraw`, { revision: faq.revision }))
  expect((await ask()).map((h) => h.faq.id)).not.toContain(faq.id)
  expect((await server.api(`/faqs/${faq.id}`)).status).toBe(404)
})

it("stores a FAQ's 相似问法 and lets 智能问答 find it by one; a 4xx names a bad one in Chinese", async () => {
  const asked = '摆地摊的管理费能不能少交点'
  const ask = async () =>
    ((await (await server.api(`/qa/search?q=${encodeURIComponent(asked)}`)).json()) as { items: { faq: { id: string } }[] }).items.map((h) => h.faq.id)
  const draft = { question: '夜市摊位费减免怎么申请？', answer: '向街道市场监管所申请，每年可减免一次。', topic: 'employment', keywords: ['夜市摊位'] }
  let faq = await ok<EditorialItem>(await call(server, editor, 'POST', '/admin/faqs', { orgCode: '331000', draft }), 201)
  const bad = await call(server, editor, 'PUT', `/admin/faqs/${faq.id}`, { revision: faq.revision, draft: { ...draft, similar: ['问'.repeat(61)] } })
  expect(bad.status).toBe(400)
  expect(JSON.stringify(await bad.json())).toContain('相似问法不能超过 60 个字')

  faq = await through('faqs', faq, draft)
  expect(await ask()).not.toContain(faq.id)
  const similar = ['摆地摊的管理费能不能少交', '晚上出摊要交钱吗']
  faq = await through('faqs', faq, { ...draft, similar })
  expect((await ok<EditorialItem<'faq'>>(await call(server, editor, 'GET', `/admin/faqs/${faq.id}`))).draft.similar).toEqual(similar)
  expect(((await (await server.api(`/faqs/${faq.id}`)).json()) as { similar?: string[] }).similar).toEqual(similar)
  expect((await ask())[0]).toBe(faq.id)
})

it('publishes a scheduled item when its time comes, once, as the system; withdrawing first cancels it', async () => {
  const item = await ok<EditorialItem<'policy'>>(await call(server, editor, 'GET', '/admin/policies/p001'))
  const at = new Date(clock.now().getTime() + 60 * 60_000).toISOString()
  const title = `${item.title}（定时更新）`
  const scheduled = await through('policies', item, { ...item.draft, title }, { at })
  expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: at, publishedVersion: 1 })
  expect((await server.app.editorialScheduler.publishDue()).length).toBe(0)
  expect(((await (await server.api('/policies/p001')).json()) as { title: string }).title).toBe(item.title)

  clock.advance(61 * 60_000)
  expect(await Promise.all([server.app.editorialScheduler.publishDue(), server.app.editorialScheduler.publishDue()]).then((r) => r.flat())).toEqual(['p001'])
  expect(((await (await server.api('/policies/p001')).json()) as { title: string }).title).toBe(title)
  const now = await ok<EditorialItem>(await call(server, editor, 'GET', '/admin/policies/p001'))
  expect(now).toMatchObject({ status: 'published', publishedVersion: 2 })
  const entries = await server.store.database.kysely
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', 'p001')
    .where('actor_id', '=', 'system')
    .execute()
  expect(entries).toHaveLength(1)
  expect(entries[0]).toMatchObject({ action: 'editorial.publish', actor_role: 'system', target_type: 'policy' })

  const later = await through('policies', now, { ...now.draft, title: '不会发布的标题' }, { at: new Date(clock.now().getTime() + 60_000).toISOString() })
  await ok(await call(server, reviewer, 'POST', '/admin/policies/p001/withdraw', { revision: later.revision }))
  clock.advance(2 * 60_000)
  expect(await server.app.editorialScheduler.publishDue()).toEqual([])
  expect(((await (await server.api('/policies/p001')).json()) as { title: string }).title).toBe(title)

  const far = await call(server, reviewer, 'POST', '/admin/policies/p001/publish', {
    revision: (await ok<EditorialItem>(await call(server, editor, 'GET', '/admin/policies/p001'))).revision,
    at: new Date(clock.now().getTime() + 400 * 24 * 3600_000).toISOString(),
  })
  expect(far.status).toBe(400)
})
