/**
 * The quiz store on the SQLite store's connection (migration 005). `atomically` is one IMMEDIATE
 * transaction; nested calls join the outer one. Standings and region totals change together, so
 * the boards read an index walk (top 100), a range count (my rank) and a dozen total rows.
 */
import type Database from 'better-sqlite3'
import type { QuizProfile } from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import type { AttemptRecord, AttemptQuestion, MistakeRecord, QuestionKey, RegionTotal, Standing } from './types'
import type { IdempotencyRecord } from '../../store/store'
import { deepFreeze } from './freeze'
import type { BoardEntry, QuizStore } from './quiz-store'
import { StatementCache } from '../../store/sqlite/statement-cache'

interface QuestionRow {
  id: string
  type: QuestionKey['type']
  stem: string
  options: string
  topic: string
  answer: string
  explanation: string
  interpretation_id: string | null
  policy_id: string | null
}

interface AttemptRow {
  id: string
  user_id: string
  campaign_id: string
  started_at: string
  deadline: string
  status: AttemptRecord['status']
  questions: string
  region_code: string | null
  county_code: string | null
  township_code: string | null
  answers: string | null
  score: number | null
  correct_count: number | null
  time_used_ms: number | null
  submitted_at: string | null
}

interface StandingRow {
  campaign_id: string
  user_id: string
  attempt_id: string
  score: number
  time_used_ms: number
  finished_at: string
  county_code: string | null
  township_code: string | null
}

const QUESTION_SELECT = `SELECT q.id, q.type, q.stem, q.options, q.topic, q.answer, q.explanation, q.interpretation_id,
  i.policy_id FROM quiz_questions q LEFT JOIN interpretations i ON i.id = q.interpretation_id`

function questionFrom(r: QuestionRow): QuestionKey {
  return {
    id: r.id,
    type: r.type,
    stem: r.stem,
    options: JSON.parse(r.options) as QuestionKey['options'],
    topic: r.topic,
    answer: JSON.parse(r.answer) as string[],
    explanation: r.explanation,
    ...(r.interpretation_id ? { interpretationId: r.interpretation_id } : {}),
    ...(r.policy_id ? { policyId: r.policy_id } : {}),
  }
}

function attemptFrom(r: AttemptRow): AttemptRecord {
  return {
    id: r.id,
    userId: r.user_id,
    campaignId: r.campaign_id,
    startedAt: r.started_at,
    deadline: r.deadline,
    status: r.status,
    questions: JSON.parse(r.questions) as AttemptQuestion[],
    ...(r.region_code ? { regionCode: r.region_code } : {}),
    ...(r.county_code ? { countyCode: r.county_code } : {}),
    ...(r.township_code ? { townshipCode: r.township_code } : {}),
    ...(r.answers ? { answers: JSON.parse(r.answers) as Record<string, string[]> } : {}),
    ...(r.score !== null ? { score: r.score } : {}),
    ...(r.correct_count !== null ? { correctCount: r.correct_count } : {}),
    ...(r.time_used_ms !== null ? { timeUsedMs: r.time_used_ms } : {}),
    ...(r.submitted_at ? { submittedAt: r.submitted_at } : {}),
  }
}

function standingFrom(r: StandingRow): Standing {
  return {
    campaignId: r.campaign_id,
    userId: r.user_id,
    attemptId: r.attempt_id,
    score: r.score,
    timeUsedMs: r.time_used_ms,
    finishedAt: r.finished_at,
    ...(r.county_code ? { countyCode: r.county_code } : {}),
    ...(r.township_code ? { townshipCode: r.township_code } : {}),
  }
}

export class SqliteQuizStore implements QuizStore {
  private readonly statements = new StatementCache()
  private bank?: { list: QuestionKey[]; byId: Map<string, QuestionKey> }
  private byCampaign = new Map<string, QuestionKey[]>()

  constructor(
    private readonly db: Database.Database,
    readonly now: () => Date,
    fixtures: Fixtures,
  ) {
    this.seedResidents(fixtures)
  }

