import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ApiError, useRequest } from '@/api'
import type { PracticeFeedback } from '@common/contract'
import { newIdempotencyKey } from '@/utils/idempotency'
import { answerPractice, getPracticeQuestions } from '../api/quiz'

export interface PracticeSource {
  /** the 错题本's questions (of one policy group, `policyId`) instead of a topic's */
  fromBook: boolean
  policyId?: string
  topic?: string
}

/**
 * 练习's round: a set of questions drawn by the server, one at a time; each answer is checked at
 * once (right or wrong, the key and the explanation). A refusal (403/409: a contest now uses the
 * question) is kept to show in place, with 跳过此题. No clock and no ranking.
 */
export function usePractice(token: string | undefined, source: PracticeSource) {
  const [round, setRound] = useState(0)
  const { fromBook, policyId, topic } = source
  const questions = useRequest(
    () => (token ? getPracticeQuestions(fromBook ? { source: 'mistakes', policyId: policyId || undefined } : { topic }) : Promise.resolve([])),
    [token, topic, fromBook, policyId, round],
  )
  const [index, setIndex] = useState(0)
  const [chosen, setChosen] = useState<string[]>([])
  const [feedback, setFeedback] = useState<PracticeFeedback>()
  const [refusal, setRefusal] = useState<string>()
  const [checking, setChecking] = useState(false)
  const [right, setRight] = useState(0)
  const key = useRef(newIdempotencyKey())

  const list = questions.data ?? []
  const question = list[index]

  const next = () => {
    setIndex((i) => i + 1)
    setChosen([])
    setFeedback(undefined)
    setRefusal(undefined)
  }
  /** back to the first question of the set (a new topic), `fresh`: a new set drawn (再练一组) */
  const restart = (fresh = false) => {
    setIndex(0)
    setChosen([])
    setFeedback(undefined)
    setRefusal(undefined)
    setRight(0)
    if (fresh) setRound((r) => r + 1)
  }
  const check = async () => {
    if (!question || chosen.length === 0) {
      void Taro.showToast({ title: '请先选择答案', icon: 'none' })
      return
    }
    setChecking(true)
    try {
      const fb = await answerPractice(question.id, chosen, key.current)
      key.current = newIdempotencyKey()
      setFeedback(fb)
      if (fb.isCorrect) setRight((n) => n + 1)
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 409)) setRefusal(e.message)
      else void Taro.showToast({ title: e instanceof Error ? e.message : '提交失败，请重试', icon: 'none' })
    } finally {
      setChecking(false)
    }
  }

  return { questions, list, index, question, chosen, setChosen, feedback, refusal, checking, right, check, next, restart }
}
