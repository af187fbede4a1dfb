import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useRequest, useSessionStore } from '@/api'
import { Card } from '@/components/card'
import { FormError } from '@/components/form'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { SessionInfo } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { listSessions, revokeSession } from '@/features/staff/api/staff-auth'
import { routes } from '@/utils/routes'
import { SessionList } from '@/features/staff/components/session-list'

/** 登录设备: where this account is signed in; 下线 ends any other one at once. */
export default function SessionsPage() {
  const token = useSessionStore((s) => s.token)
  const sessions = useRequest(() => (token ? listSessions() : Promise.resolve([] as SessionInfo[])), [token])
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()

  const revoke = async (s: SessionInfo) => {
    setBusy(s.id)
    setError(undefined)
    try {
      await revokeSession(s.id)
      void Taro.showToast({ title: '已下线该设备', icon: 'none' })
      await sessions.reload()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试')
    } finally {
      setBusy(undefined)
    }
  }

  if (!token) {
    return (
      <ThemePage className='staff'>
        <EmptyState title='请先登录' actionText='去登录' onAction={() => Taro.switchTab({ url: routes.mine })} />
      </ThemePage>
    )
  }

  return (
    <ThemePage className='staff'>
      {sessions.loading && !sessions.data ? (
        <Skeleton rows={3} />
      ) : sessions.error && !sessions.data ? (
        <ErrorState message={sessions.error.message} onRetry={sessions.reload} />
      ) : (
        <SessionList sessions={sessions.data ?? []} busy={busy} onRevoke={(s) => void revoke(s)} />
      )}
      <FormError className='staff__error staff__alone' message={error} />
      <Card>
        <Text className='staff__hint'>工作人员登录 12 小时未使用会自动失效。发现不认识的设备，请下线它并修改密码。</Text>
      </Card>
    </ThemePage>
  )
}
