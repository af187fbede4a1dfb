import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Card } from '@/components/card'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getMyRequests } from '@/features/information-requests/api'
import { RequestItem } from '@/features/information-requests/components/request-item'
import { routes } from '@/utils/routes'

/** 我的信息公开申请: status and the due date in working days, newest first */
export default function FoiaMinePage() {
  const token = useSessionStore((s) => s.token)
  const list = useRequest(async () => (token ? (await getMyRequests()).items : []), [token])
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (list.data) void list.reload()
  })

  if (!token) {
    return <EmptyState title='登录后查看您的申请' actionText='去登录' onAction={() => Taro.navigateTo({ url: routes.signIn(routes.foiaMine) })} />
  }
  if (list.loading && !list.data) return <Skeleton rows={3} />
  if (list.error && !list.data) return <ErrorState message={list.error.message} onRetry={list.reload} />
  return (
    <ThemePage className='foia'>
      {list.data?.length === 0 ? (
        <EmptyState
          title='还没有信息公开申请'
          hint='需要政府没有主动公开的信息，可以在线申请'
          actionText='申请政府信息公开'
          onAction={() => Taro.navigateTo({ url: routes.foiaApply })}
        />
      ) : (
        <Card className='foia__first' onTap={() => void Taro.navigateTo({ url: routes.foiaApply })}>
          <Text className='foia__title'>＋ 新的信息公开申请</Text>
        </Card>
      )}
      {list.data?.map((r) => (
        <RequestItem key={r.id} request={r} onOpen={(id) => void Taro.navigateTo({ url: routes.foiaDetail(id) })} />
      ))}
    </ThemePage>
  )
}
