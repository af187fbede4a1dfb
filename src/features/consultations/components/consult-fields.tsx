import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ToggleSwitch } from '@/components/toggle-switch'
import { FormLabel, PickerFace } from '@/components/form'
import { CONSULTATION_QUESTION_MAX } from '@common/contract'
import { routes } from '@/utils/routes'
import type { ConsultForm } from '../hooks/use-consult-form'
import './consult-fields.scss'

/** at a 便民服务点: 代居民提问, and what to call the resident */
export function BehalfFields({ form }: { form: ConsultForm }) {
  if (!form.servicePoint) return null
  return (
    <View className='consult__behalf'>
      <ToggleSwitch label={`代居民提问（${form.servicePoint.villageName}便民服务点）`} checked={form.onBehalf} onChange={form.setOnBehalf} />
      {form.onBehalf ? (
        <Input
          className='form-field form__input consult__input'
          value={form.residentName}
          maxlength={10}
          placeholder='居民称呼，如：王大伯（选填）'
          aria-label='居民称呼'
          onInput={(e) => form.setResidentName(e.detail.value)}
        />
      ) : null}
    </View>
  )
}

/** 政策领域: picked, or suggested from the question until the resident picks one */
export function TopicField({ form }: { form: ConsultForm }) {
  const { topics, topicIndex, topicName } = form
  return (
    <>
      <FormLabel>政策领域</FormLabel>
      <Picker
        mode='selector'
        range={topics.map((t) => t.name)}
        value={Math.max(0, topicIndex)}
        onChange={(e) => form.editTopic(topics[Number(e.detail.value)].id)}
      >
        <PickerFace text={topicName} placeholder='选择政策领域' name={topicName ? `选择政策领域：${topicName}` : '选择政策领域'} />
      </Picker>
      {form.suggested && topicName ? <Text className='consult__suggested'>已根据您的问题推荐「{topicName}」，可以改选</Text> : null}
    </>
  )
}

export function QuestionField({ form }: { form: ConsultForm }) {
  return (
    <>
      <FormLabel>您的问题</FormLabel>
      <Textarea
        className='form__textarea form__textarea--tall consult__textarea'
        value={form.question}
        maxlength={CONSULTATION_QUESTION_MAX}
        placeholder='请描述您的情况和问题，例如：我母亲82岁，户籍在温岭，高龄津贴怎么申请？'
        aria-label='您的问题'
        onInput={(e) => form.editQuestion(e.detail.value)}
      />
      <Text className='consult__count'>
        {form.restored ? '已恢复上次未提交的问题 · ' : ''}
        {form.question.trim().length}/{CONSULTATION_QUESTION_MAX}
      </Text>
    </>
  )
}

export function PhoneField({ form }: { form: ConsultForm }) {
  return (
    <>
      <FormLabel>{form.onBehalf && form.servicePoint ? '居民的联系电话（选填，仅答复部门可见）' : '联系电话（选填，仅答复部门可见）'}</FormLabel>
      <Input
        className='form-field form__input consult__input'
        type='number'
        maxlength={11}
        value={form.phone}
        placeholder='11位手机号'
        aria-label='联系电话'
        onInput={(e) => form.editPhone(e.detail.value)}
      />
    </>
  )
}

/** 已保存，联网后自动发送: the question waits in 待发送, one tap from 我的咨询 */
export function QueuedNotice({ notice }: { notice?: string }) {
  if (!notice) return null
  return (
    <View className='consult__notice' role='status'>
      <Text>{notice}</Text>
      <Text className='consult__notice-link' role='link' onClick={() => void Taro.navigateTo({ url: routes.myConsultations })}>
        查看我的咨询
      </Text>
    </View>
  )
}
