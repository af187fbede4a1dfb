import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { LoginNeeded } from '@/components/login-needed'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getTopics } from '@/features/quiz/api/quiz'
import { PracticeDone } from '@/features/quiz/components/practice-done'
import { PracticeQuestion } from '@/features/quiz/components/practice-question'
import { usePractice } from '@/features/quiz/hooks/use-practice'

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
  const topics = useRequest(getTopics, [])
  const practice = usePractice(token, { fromBook, policyId: params.policyId, topic })
  const { questions, list, index } = practice

  if (!token) {
    return (
      <ThemePage>
        <LoginNeeded what='即可练习' hint='答错的题会自动收进错题本' />
      </ThemePage>
    )
  }
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
              practice.restart()
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
      <PracticeQuestion practice={practice} />
      {list.length > 0 && index >= list.length ? <PracticeDone right={practice.right} total={list.length} onAgain={() => practice.restart(true)} /> : null}
    </ThemePage>
  )
}
