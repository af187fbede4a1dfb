import { lazy, Suspense } from 'react'
import { Flex, Spin } from 'antd'
import { type RouteObject, useRoutes } from 'react-router-dom'
import { EDITORIAL_ROLES } from '@common/contract'
import { AccountsPage } from '../features/accounts/accounts-page'
import { AuditPage } from '../features/audit/audit-page'
import { SignInPage } from '../features/auth/sign-in-page'
import { editorialRoutes } from '../features/editorial/routes'
import { ImportPage } from '../features/import/import-page'
import { SettingsPage } from '../features/settings/settings-page'
import { questionBankRoutes } from '../features/question-banks/routes'
import { campaignRoutes } from '../features/campaigns/routes'
import { ConsoleLayout } from './console-layout'
import { ErrorBoundary } from './error-boundary'
import { NotFoundPage } from './not-found-page'
import { RequireSession, RoleGate } from './require-session'

// ECharts is the largest dependency: only the dashboard loads it
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })))

const pageLoading = (
  <Flex justify='center' style={{ padding: 48 }}>
    <Spin tip='加载中…'>
      <div style={{ width: 120, height: 60 }} />
    </Spin>
  </Flex>
)

export const appRoutes: RouteObject[] = [
  { path: '/login', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <ConsoleLayout />
      </RequireSession>
    ),
    children: [
      {
        index: true,
        element: (
          <Suspense fallback={pageLoading}>
            <DashboardPage />
          </Suspense>
        ),
      },
      ...editorialRoutes,
      ...questionBankRoutes,
      ...campaignRoutes,
      {
        path: 'import',
        element: (
          <RoleGate roles={EDITORIAL_ROLES.edit}>
            <ImportPage />
          </RoleGate>
        ),
      },
      {
        path: 'accounts',
        element: (
          <RoleGate roles={['admin']}>
            <AccountsPage />
          </RoleGate>
        ),
      },
      {
        path: 'audit',
        element: (
          <RoleGate roles={['admin']}>
            <AuditPage />
          </RoleGate>
        ),
      },
      {
        path: 'settings',
        element: (
          <RoleGate roles={['admin']}>
            <SettingsPage />
          </RoleGate>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

/** the console's pages (a component router: the routes have no loaders, and jsdom has no Request for a data router) */
export function AppRoutes() {
  return <ErrorBoundary>{useRoutes(appRoutes)}</ErrorBoundary>
}
