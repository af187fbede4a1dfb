import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { Attempt } from '@common/contract'
import { nextOpen, useAttemptStore, type AttemptProgress } from '../stores/attempt-store'

const TICK_MS = 1000

export interface QuizClockOptions {
  /**
   * Time is up: every question's own time has run out, or the attempt's deadline has passed. It is
   * called again on later ticks while the clock runs (an auto-submit that failed is retried).
   */
  onTimeUp: () => void
}

export interface QuizClock {
  /** seconds left of the whole attempt, by the server's deadline and the server's clock */
  leftTotalSec: number
  /** seconds left of the question on screen (its own time) */
  leftQuestionSec: number
  /** books the time since the last booking to the question on screen: before leaving it */
  book: () => void
  /** books the question on screen and stops booking and ticking: the answers are on their way */
  stop: () => void
  /** the answers did not go: the clock runs on */
  resume: () => void
  isStopped: () => boolean
}

/** the id of the question on screen */
const shownQuestion = (attempt: Attempt, p: AttemptProgress | undefined) =>
  p ? attempt.questions[Math.min(p.index, attempt.questions.length - 1)]?.id : undefined

/** ms to the attempt's deadline; `offset`: the server's clock minus the phone's */
const msLeft = (attempt: Attempt, offset: number) => Date.parse(attempt.deadline) - (Date.now() + offset)

/** whether the page is on screen (Taro's onShow/onHide: the app or the H5 tab in the background); `onHide` runs as it leaves */
function useOnScreen(onHide: () => void): boolean {
  const [onScreen, setOnScreen] = useState(true)
  useDidHide(() => {
    onHide()
    setOnScreen(false)
  })
  useDidShow(() => setOnScreen(true))
  return onScreen
}

/**
 * The clock of a running attempt: each question has its own seconds (when they run out the
 * question closes and the next open one shows), the attempt has the server's deadline (the phone's
 * clock is corrected by the server's), and the time each question was on screen is booked in the
 * attempt store (sent with 交卷 for the console's 可疑答题 checks).
 *
 * In the background (the app or the browser tab hidden) it stops ticking; time itself does not
 * stop: back on screen it catches up at once, booking the time away to the question that was
 * showing (which may close it), as the countdown the resident saw kept running. Meanwhile a timer
 * at the deadline still sends the answers where the phone lets code run (a hidden H5 tab).
 */
export function useQuizClock(attempt: Attempt | undefined, options: QuizClockOptions): QuizClock {
  const active = attempt?.status === 'active' ? attempt : undefined
  // the server's clock minus the phone's, taken when the attempt arrived
  const offset = useMemo(() => (attempt ? Date.parse(attempt.serverNow) - Date.now() : 0), [attempt])
  const progress = useAttemptStore((s) => (active ? s.progress[active.id] : undefined))
  const [, setTick] = useState(0)
  /** when the time on screen was last booked to the question showing */
  const booked = useRef(Date.now())
  const stopped = useRef(false)
  /** hidden since the last tick: catch up as soon as the page shows again */
  const wasHidden = useRef(false)
  const onTimeUp = useRef(options.onTimeUp)
  onTimeUp.current = options.onTimeUp

  const book = useCallback(() => {
    const nowMs = Date.now()
    const elapsed = nowMs - booked.current
    booked.current = nowMs
    const p = active ? useAttemptStore.getState().progress[active.id] : undefined
    const qid = active && shownQuestion(active, p)
    if (!active || !qid || stopped.current || p?.timedOut.includes(qid)) return
    useAttemptStore.getState().spend(active.id, qid, elapsed)
  }, [active])

  const tick = useCallback(() => {
    if (!active || stopped.current) return
    const store = useAttemptStore.getState()
    const qid = shownQuestion(active, store.ensure(active.id))
    book()
    const p = useAttemptStore.getState().progress[active.id]
    if (qid && p && !p.timedOut.includes(qid) && (p.spentMs[qid] ?? 0) >= active.secondsPerQuestion * 1000) {
      store.timeOut(active.id, qid)
      const ids = active.questions.map((q) => q.id)
      const next = nextOpen(ids, ids.indexOf(qid), [...p.timedOut, qid])
      if (next < 0) onTimeUp.current()
      else store.goTo(active.id, next)
    }
    if (msLeft(active, offset) <= 0) onTimeUp.current()
    setTick((t) => t + 1)
  }, [active, book, offset])

  const onScreen = useOnScreen(() => {
    // booked now, so the time so far is kept on the device should the app be closed in the background
    book()
    wasHidden.current = true
  })

  // the attempt (re)loaded: nothing of its time on screen is booked yet
  useEffect(() => {
    booked.current = Date.now()
  }, [active])

  useEffect(() => {
    if (!active) return undefined
    if (!onScreen) {
      const atDeadline = setTimeout(
        () => {
          if (!stopped.current) onTimeUp.current()
        },
        Math.max(0, msLeft(active, offset)),
      )
      return () => clearTimeout(atDeadline)
    }
    if (wasHidden.current) {
      wasHidden.current = false
      tick()
    }
    const timer = setInterval(tick, TICK_MS)
    return () => clearInterval(timer)
  }, [active, onScreen, offset, tick])

  const stop = useCallback(() => {
    book()
    stopped.current = true
  }, [book])
  const resume = useCallback(() => {
    stopped.current = false
  }, [])
  const isStopped = useCallback(() => stopped.current, [])

  const qid = active && shownQuestion(active, progress)
  return {
    leftTotalSec: attempt ? msLeft(attempt, offset) / 1000 : 0,
    leftQuestionSec: active && qid ? active.secondsPerQuestion - (progress?.spentMs[qid] ?? 0) / 1000 : 0,
    book,
    stop,
    resume,
    isStopped,
  }
}