  atomically<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn()
    return this.db.transaction(fn).immediate()
  }

  campaignQuestions(campaignId: string) {
    let list = this.byCampaign.get(campaignId)
    if (!list) {
      const ids = this.db.prepare('SELECT question_id FROM campaign_questions WHERE campaign_id = ? ORDER BY question_id').pluck().all(campaignId) as string[]
      const bank = this.loadBank()
      list = Object.freeze(ids.map((id) => bank.byId.get(id)!).filter(Boolean)) as QuestionKey[]
      this.byCampaign.set(campaignId, list)
    }
    return [...list]
  }

  bankQuestions(topic?: string) {
    return this.loadBank().list.filter((q) => !topic || q.topic === topic)
  }

  questionKeys(ids: readonly string[]) {
    const { byId } = this.loadBank()
    const out = new Map<string, QuestionKey>()
    for (const id of ids) {
      const q = byId.get(id)
      if (q) out.set(id, q)
    }
    return out
  }

  /** read once and frozen: the key never changes while the server runs, and nobody may edit it */
  private loadBank() {
    if (!this.bank) {
      const list = this.all<QuestionRow>(`${QUESTION_SELECT} ORDER BY q.id`).map((r) => deepFreeze(questionFrom(r)))
      this.bank = { list, byId: new Map(list.map((q) => [q.id, q])) }
    }
    return this.bank
  }

  getProfile(userId: string): QuizProfile {
    const row = this.get<{ region_code: string | null; hide_name: number }>('SELECT region_code, hide_name FROM quiz_profiles WHERE user_id = ?', userId)
    return { ...(row?.region_code ? { regionCode: row.region_code } : {}), hideName: row?.hide_name === 1 }
  }

  saveProfile(userId: string, profile: QuizProfile) {
    this.stmt(
      `INSERT INTO quiz_profiles (user_id, region_code, hide_name, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET region_code = excluded.region_code, hide_name = excluded.hide_name,
       updated_at = excluded.updated_at`,
    ).run(userId, profile.regionCode ?? null, profile.hideName ? 1 : 0, this.now().toISOString())
    return this.getProfile(userId)
  }

  insertAttempt(a: AttemptRecord) {
    this.stmt(
      `INSERT INTO quiz_attempts (id, user_id, campaign_id, started_at, deadline, status, questions, region_code,
       county_code, township_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      a.userId,
      a.campaignId,
      a.startedAt,
      a.deadline,
      a.status,
      JSON.stringify(a.questions),
      a.regionCode ?? null,
      a.countyCode ?? null,
      a.townshipCode ?? null,
    )
  }

  getAttempt(id: string) {
    const row = this.get<AttemptRow>('SELECT * FROM quiz_attempts WHERE id = ?', id)
    return row && attemptFrom(row)
  }

  activeAttempt(userId: string, campaignId: string) {
    const row = this.get<AttemptRow>("SELECT * FROM quiz_attempts WHERE user_id = ? AND campaign_id = ? AND status = 'active'", userId, campaignId)
    return row && attemptFrom(row)
  }

  countAttemptsStarted(userId: string, campaignId: string, from: Date, to: Date) {
    return this.value<number>(
      'SELECT COUNT(*) FROM quiz_attempts WHERE user_id = ? AND campaign_id = ? AND started_at >= ? AND started_at < ?',
      userId,
      campaignId,
      from.toISOString(),
      to.toISOString(),
    )
  }

  updateAttempt(a: AttemptRecord) {
    const changes = this.stmt(
      `UPDATE quiz_attempts SET status = ?, answers = ?, score = ?, correct_count = ?, time_used_ms = ?, submitted_at = ?
       WHERE id = ?`,
    ).run(
      a.status,
      a.answers ? JSON.stringify(a.answers) : null,
      a.score ?? null,
      a.correctCount ?? null,
      a.timeUsedMs ?? null,
      a.submittedAt ?? null,
      a.id,
    ).changes
    if (changes !== 1) throw new Error(`updateAttempt: no attempt ${a.id}`)
  }

  getStanding(campaignId: string, userId: string) {
    const row = this.get<StandingRow>('SELECT * FROM quiz_standings WHERE campaign_id = ? AND user_id = ?', campaignId, userId)
    return row && standingFrom(row)
  }

  saveStanding(next: Standing, previous: Standing | undefined) {
    this.atomically(() => {
      this.stmt(
        `INSERT INTO quiz_standings (campaign_id, user_id, attempt_id, score, time_used_ms, finished_at, county_code, township_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (campaign_id, user_id) DO UPDATE SET attempt_id = excluded.attempt_id, score = excluded.score,
         time_used_ms = excluded.time_used_ms, finished_at = excluded.finished_at, county_code = excluded.county_code,
         township_code = excluded.township_code`,
      ).run(next.campaignId, next.userId, next.attemptId, next.score, next.timeUsedMs, next.finishedAt, next.countyCode ?? null, next.townshipCode ?? null)
      if (previous) this.addToTotals(previous, -1)
      this.addToTotals(next, 1)
    })
  }

  topStandings(campaignId: string, limit: number): BoardEntry[] {
    return this.all<StandingRow & { nickname: string; hide_name: number | null; region_code: string | null }>(
      `SELECT s.*, u.nickname, p.hide_name, p.region_code FROM quiz_standings s
       JOIN users u ON u.id = s.user_id LEFT JOIN quiz_profiles p ON p.user_id = s.user_id
       WHERE s.campaign_id = ? ORDER BY s.score DESC, s.time_used_ms, s.finished_at, s.user_id LIMIT ?`,
      campaignId,
      limit,
    ).map((r) => ({
      ...standingFrom(r),
      nickname: r.nickname,
      hideName: r.hide_name === 1,
      ...(r.region_code ? { regionCode: r.region_code } : {}),
    }))
  }

  countAhead(campaignId: string, s: Pick<Standing, 'score' | 'timeUsedMs' | 'finishedAt'>) {
    // higher scores from the per-score counts; within the same score, two ranges of the board index
    return this.value<number>(
      `SELECT (SELECT COALESCE(SUM(participants), 0) FROM quiz_score_counts WHERE campaign_id = @c AND score > @s)
            + (SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = @c AND score = @s AND time_used_ms < @t)
            + (SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = @c AND score = @s AND time_used_ms = @t AND finished_at < @f)`,
      { c: campaignId, s: s.score, t: s.timeUsedMs, f: s.finishedAt },
    )
  }

  countStandings(campaignId: string) {
    return this.value<number>('SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = ?', campaignId)
  }

  regionTotals(campaignId: string): RegionTotal[] {
    return this.all<{ region_code: string; participants: number; score_sum: number }>(
      'SELECT region_code, participants, score_sum FROM quiz_region_totals WHERE campaign_id = ? AND participants > 0',
      campaignId,
    ).map((r) => ({ regionCode: r.region_code, participants: r.participants, scoreSum: r.score_sum }))
  }

  getMistake(userId: string, questionId: string) {
    const r = this.get<{ wrong_count: number; streak: number; last_wrong_at: string }>(
      'SELECT wrong_count, streak, last_wrong_at FROM quiz_mistakes WHERE user_id = ? AND question_id = ?',
      userId,
      questionId,
    )
    return r && { userId, questionId, wrongCount: r.wrong_count, streak: r.streak, lastWrongAt: r.last_wrong_at }
  }

  mistakesAmong(userId: string, questionIds: readonly string[]) {
    const rows = this.all<{ question_id: string; wrong_count: number; streak: number; last_wrong_at: string }>(
      `SELECT question_id, wrong_count, streak, last_wrong_at FROM quiz_mistakes
       WHERE user_id = ? AND question_id IN (SELECT value FROM json_each(?))`,
      userId,
      JSON.stringify(questionIds),
    )
    return new Map(
      rows.map((r) => [r.question_id, { userId, questionId: r.question_id, wrongCount: r.wrong_count, streak: r.streak, lastWrongAt: r.last_wrong_at }]),
    )
  }

  putMistakes(records: readonly MistakeRecord[]) {
    if (records.length === 0) return
    this.stmt(
      `INSERT INTO quiz_mistakes (user_id, question_id, wrong_count, streak, last_wrong_at)
       SELECT value ->> '$.userId', value ->> '$.questionId', value ->> '$.wrongCount', value ->> '$.streak', value ->> '$.lastWrongAt'
       FROM json_each(?) WHERE true
       ON CONFLICT (user_id, question_id) DO UPDATE SET wrong_count = excluded.wrong_count, streak = excluded.streak,
       last_wrong_at = excluded.last_wrong_at`,
    ).run(JSON.stringify(records))
  }

  putMistake(m: MistakeRecord) {
    this.stmt(
      `INSERT INTO quiz_mistakes (user_id, question_id, wrong_count, streak, last_wrong_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, question_id) DO UPDATE SET wrong_count = excluded.wrong_count, streak = excluded.streak,
       last_wrong_at = excluded.last_wrong_at`,
    ).run(m.userId, m.questionId, m.wrongCount, m.streak, m.lastWrongAt)
  }

  deleteMistake(userId: string, questionId: string) {
    this.stmt('DELETE FROM quiz_mistakes WHERE user_id = ? AND question_id = ?').run(userId, questionId)
  }

  listMistakes(userId: string): MistakeRecord[] {
    return this.all<{ question_id: string; wrong_count: number; streak: number; last_wrong_at: string }>(
      'SELECT question_id, wrong_count, streak, last_wrong_at FROM quiz_mistakes WHERE user_id = ? ORDER BY last_wrong_at DESC, question_id',
      userId,
    ).map((r) => ({ userId, questionId: r.question_id, wrongCount: r.wrong_count, streak: r.streak, lastWrongAt: r.last_wrong_at }))
  }

  residentFigures() {
    const out: Record<string, number> = {}
    for (const r of this.all<{ region_code: string; residents: number }>('SELECT region_code, residents FROM quiz_region_residents')) {
      out[r.region_code] = r.residents
    }
    return out
  }

  findIdempotencyRecord(userId: string, scope: string, key: string) {
    const row = this.get<{ request_hash: string; response_status: number; response_body: string; created_at: string }>(
      'SELECT request_hash, response_status, response_body, created_at FROM idempotency_keys WHERE user_id = ? AND scope = ? AND key = ?',
      userId,
      scope,
      key,
    )
    return row && { requestHash: row.request_hash, status: row.response_status, body: JSON.parse(row.response_body) as unknown, createdAt: row.created_at }
  }

  remember(userId: string, scope: string, key: string, r: IdempotencyRecord) {
    this.stmt(
      `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, response_status, response_body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(userId, scope, key, r.requestHash, r.status, JSON.stringify(r.body), r.createdAt)
  }

  private addToTotals(s: Standing, sign: 1 | -1) {
    this.stmt(
      `INSERT INTO quiz_score_counts (campaign_id, score, participants) VALUES (?, ?, ?)
       ON CONFLICT (campaign_id, score) DO UPDATE SET participants = participants + excluded.participants`,
    ).run(s.campaignId, s.score, sign)
    for (const code of [s.countyCode, s.townshipCode]) {
      if (!code) continue
      this.stmt(
        `INSERT INTO quiz_region_totals (campaign_id, region_code, participants, score_sum) VALUES (?, ?, ?, ?)
         ON CONFLICT (campaign_id, region_code) DO UPDATE SET participants = participants + excluded.participants,
         score_sum = score_sum + excluded.score_sum`,
      ).run(s.campaignId, code, sign, sign * s.score)
    }
  }

  /** the fixtures' figures, once, for regions that exist */
  private seedResidents(fixtures: Fixtures) {
    if (this.value<number>('SELECT COUNT(*) FROM quiz_region_residents') > 0) return
    const insert = this.stmt('INSERT INTO quiz_region_residents (region_code, residents) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM regions WHERE code = ?)')
    this.db.transaction(() => {
      for (const [code, n] of Object.entries(fixtures.residents ?? {})) insert.run(code, n, code)
    })()
  }

  private stmt(sql: string): Database.Statement {
    return this.statements.prepare(this.db, sql)
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql)
      .pluck(false)
      .all(...params) as T[]
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql)
      .pluck(false)
      .get(...params) as T | undefined
  }

  private value<T>(sql: string, ...params: unknown[]): T {
    return this.stmt(sql)
      .pluck(true)
      .get(...params) as T
  }
}
