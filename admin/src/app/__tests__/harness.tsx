/** Renders the console at a path with a fake API behind fetch: each test says what the server answers. */
import { configure, render } from '@testing-library/react'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import type { OrgNode, Role, User } from '@common/contract'
import { useOrgs } from '../../components/org-store'
import { useSession } from '../../components/session-store'
import { session } from '../../api/client'
import { ROUTER_FUTURE, PROVIDER_FUTURE } from '../router-future'
import { consoleRoutes } from '../routes'

// antd's forms validate asynchronously and the 2 cores are shared: findBy waits longer than its 1 s default
configure({ asyncUtilTimeout: 8000 })
jest.setTimeout(30_000)

export interface Call {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  headers: Record<string, string>
}

type Answer = { status?: number; body?: unknown } | ((call: Call) => { status?: number; body?: unknown })

export const ORG_TREE: OrgNode[] = [
  {
    code: '331000',
    name: '台州市',
    level: 'city',
    departments: ['市人力社保局'],
    children: [
      { code: '331024', name: '仙居县', level: 'county', departments: ['县人力社保局', '县教育局'] },
      { code: '331002', name: '椒江区', level: 'county', departments: [] },
    ],
  },
]

/** fetch answers `routes['GET /admin/accounts']` (paths without /api/v1); anything else is 404; every call is recorded */
export function fakeApi(routes: Record<string, Answer>): Call[] {
  const calls: Call[] = []
  const fetchMock = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost')
    const method = init.method ?? 'GET'
    const path = url.pathname.replace(/^\/api\/v1/, '')
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body
    const call: Call = { method, path, query: url.searchParams, body, headers: (init.headers ?? {}) as Record<string, string> }
    calls.push(call)
    const answer = routes[`${method} ${path}`] ?? { status: 404, body: { error: { code: 'not_found', message: '接口不存在' } } }
    const { status = 200, body: out } = typeof answer === 'function' ? answer(call) : answer
    const text = out === undefined ? '' : JSON.stringify(out)
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: async () => text,
      json: async () => JSON.parse(text),
      blob: async () => new Blob([text]),
    }
  })
  Object.assign(globalThis, { fetch: fetchMock })
  return calls
}

export const staff = (role: Role, org = { code: '331024', name: '仙居县' }): User => ({ id: `u-${role}`, nickname: `测试${role}`, role, org })

/** the console at `path`, signed in as `user` (or signed out) */
export function renderConsole(path: string, options: { user?: User; demo?: boolean } = {}) {
  if (options.user) session.set('token-1')
  else session.clear()
  useSession.setState({ status: options.user ? 'signedIn' : 'signedOut', user: options.user ?? null, notice: null, demo: options.demo ?? false })
  useOrgs.setState({ tree: null, loading: false, error: null })
  // the console's own data router (app.tsx), in memory
  const router = createMemoryRouter(consoleRoutes, { initialEntries: [path], future: ROUTER_FUTURE })
  const where = { pathname: path }
  router.subscribe((state) => {
    where.pathname = state.location.pathname
  })
  const view = render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <RouterProvider router={router} future={PROVIDER_FUTURE} />
      </AntApp>
    </ConfigProvider>,
  )
  return { ...view, where }
}

if (!('randomUUID' in crypto)) {
  let n = 0
  Object.assign(crypto, { randomUUID: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` })
}
