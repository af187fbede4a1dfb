import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { LoginNeeded } from '@/components/login-needed'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getMistakes } from '@/features/quiz/api/quiz'
import { MistakeGroup } from '@/features/quiz/components/mistake-group'
import { MistakesSummary } from '@/features/quiz/components/mistakes-summary'

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
      {count === 0 ? <EmptyState title='错题本是空的' hint='竞赛和练习中答错的题会收进这里' /> : <MistakesSummary count={count} open={open} />}
      {groups.map((g) => (
        <MistakeGroup key={g.policyId ?? 'other'} group={g} />
      ))}
    </ThemePage>
  )
}
