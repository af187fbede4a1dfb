import { LoginNeeded } from '@/components/login-needed'
import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ApiError, useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { PracticeFeedback } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { answerPractice, getPracticeQuestions, getTopics } from '@/features/quiz/api/quiz'
import { QuestionView } from '@/features/quiz/components/question-view'
import { newIdempotencyKey } from '@/utils/idempotency'
import { routes } from '@/utils/routes'
import '../quiz.scss'

/**
 * 练习: by topic (or the 错题本's questions), no ranking and no clock; each answer is checked at
 * once and shows the right answer and the explanation. The server never draws a question it will
 * not answer (one a running or upcoming campaign uses, submitted or not), but one may become so
 * between the draw and the answer (a contest starts, or the resident starts an attempt that drew
 * it): its refusal (403/409) is shown in place, with 跳过此题.
 */
export default function PracticePage() {
  const params = useRouter().params
  const fromBook = params.source === 'mistakes'
  const token = useSessionStore((s) => s.token)
  const [topic, setTopic] = useState<string | undefined>(params.topic || undefined)
  const [round, setRound] = useState(0)
  const topics = useRequest(getTopics, [])
  const questions = useRequest(
    () => (token ? getPracticeQuestions(fromBook ? { source: 'mistakes', policyId: params.policyId || undefined } : { topic }) : Promise.resolve([])),
    [token, topic, fromBook, params.policyId, round],
  )
  const [index, setIndex] = useState(0)
  const [chosen, setChosen] = useState<string[]>([])
  const [feedback, setFeedback] = useState<PracticeFeedback>()
  const [refusal, setRefusal] = useState<string>()
  const [checking, setChecking] = useState(false)
  const [right, setRight] = useState(0)
  const key = useRef(newIdempotencyKey())

  const restart = () => {
    setIndex(0)
    setChosen([])
    setFeedback(undefined)
    setRefusal(undefined)
    setRight(0)
  }

  if (!token) {
    return (
      <ThemePage>
        <LoginNeeded what='即可练习' hint='答错的题会自动收进错题本' />
      </ThemePage>
    )
  }

  const list = questions.data ?? []
  const q = list[index]
  const check = async () => {
    if (!q || chosen.length === 0) {
      void Taro.showToast({ title: '请先选择答案', icon: 'none' })
      return
    }
    setChecking(true)
    try {
      const fb = await answerPractice(q.id, chosen, key.current)
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
  const next = () => {
    setIndex((i) => i + 1)
    setChosen([])
    setFeedback(undefined)
    setRefusal(undefined)
  }
  const text = (keys: string[]) => keys.map((k) => q?.options.find((o) => o.key === k)?.text ?? k).join('、')

  return (
    <ThemePage>
      {fromBook ? (
        <View className='section__title'>错题重练 · 连续答对两次即移出错题本</View>
      ) : (
        <View className='page__filters'>
          <ChipBar
            options={(topics.data ?? []).map((t) => ({ id: t.id, name: t.name }))}
            value={topic}
            allLabel='全部主题'
            onChange={(t) => {
              setTopic(t)
              restart()
            }}
          />
        </View>
      )}
      {questions.loading && !questions.data ? <Skeleton rows={3} /> : null}
      {questions.error && !questions.data ? <ErrorState message={questions.error.message} onRetry={questions.reload} /> : null}
      {questions.data && list.length === 0 ? (
        <EmptyState
          title={fromBook ? '错题本是空的' : '这个主题暂无题目'}
          hint={fromBook ? '答错的题会自动收进这里；进行中或即将开始的竞赛的题目，竞赛结束后才能重练' : '竞赛中的题目在竞赛结束后开放练习，换个主题试试'}
        />
      ) : null}
      {q ? (
        <>
          <QuestionView
            question={q}
            index={index}
            total={list.length}
            chosen={chosen}
            onChange={setChosen}
            locked={!!feedback || !!refusal || checking}
            correct={feedback?.correct}
          />
          {refusal ? (
            <View className='quiz-feedback' role='alert'>
              <Text className='quiz-feedback__text'>{refusal}</Text>
            </View>
          ) : null}
          {feedback ? (
            <View className='quiz-feedback' role='status'>
              <Text className={`quiz-feedback__verdict ${feedback.isCorrect ? 'quiz-feedback__verdict--ok' : 'quiz-feedback__verdict--bad'}`}>
                {feedback.isCorrect ? '回答正确' : '回答错误'}
              </Text>
              <Text className='quiz-feedback__text'>正确答案：{text(feedback.correct)}</Text>
              <Text className='quiz-feedback__text'>解析：{feedback.explanation}</Text>
              {feedback.mistake.removed ? <Text className='quiz-feedback__text'>已连续答对两次，移出错题本</Text> : null}
              {!feedback.mistake.removed && feedback.mistake.inBook ? (
                <Text className='quiz-feedback__text'>{feedback.mistake.streak === 1 ? '再答对 1 次即可移出错题本' : '已收入错题本'}</Text>
              ) : null}
              {feedback.interpretationId ? (
                <Text className='quiz-link' role='link' onClick={() => Taro.navigateTo({ url: routes.interpretationDetail(feedback.interpretationId!) })}>
                  查看政策解读 ›
                </Text>
              ) : null}
            </View>
          ) : null}
          <View className='quiz-actions'>
            {feedback || refusal ? (
              <Button role='button' className='quiz-btn' onClick={next}>
                {refusal ? '跳过此题' : index < list.length - 1 ? '下一题' : '完成'}
              </Button>
            ) : (
              <Button role='button' className='quiz-btn' loading={checking} disabled={checking || undefined} onClick={check}>
                确定
              </Button>
            )}
          </View>
        </>
      ) : null}
      {list.length > 0 && index >= list.length ? (
        <View className='quiz-panel'>
          <Text className='quiz-panel__title'>
            本组练习完成：答对 {right}/{list.length} 题
          </Text>
          <Button
            role='button'
            className='quiz-btn'
            onClick={() => {
              restart()
              setRound((r) => r + 1)
            }}
          >
            再练一组
          </Button>
          <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => Taro.redirectTo({ url: routes.quizMistakes })}>
            查看错题本
          </Button>
        </View>
      ) : null}
    </ThemePage>
  )
}
