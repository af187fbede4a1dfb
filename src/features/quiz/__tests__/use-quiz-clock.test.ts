/**
 * The attempt's clock on jest's fake timers (Date.now moves with them): each question's own
 * seconds, the server's deadline on the server's clock, the time on screen booked per question,
 * and the background (useDidHide/useDidShow): no ticking while hidden, a catch-up when back.
 */
import { act, renderHook } from '@testing-library/react'
import type { Attempt } from '@common/contract'
import { taroMock } from '../../../../test/mocks/taro'
import { useQuizClock } from '../hooks/use-quiz-clock'
import { useAttemptStore } from '../stores/attempt-store'

let seq = 0

/** an attempt of `count` questions of `seconds` each; the server's clock `skewMs` ahead of the phone's */
function attemptOf(count: number, seconds: number, { skewMs = 0, totalSec = count * seconds } = {}): Attempt {
  const serverNow = Date.now() + skewMs
  const id = `clock-${++seq}`
  return {
    id,
    campaignId: 'q001',
    startedAt: new Date(serverNow).toISOString(),
    deadline: new Date(serverNow + totalSec * 1000).toISOString(),
    questions: Array.from({ length: count }, (_, i) => ({ id: `${id}-q${i + 1}`, type: 'single' as const, topic: 'yibao', stem: `题${i + 1}`, options: [] })),
    secondsPerQuestion: seconds,
    graceSec: 10,
    status: 'active',
    serverNow: new Date(serverNow).toISOString(),
  }
}

function start(attempt: Attempt) {
  useAttemptStore.getState().ensure(attempt.id)
  const onTimeUp = jest.fn()
  let renders = 0
  const hook = renderHook(() => {
    renders++
    return useQuizClock(attempt, { onTimeUp })
  })
  return { hook, onTimeUp, renders: () => renders, progress: () => useAttemptStore.getState().progress[attempt.id] }
}

const advance = (ms: number) => act(() => jest.advanceTimersByTime(ms))
const fire = (hook: 'didHide' | 'didShow') => act(() => taroMock.fire(hook))

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

it('counts down the question on screen and the attempt, and books each second to the question showing', () => {
  const attempt = attemptOf(3, 10)
  const { hook, progress } = start(attempt)
  expect(hook.result.current.leftQuestionSec).toBe(10)
  expect(hook.result.current.leftTotalSec).toBe(30)
  advance(3000)
  expect(hook.result.current.leftQuestionSec).toBe(7)
  expect(hook.result.current.leftTotalSec).toBe(27)
  expect(progress().spentMs).toEqual({ [attempt.questions[0].id]: 3000 })

  // leaving a question books its time up to the jump; the next one's time starts from there
  advance(400)
  act(() => {
    hook.result.current.book()
    useAttemptStore.getState().goTo(attempt.id, 1)
  })
  // ticks stay on the second: the one at 6 s books the 2.6 s since the jump
  advance(2599)
  expect(progress().spentMs).toEqual({ [attempt.questions[0].id]: 3400, [attempt.questions[1].id]: 1600 })
  advance(1)
  expect(progress().spentMs).toEqual({ [attempt.questions[0].id]: 3400, [attempt.questions[1].id]: 2600 })
  expect(hook.result.current.leftQuestionSec).toBeCloseTo(7.4)
})

it('closes a question when its own time runs out, shows the next open one (wrapping round) and calls time up when none is left', () => {
  const attempt = attemptOf(3, 10, { totalSec: 60 })
  const [q1, q2, q3] = attempt.questions.map((q) => q.id)
  const { hook, onTimeUp, progress } = start(attempt)
  advance(3000)
  act(() => {
    hook.result.current.book()
    useAttemptStore.getState().goTo(attempt.id, 1)
  })
  advance(9000)
  expect(progress().timedOut).toEqual([])
  advance(1000)
  expect(progress().timedOut).toEqual([q2])
  expect(progress().index).toBe(2)
  advance(10_000)
  // q3 is out too: back to q1, which still has 7 of its seconds
  expect(progress().timedOut).toEqual([q2, q3])
  expect(progress().index).toBe(0)
  expect(hook.result.current.leftQuestionSec).toBe(7)
  expect(onTimeUp).not.toHaveBeenCalled()
  advance(7000)
  expect(progress().timedOut).toEqual([q2, q3, q1])
  expect(onTimeUp).toHaveBeenCalled()
  // a closed question books nothing more
  expect(progress().spentMs).toEqual({ [q1]: 10_000, [q2]: 10_000, [q3]: 10_000 })
})

