import { Flex, Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import { DASHBOARD_ROLES, type Role } from '@common/contract'
import { useSession } from '../components/session-store'
import { navItemsFor } from './navigation'

/** the console's pages need a staff session; without one, the sign-in page (and back here after it) */
export function RequireSession({ children }: { children: ReactNode }) {
  const status = useSession((s) => s.status)
  const location = useLocation()
  if (status === 'checking') {
    return (
      <Flex justify='center' align='center' style={{ minHeight: '100vh' }}>
        <Spin size='large' tip='正在确认登录状态…'>
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </Flex>
    )
  }
  if (status === 'signedOut') return <Navigate to='/login' replace state={{ from: location.pathname + location.search }} />
  return <>{children}</>
}

/** a page only some roles may open (the server refuses the rest anyway) */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const role = useSession((s) => s.user?.role)
  if (!role || !roles.includes(role)) return <Result status='403' title='没有权限' subTitle='您的账号角色不能使用此功能，如需开通请联系本单位管理员。' />
  return <>{children}</>
}

/** the console's first page: the dashboard for the roles that read it, else the role's first menu item */
export function HomeGate({ children }: { children: ReactNode }) {
  const role = useSession((s) => s.user?.role)
  if (!role || DASHBOARD_ROLES.includes(role)) return <>{children}</>
  const first = navItemsFor(role)[0]
  if (!first) return <Result status='403' title='没有权限' subTitle='您的账号角色没有可用的工作台功能，如需开通请联系本单位管理员。' />
  return <Navigate to={first.path} replace />
}
