import { Text } from '@tarojs/components'
import { useRequest } from '@/api'
import { Card } from '@/components/card'
import { ErrorState } from '@/components/error-state'
import { FormError, FormHint, FormSubmit } from '@/components/form'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getBodies } from '@/features/information-requests/api'
import { ApplicantFields, WantedFields } from '@/features/information-requests/components/apply-fields'
import { useFoiaApply } from '@/features/information-requests/hooks/use-foia-apply'

/** 依申请公开: the application the 条例 asks for, kept as a draft until it is submitted */
export default function FoiaApplyPage() {
  const bodies = useRequest(getBodies, [])
  const form = useFoiaApply()

  if (bodies.loading && !bodies.data) return <Skeleton rows={3} />
  if (bodies.error && !bodies.data) return <ErrorState message={bodies.error.message} onRetry={bodies.reload} />
  return (
    <ThemePage className='foia'>
      <Card className='foia__first'>
        <Text className='foia__intro'>
          依据《中华人民共和国政府信息公开条例》，行政机关自收到申请之日起20个工作日内答复；需要补正的，自收到补正之日起计算。
        </Text>
        {form.restored ? <FormHint>已恢复上次未提交的内容</FormHint> : null}
        <ApplicantFields form={form} />
        <WantedFields form={form} bodies={bodies.data ?? []} />
        <FormError message={form.error} />
        {form.signedIn ? null : <FormHint>提交前需要登录，填写的内容会保留</FormHint>}
        <FormSubmit busy={form.busy} onClick={form.submit}>
          提交申请
        </FormSubmit>
        <FormHint>证件号码和电话仅受理机关可见，其他页面始终隐藏部分号码。</FormHint>
      </Card>
    </ThemePage>
  )
}
