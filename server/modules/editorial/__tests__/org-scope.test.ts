/**
 * 分级维护 on every route: editors, reviewers and admins of 椒江区 get 403 on an item of 仙居县,
 * for reads and writes alike, and nothing changes; 台州市 covers both.
 */
import type { EditorialItem } from '../../../../common/contract'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, interpretationDraft, JIAOJIANG, ok, signIn, type Staff, XIANJU } from './helpers'

let server: TestServer
let xianjuEditor: Staff
let item: EditorialItem
const jiaojiang: Record<string, Staff> = {}

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  xianjuEditor = await signIn(server, 'editor', XIANJU, '仙居编辑')
  for (const role of ['editor', 'reviewer', 'admin']) jiaojiang[role] = await signIn(server, role, JIAOJIANG, `椒江${role}`)
  item = await ok(await call(server, xianjuEditor, 'POST', '/admin/interpretations', { orgCode: XIANJU, draft: interpretationDraft('仙居县的解读') }), 201)
})
afterAll(() => server.close())

const itemPath = () => `/admin/interpretations/${item.id}`
const routes: [string, string, (revision: number) => string, unknown][] = [
  ['create', 'POST', () => '/admin/interpretations', { orgCode: XIANJU, draft: interpretationDraft('越权新建') }],
  ['GET item', 'GET', () => itemPath(), undefined],
  ['versions', 'GET', () => `${itemPath()}/versions`, undefined],
  ['check', 'POST', () => `${itemPath()}/check`, undefined],
  ['PUT', 'PUT', () => itemPath(), { revision: 1, draft: interpretationDraft('越权修改') }],
  ['submit', 'POST', () => `${itemPath()}/submit`, { revision: 1 }],
  ['approve', 'POST', () => `${itemPath()}/approve`, { revision: 1 }],
  ['reject', 'POST', () => `${itemPath()}/reject`, { revision: 1, reason: '越权退回' }],
  ['publish', 'POST', () => `${itemPath()}/publish`, { revision: 1 }],
  ['withdraw', 'POST', () => `${itemPath()}/withdraw`, { revision: 1 }],
  ['settings PUT', 'PUT', () => `/admin/orgs/${XIANJU}/settings`, { allowSelfReview: true }],
  ['settings GET', 'GET', () => `/admin/orgs/${XIANJU}/settings`, undefined],
  ['list of another org', 'GET', () => `/admin/interpretations?org=${XIANJU}`, undefined],
]

describe.each(['editor', 'reviewer', 'admin'])('a %s of 椒江区', (role) => {
  it.each(routes)('gets 403 on 仙居县 for %s', async (_name, method, path, body) => {
    const res = await call(server, jiaojiang[role], method, path(1), body)
    expect(res.status).toBe(403)
    const error = ((await res.json()) as { error: { code: string; message: string } }).error
    expect(error.code).toBe('forbidden')
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

it('says which rule refused it, and leaves the item as it was', async () => {
  const res = await call(server, jiaojiang.editor, 'PUT', itemPath(), { revision: 1, draft: interpretationDraft('越权修改') })
  expect(((await res.json()) as { error: { message: string } }).error.message).toBe('不能操作其他单位的内容')
  const now = await ok<EditorialItem>(await call(server, xianjuEditor, 'GET', itemPath()))
  expect(now).toMatchObject({ title: '仙居县的解读', revision: 1, version: 1, status: 'draft' })
  const list = await ok<{ items: { id: string }[] }>(await call(server, jiaojiang.editor, 'GET', '/admin/interpretations?pageSize=50'))
  expect(list.items.map((i) => i.id)).not.toContain(item.id)
  const audit = await server.store.database.kysely.selectFrom('audit_log').select('action').where('target_id', '=', item.id).execute()
  expect(audit.map((a) => a.action)).toEqual(['editorial.create'])
})

it('lets 台州市 act on 仙居县', async () => {
  const city = await signIn(server, 'editor', '331000', '市编辑')
  const read = await ok<EditorialItem>(await call(server, city, 'GET', itemPath()))
  expect(read.id).toBe(item.id)
  const list = await ok<{ items: { id: string }[] }>(await call(server, city, 'GET', `/admin/interpretations?org=${XIANJU}`))
  expect(list.items.map((i) => i.id)).toContain(item.id)
})
