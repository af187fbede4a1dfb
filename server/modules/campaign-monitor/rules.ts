/**
 * What makes a submitted attempt suspicious, as pure functions (the routes gather the attempts):
 *
 * - 答题过快 too fast to read: a question needs at least READ_BASE_MS plus its text (stem and
 *   options) at READ_CHARS_PER_SEC characters a second — 1 s + chars/15 s, a fast adult reader of
 *   Chinese skimming. An attempt is flagged when at least TOO_FAST_MIN of its answered questions,
 *   and at least a third of them, came faster than that. Without per-question times (an older
 *   client) the whole attempt is compared with the sum of its questions' reading times.
 * - 用时雷同 identical timing patterns: accounts whose per-question time vectors agree to within
 *   TIMING_TOLERANCE_MS on every question (each time rounded to that step: a script's pattern,
 *   replayed). Vectors of fewer than TIMING_MIN_QUESTIONS are not compared; a group needs at
 *   least two accounts.
 * - 微信风控 the WeChat risk rank stored by contest-integrity (getUserRiskRank, flagged from rank 3).
 */
import type { ScoreBucket, SuspicionReason } from '../../../common/contract'
import { RISK_FLAG_FROM_RANK } from '../contest-integrity/rules'

export const READ_BASE_MS = 1000
export const READ_CHARS_PER_SEC = 15
export const TOO_FAST_MIN = 2
export const TIMING_TOLERANCE_MS = 500
export const TIMING_MIN_QUESTIONS = 3

/** the least time a question needs to be read, from its characters (stem and options) */
export function readingMs(chars: number): number {
  return READ_BASE_MS + Math.round((chars * 1000) / READ_CHARS_PER_SEC)
}

export interface CheckedAttempt {
  id: string
  userId: string
  /** question ids in the attempt's order */
  questionIds: readonly string[]
  /** ms per question in that order, when the client sent them */
  questionMs?: readonly number[]
  timeUsedMs: number
  riskCheck?: string
  riskRank?: number
}

const sec = (ms: number) => (ms / 1000).toFixed(1)

/** the 答题过快 reason of an attempt, or undefined */
export function tooFast(a: CheckedAttempt, charsOf: (questionId: string) => number): SuspicionReason | undefined {
  const need = a.questionIds.map((id) => readingMs(charsOf(id)))
  if (a.questionMs && a.questionMs.length === a.questionIds.length) {
    const fast = a.questionMs.map((ms, i) => ({ i, ms, need: need[i] })).filter((q) => q.ms > 0 && q.ms < q.need)
    const answered = a.questionMs.filter((ms) => ms > 0).length
    if (fast.length < TOO_FAST_MIN || fast.length * 3 < answered) return undefined
    const worst = fast.reduce((w, q) => (q.ms / q.need < w.ms / w.need ? q : w))
    return {
      kind: 'too-fast',
      text: `答题过快：${answered} 题中 ${fast.length} 题用时短于读题所需（如第 ${worst.i + 1} 题 ${sec(worst.ms)} 秒，读题约需 ${sec(worst.need)} 秒）`,
    }
  }
  const total = need.reduce((s, n) => s + n, 0)
  if (a.timeUsedMs >= total) return undefined
  return { kind: 'too-fast', text: `答题过快：整卷用时 ${sec(a.timeUsedMs)} 秒，短于 ${a.questionIds.length} 题读题所需约 ${sec(total)} 秒` }
}

/** the 微信风控 reason, or undefined */
export function riskReason(a: CheckedAttempt): SuspicionReason | undefined {
  if (a.riskRank === undefined || a.riskRank < RISK_FLAG_FROM_RANK) return undefined
  return { kind: 'risk-rank', text: `微信安全风控：营销作弊风险等级 ${a.riskRank}（≥ ${RISK_FLAG_FROM_RANK}）` }
}

/**
 * Attempts of two or more accounts with the same rounded time pattern → attempt id → its group's
 * reason. One pass with a map: linear in the attempts, so it scales to a whole campaign.
 */
export function sameTimingGroups(attempts: readonly CheckedAttempt[]): Map<string, SuspicionReason> {
  const groups = new Map<string, CheckedAttempt[]>()
  for (const a of attempts) {
    if (!a.questionMs || a.questionMs.length < TIMING_MIN_QUESTIONS) continue
    const key = a.questionMs.map((ms) => Math.round(ms / TIMING_TOLERANCE_MS)).join(',')
    const list = groups.get(key)
    if (list) list.push(a)
    else groups.set(key, [a])
  }
  const out = new Map<string, SuspicionReason>()
  let n = 0
  const keys = [...groups.keys()].sort()
  for (const key of keys) {
    const list = groups.get(key)!
    const accounts = new Set(list.map((a) => a.userId))
    if (accounts.size < 2) continue
    n += 1
    const group = `T${n}`
    const pattern = key
      .split(',')
      .slice(0, 5)
      .map((k) => sec(Number(k) * TIMING_TOLERANCE_MS))
      .join('/')
    for (const a of list) {
      out.set(a.id, {
        kind: 'same-timing',
        group,
        text: `用时雷同（第 ${group} 组）：${accounts.size} 个账号逐题用时相同（±${TIMING_TOLERANCE_MS / 1000} 秒，前几题 ${pattern} 秒）`,
      })
    }
  }
  return out
}

/** ten buckets of ten points and one of 100, from participants per score */
export function scoreBuckets(perScore: ReadonlyMap<number, number>): ScoreBucket[] {
  const buckets: ScoreBucket[] = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 9}`, from: i * 10, to: i * 10 + 9, participants: 0 }))
  buckets.push({ label: '100', from: 100, to: 100, participants: 0 })
  for (const [score, n] of perScore) {
    const i = Math.max(0, Math.min(10, Math.floor(score / 10)))
    buckets[i].participants += n
  }
  return buckets
}

/** the mean of the scores, two decimals */
export function averageOf(perScore: ReadonlyMap<number, number>): number {
  let n = 0
  let sum = 0
  for (const [score, k] of perScore) {
    n += k
    sum += score * k
  }
  return n === 0 ? 0 : Math.round((sum * 100) / n) / 100
}

/** a UTC hour as ISO text (2026-12-04T08) → its Beijing hour (2026-12-04 16:00) */
export function beijingHour(utcHour: string): string {
  const t = Date.parse(`${utcHour}:00:00Z`) + 8 * 3_600_000
  return `${new Date(t).toISOString().slice(0, 13).replace('T', ' ')}:00`
}
