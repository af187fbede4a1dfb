import { Input, Textarea } from '@tarojs/components'
import { ChipBar } from '@/components/chip-bar'
import { FormLabel, FormSection } from '@/components/form'
import {
  FOIA_APPLICANT_LABELS,
  FOIA_DELIVERY_LABELS,
  FOIA_FORMAT_LABELS,
  FOIA_ID_TYPE_LABELS,
  FOIA_TEXT_MAX,
  type FoiaApplicantType,
  type FoiaBody,
  type FoiaDelivery,
  type FoiaFormat,
  type FoiaIdType,
} from '@common/contract'
import type { FoiaApply } from '../hooks/use-foia-apply'
import type { FoiaDraft } from '../draft'
import { BodyPicker } from './body-picker'
import './foia.scss'

const chips = <K extends string>(labels: Record<K, string>, only?: readonly K[]) =>
  (only ?? (Object.keys(labels) as K[])).map((id) => ({ id, name: labels[id] }))

type TextKey = 'name' | 'idNumber' | 'phone' | 'email' | 'address' | 'infoTitle' | 'docNumber'

/** one line of the form, labelled, kept in the draft as it is typed */
function DraftInput({
  form,
  name,
  label,
  placeholder = '',
  maxlength = 100,
  type = 'text',
}: {
  form: FoiaApply
  name: TextKey
  label: string
  placeholder?: string
  maxlength?: number
  type?: 'text' | 'number' | 'idcard'
}) {
  return (
    <>
      <FormLabel>{label}</FormLabel>
      <Input
        className='form-field form__input foia__input'
        value={form.draft[name] ?? ''}
        maxlength={maxlength}
        type={type}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => form.edit({ [name]: e.detail.value } as FoiaDraft)}
      />
    </>
  )
}

/** 申请人信息: a citizen or an organisation, the certificate, how to reach them */
export function ApplicantFields({ form }: { form: FoiaApply }) {
  const { draft, edit } = form
  const organisation = draft.applicantType === 'organisation'
  return (
    <>
      <FormSection>申请人信息</FormSection>
      <FormLabel>申请人类型</FormLabel>
      <ChipBar
        allLabel={null}
        options={chips(FOIA_APPLICANT_LABELS)}
        value={draft.applicantType}
        onChange={(v) => edit({ applicantType: v as FoiaApplicantType, idType: v === 'organisation' ? 'credit_code' : 'id_card' })}
      />
      <DraftInput form={form} name='name' label={organisation ? '名称' : '姓名'} placeholder={organisation ? '法人或其他组织名称' : '申请人姓名'} />
      <FormLabel>证件类型</FormLabel>
      <ChipBar
        allLabel={null}
        options={organisation ? chips(FOIA_ID_TYPE_LABELS, ['credit_code']) : chips(FOIA_ID_TYPE_LABELS, ['id_card', 'passport', 'hk_macao_pass'])}
        value={draft.idType}
        onChange={(v) => edit({ idType: v as FoiaIdType })}
      />
      <DraftInput
        form={form}
        name='idNumber'
        label='证件号码'
        maxlength={40}
        type={draft.idType === 'id_card' ? 'idcard' : 'text'}
        placeholder='仅受理机关可见完整号码'
      />
      <DraftInput form={form} name='phone' label='联系电话' maxlength={20} type='number' />
      <DraftInput form={form} name='email' label='电子邮箱（选填）' />
      <DraftInput form={form} name='address' label='通讯地址（邮寄时必填）' maxlength={200} />
    </>
  )
}

/** 所需信息: what is asked for, from which body, in which form and how it reaches the applicant */
export function WantedFields({ form, bodies }: { form: FoiaApply; bodies: FoiaBody[] }) {
  const { draft, edit } = form
  return (
    <>
      <FormSection>所需信息</FormSection>
      <DraftInput form={form} name='infoTitle' label='信息名称' maxlength={200} placeholder='例如：某某区2026年老旧小区改造计划' />
      <DraftInput form={form} name='docNumber' label='文号（选填）' placeholder='例如：台政办发〔2026〕1号' />
      <FormLabel>内容描述（选填）</FormLabel>
      <Textarea
        className='form__textarea foia__textarea'
        value={draft.description ?? ''}
        maxlength={FOIA_TEXT_MAX}
        placeholder='便于机关查找的描述：时间、地点、事项等'
        aria-label='内容描述'
        onInput={(e) => edit({ description: e.detail.value })}
      />
      <FormLabel>申请公开的机关</FormLabel>
      <BodyPicker bodies={bodies} value={draft.orgCode} onChange={(orgCode) => edit({ orgCode })} />
      <FormLabel>信息的载体形式</FormLabel>
      <ChipBar allLabel={null} options={chips(FOIA_FORMAT_LABELS)} value={draft.format} onChange={(v) => edit({ format: v as FoiaFormat })} />
      <FormLabel>获取信息的方式</FormLabel>
      <ChipBar allLabel={null} options={chips(FOIA_DELIVERY_LABELS)} value={draft.delivery} onChange={(v) => edit({ delivery: v as FoiaDelivery })} />
    </>
  )
}
