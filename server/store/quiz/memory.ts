/** The quiz store in memory (mock mode and tests): Maps, and the fixtures' questions with their keys. */
import type { QuizProfile, User } from '../../../src/contract'
import type { Fixtures } from '../../../mock/types'
import { compareStandings } from '../../quiz/standing'
import type { AttemptRecord, MistakeRecord, QuestionKey, RegionTotal, Standing } from '../../quiz/types'
import type { IdempotencyRecord } from '../store'
import type { BoardEntry, QuizStore } from './quiz-store'
import { deepFreeze } from './freeze'

type Clone = <T>(value: T) => T
const clone: Clone = (value) => structuredClone(value)

export class MemoryQuizStore implements QuizStore {
  /** frozen: shared by every caller, edited by none */
  private readonly keys: QuestionKey[]
  private readonly keyById: Map<string, QuestionKey>
  private readonly profiles = new Map<string, QuizProfile>()
  private readonly attempts = new Map<string, AttemptRecord>()
  private readonly standings = new Map<string, Map<string, Standing>>()
  private readonly totals = new Map<string, Map<string, RegionTotal>>()
  private readonly mistakes = new Map<string, MistakeRecord>()
  private readonly idempotency = new Map<string, IdempotencyRecord>()
  private readonly campaignIds = new Map<string, string[]>()

