/** Dev-login staff and calls to the console's content routes, for the editorial tests. */
import type { EditorialItem } from '../../../../common/contract'
import { postJson, type TestServer } from '../../../../test/api/helpers/test-server'

export const JIAOJIANG = '331002'
export const XIANJU = '331024'

export interface Staff {
  token: string
  id: string
}

export async function signIn(server: TestServer, role: string, org: string, name: string): Promise<Staff> {
  const res = await server.api('/auth/dev', postJson({ role, org, name }))
  expect(res.status).toBe(200)
  const body = (await res.json()) as { token: string; user: { id: string } }
  return { token: body.token, id: body.user.id }
}

export function call(server: TestServer, who: Staff, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return server.api(path, {
    method,
    headers: { authorization: `Bearer ${who.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
}

export async function ok<T = EditorialItem>(res: Response, status = 200): Promise<T> {
  const text = await res.text()
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`)
  return JSON.parse(text) as T
}

export function interpretationDraft(title: string, policyId = 'p001') {
  return {
    title,
    kind: 'illustrated',
    topic: 'elderly',
    department: '仙居县民政局',
    policyId,
    cover: '/media/covers/elderly.svg',
    summary: '一图读懂',
    featured: false,
    blocks: [{ type: 'paragraph', text: '正文第一段' }],
    videoIds: [],
    faqIds: [],
  }
}
