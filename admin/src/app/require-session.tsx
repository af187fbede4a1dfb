import { Flex, Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import type { Role } from '@common/contract'
import { useSession } from '../components/session-store'

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
