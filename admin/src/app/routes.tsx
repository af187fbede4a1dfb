import { lazy, Suspense } from 'react'
import { Flex, Spin } from 'antd'
import { Outlet, type RouteObject } from 'react-router-dom'
import { EDITORIAL_ROLES } from '@common/contract'
import { AccountsPage } from '../features/accounts/accounts-page'
import { AuditPage } from '../features/audit/audit-page'
import { SignInPage } from '../features/auth/sign-in-page'
import { editorialRoutes } from '../features/editorial/routes'
import { ImportPage } from '../features/import/import-page'
import { SettingsPage } from '../features/settings/settings-page'
import { QaGapsPage } from '../features/qa-gaps/qa-gaps-page'
import { PolicyMatchPage } from '../features/policy-match/policy-match-page'
import { LectureOrdersPage } from '../features/lecture-orders/lecture-orders-page'
import { LecturersPage } from '../features/lecturers/lecturers-page'
import { LectureTopicsPage } from '../features/lecture-topics/lecture-topics-page'
import { consultationRoutes } from '../features/consultations/routes'
import { informationRequestRoutes } from '../features/information-requests/routes'
import { CampaignPickerPage } from '../features/campaign-monitor/campaign-picker-page'
import { MonitorPage } from '../features/campaign-monitor/monitor-page'
import { PopulationPage } from '../features/population/population-page'
import { questionBankRoutes } from '../features/question-banks/routes'
import { campaignRoutes } from '../features/campaigns/routes'
import { ConsoleLayout } from './console-layout'
import { ErrorBoundary } from './error-boundary'
import { NotFoundPage } from './not-found-page'
import { HomeGate, RequireSession, RoleGate } from './require-session'

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
          <HomeGate>
            <Suspense fallback={pageLoading}>
              <DashboardPage />
            </Suspense>
          </HomeGate>
        ),
      },
      ...editorialRoutes,
      ...consultationRoutes,
      ...informationRequestRoutes,
      {
        path: 'qa-gaps',
        element: (
          <RoleGate roles={['editor', 'reviewer', 'admin']}>
            <QaGapsPage />
          </RoleGate>
        ),
      },
      {
        path: 'policy-match',
        element: (
          <RoleGate roles={['editor', 'reviewer', 'admin']}>
            <PolicyMatchPage />
          </RoleGate>
        ),
      },
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
      {
        path: 'lecture-orders',
        element: (
          <RoleGate roles={['dispatcher', 'admin', 'lecturer']}>
            <LectureOrdersPage />
          </RoleGate>
        ),
      },
      {
        path: 'lecturers',
        element: (
          <RoleGate roles={['dispatcher', 'admin', 'lecturer']}>
            <LecturersPage />
          </RoleGate>
        ),
      },
      {
        path: 'lecture-topics',
        element: (
          <RoleGate roles={['dispatcher', 'admin']}>
            <LectureTopicsPage />
          </RoleGate>
        ),
      },
      {
        path: 'campaign-monitor',
        element: (
          <RoleGate roles={['admin', 'editor']}>
            <CampaignPickerPage />
          </RoleGate>
        ),
      },
      {
        path: 'campaigns/:id/monitor',
        element: (
          <RoleGate roles={['admin', 'editor']}>
            <MonitorPage />
          </RoleGate>
        ),
      },
      {
        path: 'population',
        element: (
          <RoleGate roles={['admin']}>
            <PopulationPage />
          </RoleGate>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

/**
 * The console's route tree for its data router (createBrowserRouter in app.tsx, createMemoryRouter in
 * the tests): a data router is what lets a page with unsaved changes stop a navigation inside the
 * console (NavigationGuard's useBlocker). One root turns a render error into a Chinese message.
 */
export const consoleRoutes: RouteObject[] = [
  {
    element: (
      <ErrorBoundary>
        <Outlet />
      </ErrorBoundary>
    ),
    children: appRoutes,
  },
]
