import { LoginNeeded } from '@/components/login-needed'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getMistakes } from '@/features/quiz/api/quiz'
import { questionTypeLabel } from '@/features/quiz/components/question-view'
import { formatDateTime } from '@/features/quiz/format'
import { routes } from '@/utils/routes'
import '../quiz.scss'

/** 错题本: wrong answers from campaigns and practice, grouped by the policy they come from. */
export default function MistakesPage() {
  const token = useSessionStore((s) => s.token)
  const book = useRequest(() => (token ? getMistakes() : Promise.resolve([])), [token])
  usePullDownRefresh(() => {
    void book.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // back from re-practice: questions may have left the book
  useDidShow(() => {
    if (book.data) void book.reload()
  })

  if (!token) {
    return (
      <ThemePage>
        <LoginNeeded what='查看错题本' />
      </ThemePage>
    )
  }
  if (book.loading && !book.data) return <Skeleton rows={4} />
  if (book.error && !book.data) return <ErrorState message={book.error.message} onRetry={book.reload} />
  const groups = book.data ?? []
  const count = groups.reduce((n, g) => n + g.items.length, 0)
  const open = groups.reduce((n, g) => n + g.items.filter((m) => !m.locked).length, 0)
  return (
    <ThemePage>
      {count === 0 ? (
        <EmptyState title='错题本是空的' hint='竞赛和练习中答错的题会收进这里' />
      ) : (
        <>
          <View className='section__title'>共 {count} 道错题 · 连续答对两次即移出</View>
          {open > 0 ? (
            <View className='quiz-actions'>
              <Button role='button' className='quiz-btn' onClick={() => Taro.navigateTo({ url: routes.quizPractice({ source: 'mistakes' }) })}>
                全部重练
              </Button>
            </View>
          ) : null}
          {open < count ? (
            <Text className='quiz-panel__line quiz-review-note' role='note'>
              {count - open} 道题正用于进行中或即将开始的竞赛，竞赛结束后公布答案并可重练
            </Text>
          ) : null}
        </>
      )}
      {groups.map((g) => (
        <View className='quiz-panel' key={g.policyId ?? 'other'} role='group' aria-label={g.policyTitle}>
          <Text className='quiz-group__title'>{g.policyTitle}</Text>
          {g.items.map((m) => (
            <View className='quiz-group__item' key={m.question.id}>
              <Text>{m.question.stem}</Text>
              <Text className='quiz-group__meta'>
                {questionTypeLabel[m.question.type]} · 答错 {m.wrongCount} 次{m.streak > 0 ? ` · 已连续答对 ${m.streak} 次` : ''}
                {m.locked ? ` · 竞赛结束后可重练${m.locked.until ? `（${formatDateTime(m.locked.until)} 后）` : ''}` : ''}
              </Text>
            </View>
          ))}
          {g.items.some((m) => !m.locked) ? (
            <Button
              role='button'
              className='quiz-btn quiz-btn--ghost'
              onClick={() => Taro.navigateTo({ url: routes.quizPractice({ source: 'mistakes', policyId: g.policyId ?? 'none' }) })}
            >
              重练本组（{g.items.filter((m) => !m.locked).length} 题）
            </Button>
          ) : null}
        </View>
      ))}
    </ThemePage>
  )
}
