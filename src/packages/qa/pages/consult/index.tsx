import { useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { ToggleSwitch } from '@/components/toggle-switch'
import { CONSULTATION_QUESTION_MAX, CONSULTATION_QUESTION_MIN, isMobile } from '@common/contract'
import { suggestTopic } from '@common/topic-suggest'
import { submitConsultation } from '@/features/consultations/api/consultations'
import { RegionPicker } from '@/components/region-picker'
import { askForReplyMessage } from '@/features/consultations/config'
import { useTopics } from '@/features/topics/use-topics'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { useSubmit } from '@/utils/use-submit'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

const DRAFT_KEY = 'zct-draft:consult'

/** what an unsent consultation keeps on the device, also through a sign-in detour */
interface Draft {
  question: string
  topic?: string
  regionCode?: string
  phone?: string
}

function readDraft(): Draft | undefined {
  const kept: unknown = Taro.getStorageSync(DRAFT_KEY)
  if (typeof kept !== 'string' || !kept) return undefined
  // an older build kept the question alone
  if (!kept.startsWith('{')) return { question: kept }
  try {
    const d = JSON.parse(kept) as Draft
    return typeof d.question === 'string' ? d : undefined
  } catch {
    return undefined
  }
}

export default function ConsultPage() {
  const params = useRouter().params
  const { topics } = useTopics()
  const token = useSessionStore((s) => s.token)
  const user = useSessionStore((s) => s.user)
  // an unsent question is kept as a draft on the device (换人 clears it), with its topic, region
  // and phone, and comes back next time — also after the detour to sign in that 提交 may take
  const [draft] = useState(readDraft)
  const [topic, setTopic] = useState(params.topic ?? draft?.topic ?? '')
  // until the resident picks a 政策领域 themselves, it follows the question (common/topic-suggest)
  const [topicPicked, setTopicPicked] = useState(Boolean(params.topic ?? draft?.topic))
  const [suggested, setSuggested] = useState(false)
  const [question, setQuestion] = useState(params.q ? decodeURIComponent(params.q) : (draft?.question ?? ''))
  // at a 便民服务点 the staff may ask for a resident: the village is the region, the resident's phone for the answer
  const servicePoint = useServicePointStore((s) => s.point)
  const [onBehalf, setOnBehalf] = useState(Boolean(servicePoint))
  const [residentName, setResidentName] = useState('')
  const [regionCode, setRegionCode] = useState(servicePoint?.villageCode ?? draft?.regionCode ?? user?.regionCode ?? '')
  const [phone, setPhone] = useState(draft?.phone ?? '')
  const saveDraft = (next: Partial<Draft>) => {
    const d: Draft = { question, topic, regionCode, phone, ...next }
    if (d.question.trim()) Taro.setStorageSync(DRAFT_KEY, JSON.stringify(d))
    else Taro.removeStorageSync(DRAFT_KEY)
  }
  const editQuestion = (text: string) => {
    setQuestion(text)
    setNotice(undefined)
    const guess = topicPicked
      ? undefined
      : suggestTopic(
          text,
          topics.map((t) => t.id),
        )
    if (guess && guess !== topic) setTopic(guess)
    if (!topicPicked) setSuggested(Boolean(guess))
    saveDraft({ question: text, ...(guess ? { topic: guess } : {}) })
  }
  const editTopic = (id: string) => {
    setTopic(id)
    setTopicPicked(true)
    setSuggested(false)
    saveDraft({ topic: id })
  }
  const editRegion = (code: string) => {
    setRegionCode(code)
    saveDraft({ regionCode: code })
  }
  const editPhone = (value: string) => {
    setPhone(value)
    saveDraft({ phone: value })
  }
  // one key per intent: a retry after a lost answer reuses it, so the server stores the question once
  const { busy, error, setError, run } = useSubmit()
  // 已保存，联网后自动发送: the last question went to 待发送 (not an error: nothing to do)
  const [notice, setNotice] = useState<string>()

  const problem = (): string | undefined => {
    if (!topic) return '请选择咨询的政策领域'
    const q = question.trim()
    if (q.length < CONSULTATION_QUESTION_MIN) return `请把问题写清楚一些（至少${CONSULTATION_QUESTION_MIN}个字）`
    if (q.length > CONSULTATION_QUESTION_MAX) return `问题最多${CONSULTATION_QUESTION_MAX}个字`
    if (!regionCode) return '请选择所在县市区'
    if (phone.trim() && !isMobile(phone.trim())) return '手机号格式不正确，请填写11位手机号'
    return undefined
  }

  const submit = async () => {
    const p = problem()
    setError(p)
    if (p || busy) return
    setNotice(undefined)
    if (!token) {
      // sign in first, then back here: the draft brings back what was typed
      saveDraft({})
      void Taro.navigateTo({ url: routes.signIn(routes.consult(topic ? { topic } : {})) })
      return
    }
    // the reply arrives as a WeChat subscription message when the resident allows it (weapp only)
    askForReplyMessage((o) => Taro.requestSubscribeMessage({ ...o, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option))
    const asked =
      onBehalf && servicePoint ? `【${servicePoint.villageName}便民服务点代${residentName.trim() || '居民'}咨询】${question.trim()}` : question.trim()
    const outcome = await run((key) => submitConsultation({ topic, question: asked, regionCode, phone: phone.trim() || undefined }, key))
    if (!outcome) return
    // kept by the outbox from here on
    Taro.removeStorageSync(DRAFT_KEY)
    if (outcome.status === 'queued') {
      // in 待发送 (我的咨询 lists it) with its key: it goes out by itself; the form is free for the next question
      setQuestion('')
      setPhone('')
      setResidentName('')
      setSuggested(false)
      setNotice('已保存，联网后自动发送')
      return
    }
    void Taro.showToast({ title: '提交成功，部门将尽快答复', icon: 'none' })
    void Taro.redirectTo({ url: routes.myConsultations })
  }

  const topicIndex = topics.findIndex((t) => t.id === topic)
  return (
    <ThemePage className='consult'>
      <View className='consult__form'>
        {servicePoint ? (
          <View className='consult__behalf'>
            <ToggleSwitch label={`代居民提问（${servicePoint.villageName}便民服务点）`} checked={onBehalf} onChange={setOnBehalf} />
            {onBehalf ? (
              <Input
                className='form-field consult__input'
                value={residentName}
                maxlength={10}
                placeholder='居民称呼，如：王大伯（选填）'
                aria-label='居民称呼'
                onInput={(e) => setResidentName(e.detail.value)}
              />
            ) : null}
          </View>
        ) : null}
        <Text className='consult__label'>政策领域</Text>
        <Picker
          mode='selector'
          range={topics.map((t) => t.name)}
          value={Math.max(0, topicIndex)}
          onChange={(e) => editTopic(topics[Number(e.detail.value)].id)}
        >
          <View className='form-field' role='button' aria-label={topicIndex >= 0 ? `选择政策领域：${topics[topicIndex].name}` : '选择政策领域'}>
            <Text className={topicIndex >= 0 ? '' : 'consult__placeholder'}>{topicIndex >= 0 ? topics[topicIndex].name : '选择政策领域'}</Text>
            <Text aria-hidden>▾</Text>
          </View>
        </Picker>
        {suggested && topicIndex >= 0 ? <Text className='consult__suggested'>已根据您的问题推荐「{topics[topicIndex].name}」，可以改选</Text> : null}

        <Text className='consult__label'>您的问题</Text>
        <Textarea
          className='consult__textarea'
          value={question}
          maxlength={CONSULTATION_QUESTION_MAX}
          placeholder='请描述您的情况和问题，例如：我母亲82岁，户籍在温岭，高龄津贴怎么申请？'
          aria-label='您的问题'
          onInput={(e) => editQuestion(e.detail.value)}
        />
        <Text className='consult__count'>
          {draft && !params.q && question === draft.question ? '已恢复上次未提交的问题 · ' : ''}
          {question.trim().length}/{CONSULTATION_QUESTION_MAX}
        </Text>

        <Text className='consult__label'>所在地区</Text>
        <RegionPicker value={regionCode} onChange={editRegion} levels={['county', 'township']} deepest='township' placeholder='选择县市区或乡镇街道' />

        <Text className='consult__label'>{onBehalf && servicePoint ? '居民的联系电话（选填，仅答复部门可见）' : '联系电话（选填，仅答复部门可见）'}</Text>
        <Input
          className='form-field consult__input'
          type='number'
          maxlength={11}
          value={phone}
          placeholder='11位手机号'
          aria-label='联系电话'
          onInput={(e) => editPhone(e.detail.value)}
        />

        {error ? (
          <View className='consult__error' role='alert'>
            {error}
          </View>
        ) : null}
        {notice ? (
          <View className='consult__notice' role='status'>
            <Text>{notice}</Text>
            <Text className='consult__notice-link' role='link' onClick={() => void Taro.navigateTo({ url: routes.myConsultations })}>
              查看我的咨询
            </Text>
          </View>
        ) : null}
        {token ? null : <Text className='consult__login-hint'>提交前需要登录，填写的内容会保留</Text>}
        <Button role='button' className='consult__submit' loading={busy} disabled={busy || undefined} onClick={submit}>
          提交咨询
        </Button>
        <Text className='consult__privacy'>您的手机号仅用于部门联系您，列表中始终隐藏中间四位。</Text>
      </View>
    </ThemePage>
  )
}
