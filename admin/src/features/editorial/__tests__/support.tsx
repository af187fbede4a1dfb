import { configure, render } from '@testing-library/react'
import { ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import type { ReactElement } from 'react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom'
import { PROVIDER_FUTURE, ROUTER_FUTURE } from '../../../app/router-future'
import type { EditorialItem, EditorialSummary, PolicyDraft, Role } from '@common/contract'
import { type CurrentUser, CurrentUserContext } from '../current-user'

// an antd re-render after a click has taken over the default 1 s on the shared, loaded 2-core machine
configure({ asyncUtilTimeout: 5000 })

export interface Call {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}
export interface Reply {
  status?: number
  body?: unknown
}
type Handler = (call: Call) => Reply | undefined

/** fetch answered by `handler` (by method and path); unknown calls answer 404 so a test sees them */
export function mockFetch(handler: Handler) {
  const calls: Call[] = []
  const fetchMock = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test')
    const call: Call = {
      method: init.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/v1/, ''),
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    }
    calls.push(call)
    const reply = handler(call) ?? defaults(call) ?? { status: 404, body: { error: { code: 'not_found', message: '找不到' } } }
    const status = reply.status ?? 200
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
    return { ok: status < 400, status, text: async () => text, headers: { get: () => 'application/json' } }
  })
  Object.assign(globalThis, { fetch: fetchMock })
  return calls
}

function defaults(call: Call): Reply | undefined {
  if (call.path === '/topics') return { body: [{ id: 'yanglao', name: '养老服务', icon: 'elderly' }] }
  if (call.path === '/admin/orgs') return { body: [{ code: '331024', name: '仙居县', level: 'county', departments: [] }] }
  return undefined
}

export const user = (role: Role): CurrentUser => ({ id: 'u1', name: '王编辑', role, org: { code: '331024', name: '仙居县' } })

function LocationSpy({ into }: { into: { pathname: string } }) {
  into.pathname = useLocation().pathname
  return null
}

/** the pages on a plain MemoryRouter, with the console's router flags (the console's own data router: app/__tests__/harness.tsx) */
export function renderAt(path: string, routes: { path: string; element: ReactElement }[], role: Role = 'editor') {
  const location = { pathname: path }
  const view = render(
    <ConfigProvider locale={zhCN}>
      <CurrentUserContext.Provider value={user(role)}>
        <MemoryRouter initialEntries={[path]} future={{ ...PROVIDER_FUTURE, v7_relativeSplatPath: ROUTER_FUTURE.v7_relativeSplatPath }}>
          <LocationSpy into={location} />
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
        </MemoryRouter>
      </CurrentUserContext.Provider>
    </ConfigProvider>,
  )
  return { ...view, location }
}

export const policyDraft = (over: Partial<PolicyDraft> = {}): PolicyDraft => ({
  title: '仙居县高龄老人补贴办法',
  docNumber: '仙政办发〔2026〕12号',
  issuer: '仙居县人民政府办公室',
  department: '民政局',
  topic: 'yanglao',
  regionCode: '331024',
  publishedAt: '2026-03-01',
  summary: '80 周岁以上老人每月领取补贴',
  sections: [{ heading: '补贴标准', paragraphs: ['80 至 89 周岁每人每月 100 元。'] }],
  validity: 'valid',
  ...over,
})

export const summary = (over: Partial<EditorialSummary> = {}): EditorialSummary => ({
  id: 'p1',
  type: 'policy',
  title: '仙居县高龄老人补贴办法',
  org: { code: '331024', name: '仙居县' },
  status: 'draft',
  live: false,
  version: 1,
  revision: 1,
  author: { id: 'u1', name: '王编辑' },
  updatedBy: { id: 'u1', name: '王编辑' },
  updatedAt: '2026-03-02T02:00:00.000Z',
  ...over,
})

export const policyItem = (over: Partial<EditorialItem<'policy'>> = {}): EditorialItem<'policy'> => ({
  ...summary(),
  type: 'policy',
  draft: policyDraft(),
  checks: [],
  ...over,
})

/** antd spaces out a two-character Chinese button label (「送 审」): match it with or without */
export const named = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`)
