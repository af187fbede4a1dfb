import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { FOIA_STATUS_LABELS } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getMyRequests } from '@/features/information-requests/api'
import { deadlineText } from '@/features/information-requests/status-text'
import { routes } from '@/utils/routes'
import '../foia.scss'

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
        <View className='foia__card' role='button' onClick={() => Taro.navigateTo({ url: routes.foiaApply })}>
          <Text className='foia__title'>＋ 新的信息公开申请</Text>
        </View>
      )}
      {list.data?.map((r) => (
        <View
          key={r.id}
          className='foia__item'
          role='link'
          aria-label={`${r.infoTitle}，${FOIA_STATUS_LABELS[r.status]}`}
          onClick={() => Taro.navigateTo({ url: routes.foiaDetail(r.id) })}
        >
          <View className='foia__row'>
            <Text className='foia__title'>{r.infoTitle}</Text>
            <Tag tone={r.overdue ? 'danger' : r.status === 'answered' || r.status === 'closed' ? 'success' : r.status === 'correction' ? 'warning' : 'primary'}>
              {FOIA_STATUS_LABELS[r.status]}
            </Tag>
          </View>
          <Text className='foia__meta'>
            {r.number} · {r.orgName}
          </Text>
          <Text className={`foia__meta ${r.overdue && r.status !== 'answered' && r.status !== 'closed' ? 'foia__late' : ''}`}>{deadlineText(r)}</Text>
        </View>
      ))}
    </ThemePage>
  )
}
