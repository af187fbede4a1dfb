import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { suggestTopic } from '@common/topic-suggest'
import { submitConsultation } from '@/features/consultations/api/consultations'
import { askForReplyMessage } from '@/features/consultations/config'
import { useTopics } from '@/features/topics/use-topics'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { useSubmit } from '@/utils/use-submit'
import { routes } from '@/utils/routes'
import { type ConsultDraft, consultProblem, dropConsultDraft, keepConsultDraft, readConsultDraft } from './consult-draft'

/**
 * The 政策咨询 form's state and its 提交. An unsent question is kept as a draft on the device (换人
 * clears it), with its topic, region and phone, and comes back next time — also after the detour to
 * sign in that 提交 may take.
 */
export function useConsultForm() {
  const params = useRouter().params
  const { topics } = useTopics()
  const token = useSessionStore((s) => s.token)
  const user = useSessionStore((s) => s.user)
  const [draft] = useState(readConsultDraft)
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
  // one key per intent: a retry after a lost answer reuses it, so the server stores the question once
  const { busy, error, setError, run } = useSubmit()
  // 已保存，联网后自动发送: the last question went to 待发送 (not an error: nothing to do)
  const [notice, setNotice] = useState<string>()
  const saveDraft = (next: Partial<ConsultDraft>) => keepConsultDraft({ question, topic, regionCode, phone, ...next })

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

  const submit = async () => {
    const p = consultProblem({ topic, question, regionCode, phone })
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
    dropConsultDraft()
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
  return {
    topics,
    topicName: topicIndex >= 0 ? topics[topicIndex].name : undefined,
    topicIndex,
    suggested,
    question,
    /** 已恢复上次未提交的问题: the question on screen is the kept draft's */
    restored: Boolean(draft && !params.q && question === draft.question),
    servicePoint,
    onBehalf,
    setOnBehalf,
    residentName,
    setResidentName,
    regionCode,
    phone,
    signedIn: Boolean(token),
    busy,
    error,
    notice,
    editQuestion,
    editTopic,
    editRegion,
    editPhone,
    submit,
  }
}

export type ConsultForm = ReturnType<typeof useConsultForm>
