import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRequest } from '@/api'
import { Card } from '@/components/card'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getRequest } from '@/features/information-requests/api'
import { Acknowledgement, CorrectionForm, ReplyCard, RequestSummary, RequestTimeline } from '@/features/information-requests/components/request-detail'
import { routes } from '@/utils/routes'

/** one application: the acknowledgement, the due date, every step, 补正 and the 答复书 */
export default function FoiaDetailPage() {
  const { id = '', new: fresh } = useRouter().params
  const item = useRequest(() => getRequest(id), [id])

  if (item.loading && !item.data) return <Skeleton rows={4} />
  if (item.error && !item.data) return <ErrorState message={item.error.message} onRetry={item.reload} />
  const r = item.data!
  return (
    <ThemePage className='foia'>
      {fresh ? <Acknowledgement number={r.number} /> : null}
      <RequestSummary request={r} className='foia__first' />
      {r.status === 'correction' ? <CorrectionForm request={r} onSent={() => void item.reload()} /> : null}
      <ReplyCard request={r} />
      <RequestTimeline request={r} />
      <Card onTap={() => void Taro.navigateTo({ url: routes.foiaMine })}>
        <View className='foia__title'>查看我的全部申请 ›</View>
      </Card>
    </ThemePage>
  )
}