it('calls time up at the deadline by the server’s clock, whatever the phone’s clock says', () => {
  // the phone runs a minute fast: its own clock would say the 5 s are long gone
  const attempt = attemptOf(2, 100, { skewMs: -60_000, totalSec: 5 })
  const { hook, onTimeUp } = start(attempt)
  expect(hook.result.current.leftTotalSec).toBe(5)
  advance(4000)
  expect(onTimeUp).not.toHaveBeenCalled()
  expect(hook.result.current.leftTotalSec).toBe(1)
  advance(1000)
  expect(onTimeUp).toHaveBeenCalled()
})

it('stops ticking in the background and catches up when back: the time away counts', () => {
  const attempt = attemptOf(3, 10)
  const [q1, q2] = attempt.questions.map((q) => q.id)
  const { hook, progress, renders } = start(attempt)
  advance(2500)
  fire('didHide')
  // the time so far is booked at once (kept on the device should the app be closed)
  expect(progress().spentMs).toEqual({ [q1]: 2500 })
  const rendered = renders()
  advance(5000)
  expect(renders()).toBe(rendered)
  expect(progress().spentMs).toEqual({ [q1]: 2500 })

  fire('didShow')
  // back on screen: no wait for the next tick
  expect(progress().spentMs).toEqual({ [q1]: 7500 })
  expect(hook.result.current.leftQuestionSec).toBe(2.5)
  expect(hook.result.current.leftTotalSec).toBe(22.5)

  // away longer than the question's time: it is closed on return and the next one shows
  fire('didHide')
  advance(60_000 - 22_500 - 1000)
  fire('didShow')
  expect(progress().timedOut).toEqual([q1])
  expect(progress().index).toBe(1)
  expect(progress().spentMs[q2]).toBeUndefined()
})

it('still sends the answers at the deadline while hidden, where the phone lets code run', () => {
  const attempt = attemptOf(2, 100, { totalSec: 30 })
  const { onTimeUp, progress } = start(attempt)
  advance(1000)
  fire('didHide')
  advance(28_000)
  expect(onTimeUp).not.toHaveBeenCalled()
  advance(1000)
  expect(onTimeUp).toHaveBeenCalledTimes(1)
  // nothing ticked meanwhile
  expect(progress().spentMs).toEqual({ [attempt.questions[0].id]: 1000 })
})

it('books nothing and calls nothing once stopped (answers on their way), and runs on when resumed', () => {
  const attempt = attemptOf(2, 100, { totalSec: 10 })
  const q1 = attempt.questions[0].id
  const { hook, onTimeUp, progress } = start(attempt)
  advance(2000)
  act(() => hook.result.current.stop())
  expect(hook.result.current.isStopped()).toBe(true)
  expect(progress().spentMs).toEqual({ [q1]: 2000 })
  advance(20_000)
  expect(progress().spentMs).toEqual({ [q1]: 2000 })
  expect(onTimeUp).not.toHaveBeenCalled()
  // the send failed: the clock runs on, and past the deadline asks again on the next tick
  act(() => hook.result.current.resume())
  advance(1000)
  expect(onTimeUp).toHaveBeenCalledTimes(1)
  advance(1000)
  expect(onTimeUp).toHaveBeenCalledTimes(2)
})

it('does not run for an attempt that is not active', () => {
  const attempt = { ...attemptOf(2, 10), status: 'submitted' as const }
  const { onTimeUp, progress } = start(attempt)
  advance(60_000)
  expect(onTimeUp).not.toHaveBeenCalled()
  expect(progress().spentMs).toEqual({})
})
