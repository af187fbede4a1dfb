import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import type { SessionInfo } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { listSessions, revokeSession } from '@/features/staff/api/staff-auth'
import { fromNow } from '@/utils/date'
import { routes } from '@/utils/routes'
import '../staff.scss'

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
        <View className='staff__card' role='list' aria-label='登录设备'>
          {(sessions.data ?? []).map((s) => (
            <View key={s.id} className='staff__session' role='listitem' aria-label={s.current ? `${s.device}（本机）` : s.device}>
              <View className='staff__session-main'>
                <View>
                  <Text>{s.device}</Text> {s.current ? <Tag tone='success'>本机</Tag> : null}
                </View>
                <Text className='staff__session-meta'>{`登录于${fromNow(s.createdAt)} · 最近使用${fromNow(s.lastSeenAt)} · IP ${s.ip}`}</Text>
              </View>
              {s.current ? null : (
                <Button
                  role='button'
                  className='staff__revoke'
                  aria-label={`下线 ${s.device}`}
                  loading={busy === s.id}
                  disabled={busy !== undefined || undefined}
                  onClick={() => void revoke(s)}
                >
                  下线
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
      {error ? (
        <View className='staff__error staff__card' role='alert'>
          {error}
        </View>
      ) : null}
      <Text className='staff__hint staff__card'>工作人员登录 12 小时未使用会自动失效。发现不认识的设备，请下线它并修改密码。</Text>
    </ThemePage>
  )
}
