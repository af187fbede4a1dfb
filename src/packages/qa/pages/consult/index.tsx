import { Text } from '@tarojs/components'
import { Card } from '@/components/card'
import { FormError, FormHint, FormLabel, FormSubmit } from '@/components/form'
import { RegionPicker } from '@/components/region-picker'
import { BehalfFields, PhoneField, QueuedNotice, QuestionField, TopicField } from '@/features/consultations/components/consult-fields'
import { useConsultForm } from '@/features/consultations/hooks/use-consult-form'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 政策咨询: a question to the department in charge, kept as a draft until it is sent */
export default function ConsultPage() {
  const form = useConsultForm()
  return (
    <ThemePage className='consult'>
      <Card className='consult__form'>
        <BehalfFields form={form} />
        <TopicField form={form} />
        <QuestionField form={form} />
        <FormLabel>所在地区</FormLabel>
        <RegionPicker
          value={form.regionCode}
          onChange={form.editRegion}
          levels={['county', 'township']}
          deepest='township'
          placeholder='选择县市区或乡镇街道'
        />
        <PhoneField form={form} />
        <FormError message={form.error} />
        <QueuedNotice notice={form.notice} />
        {form.signedIn ? null : <FormHint className='consult__login-hint'>提交前需要登录，填写的内容会保留</FormHint>}
        <FormSubmit busy={form.busy} onClick={form.submit}>
          提交咨询
        </FormSubmit>
        <Text className='consult__privacy'>您的手机号仅用于部门联系您，列表中始终隐藏中间四位。</Text>
      </Card>
    </ThemePage>
  )
}
