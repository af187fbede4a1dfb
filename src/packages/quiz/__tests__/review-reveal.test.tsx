/**
 * The result page on both sides of a campaign's end (review of issue 12, H1), against the real
 * routes with a clock the test moves: while the campaign runs the review says right or wrong and
 * what was chosen, with 「竞赛结束后公布正确答案和解析」 and the date; once every campaign using its
 * questions has ended, the same page shows the right answers, explanations and interpretation links.
 * The 错题本 keeps the misses meanwhile and says when they can be practised.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { useSessionStore } from '@/api'
import type { Attempt } from '@common/contract'
import { formatDateTime } from '@/features/quiz/format'
import { fixtures } from '../../../../mock/fixtures'
import { makeClock } from '../../../../test/api/helpers/clock'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import MistakesPage from '../pages/mistakes/index'
import AttemptResultPage from '../pages/result/index'

const clock = makeClock(new Date())
const api = setupFixtureApi({ now: clock.now })
const seedOf = new Map(fixtures.questions.map((q) => [q.id, q]))

async function signIn(name: string) {
  const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name } })
  act(() => useSessionStore.getState().signIn(session))
}

/** display keys of the right options (through the option texts: only tests know the key) */
function right(q: Attempt['questions'][number]): string[] {
  const seed = seedOf.get(q.id)!
  const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
  return q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
}

it('withholds the key while the campaign runs and shows the full review after its end', async () => {
  await signIn('揭晓居民')
  await api.client.call('PUT /quiz/profile', { body: { regionCode: '331002001003' } })
  const attempt = await api.client.call('POST /campaigns/:id/attempts', { params: { id: 'q001' }, body: {} })
  const answers = Object.fromEntries(attempt.questions.slice(0, 6).map((q) => [q.id, right(q)]))
  const result = await api.client.call('POST /attempts/:id/submit', { params: { id: attempt.id }, body: { answers } })
  const until = result.keyWithheld!.until!
  expect(result.keyWithheld).toEqual({ questions: 10, until })

  taroMock.routerParams = { id: attempt.id }
  const running = render(<AttemptResultPage />)
  expect(await screen.findByRole('note')).toHaveTextContent(`竞赛结束后公布正确答案和解析（${formatDateTime(until)} 后）`)
  expect(screen.getAllByText('回答正确')).toHaveLength(6)
  expect(screen.getAllByText('未作答')).toHaveLength(4)
  expect(screen.queryByText(/^(正确答案|解析)：/)).toBeNull()
  running.unmount()
  // the 错题本 keeps the four misses, says they open after the campaign and offers no 重练 for them
  const bookWhileRunning = render(<MistakesPage />)
  expect(await screen.findByText('共 4 道错题 · 连续答对两次即移出')).toBeInTheDocument()
  expect(screen.getByRole('note')).toHaveTextContent('4 道题正用于进行中或即将开始的竞赛，竞赛结束后公布答案并可重练')
  expect(screen.getAllByText(/竞赛结束后可重练（\d+月\d+日 \d\d:\d\d 后）/)).toHaveLength(4)
  expect(screen.queryByRole('button', { name: /全部重练|重练本组/ })).toBeNull()
  bookWhileRunning.unmount()

  // every campaign using these questions has ended (and the last attempt could no longer be submitted)
  clock.set(new Date(Date.parse(until) + 60 * 60_000))
  await signIn('揭晓居民') // sessions expire
  render(<AttemptResultPage />)
  expect(await screen.findByText('答题解析')).toBeInTheDocument()
  expect(screen.queryByRole('note')).toBeNull()
  expect(screen.getAllByText(/^正确答案：/)).toHaveLength(10)
  for (const q of attempt.questions) expect(screen.getByText(`解析：${seedOf.get(q.id)!.explanation}`)).toBeInTheDocument()
  expect(screen.getAllByText('回答正确')).toHaveLength(6)
  expect(screen.getAllByRole('link', { name: '查看政策解读 ›' }).length).toBeGreaterThan(0)
  expect(document.querySelectorAll('.question__option--right').length).toBeGreaterThanOrEqual(10)
  cleanup()
  render(<MistakesPage />)
  expect(await screen.findByRole('button', { name: '全部重练' })).toBeInTheDocument()
  expect(screen.queryByRole('note')).toBeNull()
  expect(screen.queryByText(/竞赛结束后可重练/)).toBeNull()
}, 30_000)