  constructor(
    private readonly data: Fixtures,
    readonly now: () => Date,
    /** the users of the main store, for nicknames on the board */
    private readonly user: (id: string) => User | undefined,
  ) {
    const policyOf = new Map(data.interpretations.map((i) => [i.id, i.policyId]))
    this.keys = [...data.questions]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ campaignIds, ...q }) => {
        this.campaignIds.set(q.id, campaignIds)
        const policyId = q.interpretationId ? policyOf.get(q.interpretationId) : undefined
        return deepFreeze({ ...structuredClone(q), ...(policyId ? { policyId } : {}) })
      })
    this.keyById = new Map(this.keys.map((q) => [q.id, q]))
  }

  atomically<T>(fn: () => T): T {
    return fn()
  }

  campaignQuestions(campaignId: string) {
    return this.keys.filter((q) => this.campaignIds.get(q.id)?.includes(campaignId))
  }

  bankQuestions(topic?: string) {
    return this.keys.filter((q) => !topic || q.topic === topic)
  }

  questionKeys(ids: readonly string[]) {
    const out = new Map<string, QuestionKey>()
    for (const id of ids) {
      const q = this.keyById.get(id)
      if (q) out.set(id, q)
    }
    return out
  }

  getProfile(userId: string): QuizProfile {
    return clone(this.profiles.get(userId) ?? { hideName: false })
  }

  saveProfile(userId: string, profile: QuizProfile) {
    if (!this.user(userId)) throw new Error(`saveProfile: no user ${userId}`)
    this.profiles.set(userId, clone(profile))
    return this.getProfile(userId)
  }

  insertAttempt(attempt: AttemptRecord) {
    if (attempt.status === 'active' && this.activeAttempt(attempt.userId, attempt.campaignId)) {
      throw new Error('insertAttempt: an attempt is already active') // as SQLite's unique index refuses it
    }
    this.attempts.set(attempt.id, clone(attempt))
  }

  getAttempt(id: string) {
    const a = this.attempts.get(id)
    return a && clone(a)
  }

  activeAttempt(userId: string, campaignId: string) {
    for (const a of this.attempts.values()) {
      if (a.userId === userId && a.campaignId === campaignId && a.status === 'active') return clone(a)
    }
    return undefined
  }

  countAttemptsStarted(userId: string, campaignId: string, from: Date, to: Date) {
    let n = 0
    for (const a of this.attempts.values()) {
      const t = Date.parse(a.startedAt)
      if (a.userId === userId && a.campaignId === campaignId && t >= from.getTime() && t < to.getTime()) n++
    }
    return n
  }

  updateAttempt(attempt: AttemptRecord) {
    if (!this.attempts.has(attempt.id)) throw new Error(`updateAttempt: no attempt ${attempt.id}`)
    this.attempts.set(attempt.id, clone(attempt))
  }

  getStanding(campaignId: string, userId: string) {
    const s = this.standings.get(campaignId)?.get(userId)
    return s && clone(s)
  }

  saveStanding(next: Standing, previous: Standing | undefined) {
    const board = this.standings.get(next.campaignId) ?? new Map<string, Standing>()
    this.standings.set(next.campaignId, board)
    board.set(next.userId, clone(next))
    if (previous) this.addToTotals(previous, -1)
    this.addToTotals(next, 1)
  }

  topStandings(campaignId: string, limit: number): BoardEntry[] {
    const board = [...(this.standings.get(campaignId)?.values() ?? [])]
    return board
      .sort((a, b) => compareStandings(a, b) || a.userId.localeCompare(b.userId))
      .slice(0, limit)
      .map((s) => {
        const profile = this.profiles.get(s.userId)
        return {
          ...clone(s),
          nickname: this.user(s.userId)?.nickname ?? '',
          hideName: profile?.hideName ?? false,
          ...(profile?.regionCode ? { regionCode: profile.regionCode } : {}),
        }
      })
  }

  countAhead(campaignId: string, s: Pick<Standing, 'score' | 'timeUsedMs' | 'finishedAt'>) {
    let n = 0
    for (const other of this.standings.get(campaignId)?.values() ?? []) if (compareStandings(other, s) < 0) n++
    return n
  }

  countStandings(campaignId: string) {
    return this.standings.get(campaignId)?.size ?? 0
  }

  regionTotals(campaignId: string) {
    return clone([...(this.totals.get(campaignId)?.values() ?? [])])
  }

  getMistake(userId: string, questionId: string) {
    const m = this.mistakes.get(`${userId}\u0000${questionId}`)
    return m && clone(m)
  }

  mistakesAmong(userId: string, questionIds: readonly string[]) {
    const out = new Map<string, MistakeRecord>()
    for (const id of questionIds) {
      const m = this.getMistake(userId, id)
      if (m) out.set(id, m)
    }
    return out
  }

  putMistakes(records: readonly MistakeRecord[]) {
    for (const r of records) this.putMistake(r)
  }

  putMistake(record: MistakeRecord) {
    this.mistakes.set(`${record.userId}\u0000${record.questionId}`, clone(record))
  }

  deleteMistake(userId: string, questionId: string) {
    this.mistakes.delete(`${userId}\u0000${questionId}`)
  }

  listMistakes(userId: string) {
    return clone([...this.mistakes.values()].filter((m) => m.userId === userId)).sort(
      (a, b) => b.lastWrongAt.localeCompare(a.lastWrongAt) || a.questionId.localeCompare(b.questionId),
    )
  }

  residentFigures() {
    return { ...(this.data.residents ?? {}) }
  }

  findIdempotencyRecord(userId: string, scope: string, key: string) {
    const r = this.idempotency.get(JSON.stringify([userId, scope, key]))
    return r && clone(r)
  }

  remember(userId: string, scope: string, key: string, record: IdempotencyRecord) {
    this.idempotency.set(JSON.stringify([userId, scope, key]), clone(record))
  }

  private addToTotals(s: Standing, sign: 1 | -1) {
    const totals = this.totals.get(s.campaignId) ?? new Map<string, RegionTotal>()
    this.totals.set(s.campaignId, totals)
    for (const code of [s.countyCode, s.townshipCode]) {
      if (!code) continue
      const t = totals.get(code) ?? { regionCode: code, participants: 0, scoreSum: 0 }
      t.participants += sign
      t.scoreSum += sign * s.score
      if (t.participants === 0) totals.delete(code)
      else totals.set(code, t)
    }
  }
}
