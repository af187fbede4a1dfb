/** Deadlines, grace and China-time days for quiz attempts. */

/** a submit up to this long after the deadline is still taken: an auto-submit at the deadline is in transit */
export const GRACE_SEC = 10

const DAY_MS = 24 * 60 * 60 * 1000
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export function attemptDeadline(startedAt: Date, questions: number, secondsPerQuestion: number): Date {
  return new Date(startedAt.getTime() + questions * secondsPerQuestion * 1000)
}

/** whether a submit at `now` is taken: up to the deadline plus the grace */
export function withinGrace(deadline: string, now: Date, graceSec = GRACE_SEC): boolean {
  return now.getTime() <= Date.parse(deadline) + graceSec * 1000
}

/** the Asia/Shanghai calendar day containing `now`, as [start, end) instants (China has no DST) */
export function shanghaiDay(now: Date): { start: Date; end: Date } {
  const start = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS
  return { start: new Date(start), end: new Date(start + DAY_MS) }
}

/** time used: from the start to the submit, never more than the time allowed */
export function timeUsedMs(startedAt: string, deadline: string, submittedAt: Date): number {
  const start = Date.parse(startedAt)
  return Math.max(0, Math.min(submittedAt.getTime(), Date.parse(deadline)) - start)
}

export const secondsOf = (ms: number) => Math.round(ms / 100) / 10
