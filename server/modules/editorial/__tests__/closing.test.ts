/**
 * 截止日期 in the console: a save whose 截止日期 is before its 发布日期 is refused with a Chinese 400
 * and changes nothing; the policy list carries each policy's 截止日期 and 已截止 once that day has
 * passed (Beijing), from the working version.
 */
import type { EditorialItem, EditorialSummary, Page } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from './helpers'

// 2026-03-02 10:00 in Beijing: p005 closed on 2025-12-31, p010 closes on 2026-05-20
const clock = makeClock(new Date('2026-03-02T02:00:00.000Z'))
let server: TestServer
let editor: Staff

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false, now: clock.now })
  editor = await signIn(server, 'editor', '331000', '市编辑')
})
afterAll(() => server.close())

/** the policy as the list shows it, found by its title */
async function listed(id: string): Promise<EditorialSummary | undefined> {
  const { title } = await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/policies/${id}`))
  const page = await ok<Page<EditorialSummary>>(await call(server, editor, 'GET', `/admin/policies?pageSize=50&q=${encodeURIComponent(title.slice(0, 20))}`))
  return page.items.find((i) => i.id === id)
}

it('refuses a 截止日期 before the 发布日期 with a Chinese 400 and keeps the saved version', async () => {
  const item = await ok<EditorialItem<'policy'>>(await call(server, editor, 'GET', '/admin/policies/p010'))
  const refused = await call(server, editor, 'PUT', '/admin/policies/p010', {
    revision: item.revision,
    draft: { ...item.draft, publishedAt: '2026-03-25', closesAt: '2026-03-24' },
  })
  expect(refused.status).toBe(400)
  const body = (await refused.json()) as { error: { message: string; fields: Record<string, string> } }
  expect(body.error.fields).toEqual({ 'draft.closesAt': '截止日期不能早于发布日期' })
  expect(body.error.message).toBe('有 1 处填写不正确：截止日期不能早于发布日期')
  const after = await ok<EditorialItem<'policy'>>(await call(server, editor, 'GET', '/admin/policies/p010'))
  expect(after).toMatchObject({ revision: item.revision, version: item.version })
  expect(after.draft.closesAt).toBe('2026-05-20')

  const same = await call(server, editor, 'PUT', '/admin/policies/p010', {
    revision: item.revision,
    draft: { ...item.draft, closesAt: item.draft.publishedAt },
  })
  expect(same.status).toBe(200)
  expect(((await same.json()) as EditorialItem<'policy'>).draft.closesAt).toBe('2026-03-25')
})

it('lists each policy with its 截止日期, 已截止 once it has passed, from the working version', async () => {
  expect(await listed('p005')).toMatchObject({ closesAt: '2025-12-31', closed: true })
  // p010 was saved above with 截止日期 = its 发布日期 2026-03-25: still open on 2026-03-02
  const p010 = await listed('p010')
  expect(p010).toMatchObject({ closesAt: '2026-03-25' })
  expect(p010).not.toHaveProperty('closed')
  const p001 = await listed('p001')
  expect(p001).toMatchObject({ id: 'p001' })
  expect(p001).not.toHaveProperty('closesAt')

  clock.advance(24 * 24 * 3600_000) // 2026-03-26 in Beijing
  editor = await signIn(server, 'editor', '331000', '市编辑')
  expect(await listed('p010')).toMatchObject({ closesAt: '2026-03-25', closed: true })
})
