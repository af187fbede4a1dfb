/**
 * What the contest-integrity rules read and write, over the query layer (both databases): the
 * locked questions (of campaigns not yet ended), a caller's running questions, the risk check of a
 * submitted attempt (migration 007) and the prize-eligible standings that read it. Every read is
 * an index walk: campaigns is a handful of rows, a user's attempts are found by
 * `quiz_attempts_by_user` / `quiz_attempts_one_active`. The reads a quiz transaction makes take
 * its executor (`on`), so they see its writes and, on SQLite, do not wait for its connection.
 */
import { type Kysely, sql } from 'kysely'
import type { CampaignRules } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { campaignEndInstant, campaignStatus } from '../quiz/campaign-status'
import type { Store } from '../../store/store'
import { GRACE_SEC, withinGrace } from '../quiz/time'
import type { LockRows } from '../quiz/types'
import type { QuestionLocks, RiskOutcome } from './rules'

export interface AttemptIntegrity {
  riskCheck?: 'passed' | 'flagged' | 'unavailable'
  riskRank?: number
  flagReason?: string
  prizeEligible: boolean
}

const EMPTY: ReadonlySet<string> = new Set()

/** the questions of the attempts still within deadline + grace */
function runningFrom(rows: readonly Pick<LockRows['running'][number], 'questions' | 'deadline'>[], now: Date): ReadonlySet<string> {
  const live = rows.filter((r) => withinGrace(r.deadline, now))
  if (live.length === 0) return EMPTY
  return new Set(live.flatMap((r) => (JSON.parse(r.questions) as { id: string }[]).map((q) => q.id)))
}

/** one attempt's time and the grace (ms) by a campaign's rules text: parsed once per text (every submit reads every campaign's) */
const attemptMsByRules = new Map<string, number>()
function attemptMsOf(rulesText: string): number {
  let ms = attemptMsByRules.get(rulesText)
  if (ms === undefined) {
    const rules = JSON.parse(rulesText) as Partial<CampaignRules>
    ms = ((rules.questionsPerAttempt ?? 0) * (rules.secondsPerQuestion ?? 0) + GRACE_SEC) * 1000
    if (attemptMsByRules.size > 200) attemptMsByRules.clear()
    attemptMsByRules.set(rulesText, ms)
  }
  return ms
}

interface PrizeRow {
  id: string
  user_id: string
  score: number
  time_used_ms: number
  submitted_at: string
  county_code: string | null
  township_code: string | null
  risk_check: string | null
  nickname: string
  place: number
}

export interface PrizeEligibleRow {
  rank: number
  userId: string
  nickname: string
  attemptId: string
  score: number
  timeUsedMs: number
  finishedAt: string
  countyCode?: string
  townshipCode?: string
  /** absent: never risk-checked (not a WeChat user, or WeChat not configured) */
  riskCheck?: 'passed' | 'unavailable'
}

export interface PrizeEligiblePage {
  rows: PrizeEligibleRow[]
  /** people on the list */
  total: number
  /** people with submitted attempts who are not on it: every attempt of theirs is flagged */
  excludedPeople: number
  flaggedAttempts: number
}

export class IntegrityRepository {
  /** question ids per campaign: the draw pools do not change while the server runs */
  private readonly pools = new Map<string, readonly string[]>()
  private lockedCache?: { campaigns: string; questions: ReadonlyMap<string, string> }

  constructor(private readonly db: Db) {}

  /**
   * Questions of campaigns that are upcoming or running at `now` → the end (ISO) of the last such
   * campaign using each. A campaign locks until its end plus one attempt's time and the grace, so an
   * attempt started just before the end is still submitted before anything opens.
   */
  async lockedQuestions(now: Date, on: Kysely<DB> = this.db.kysely): Promise<ReadonlyMap<string, string>> {
    const rows = await on.selectFrom('campaigns').select(['id', 'starts_at', 'ends_at', 'rules']).orderBy('id').execute()
    return this.lockedFrom(
      rows.map((r) => ({ ...r, id: r.id! })),
      now,
      on,
    )
  }

  /** `lockedQuestions` from campaign rows already read (in id order) */
  async lockedFrom(rows: LockRows['campaigns'], now: Date, on: Kysely<DB> = this.db.kysely): Promise<ReadonlyMap<string, string>> {
    const locking = rows.filter((c) => campaignStatus(c.starts_at, c.ends_at, new Date(now.getTime() - attemptMsOf(c.rules))) !== 'ended')
    const key = locking.map((c) => `${c.id} ${c.ends_at}`).join('\n')
    if (this.lockedCache?.campaigns !== key) {
      const questions = new Map<string, string>()
      for (const c of locking) {
        const end = campaignEndInstant(c.ends_at).toISOString()
        for (const id of await this.pool(c.id, on)) {
          const before = questions.get(id)
          if (!before || before < end) questions.set(id, end)
        }
      }
      this.lockedCache = { campaigns: key, questions }
    }
    return this.lockedCache.questions
  }

  /** questions of the user's attempts that are active and still within deadline + grace */
  async runningQuestions(userId: string, now: Date, on: Kysely<DB> = this.db.kysely): Promise<ReadonlySet<string>> {
    const rows = await on.selectFrom('quiz_attempts').select(['questions', 'deadline']).where('user_id', '=', userId).where('status', '=', 'active').execute()
    return runningFrom(rows, now)
  }

  /** the caller's locks at `now` */
  async locksFor(userId: string, now: Date, on: Kysely<DB> = this.db.kysely): Promise<QuestionLocks> {
    const locked = await this.lockedQuestions(now, on)
    return { locked, running: await this.runningQuestions(userId, now, on) }
  }

  /**
   * The caller's locks at `now` from rows already read (a submit's one read on PostgreSQL); `running`
   * holds the caller's active attempts, those the caller has just closed left out.
   */
  async locksFrom(rows: LockRows, now: Date, on: Kysely<DB> = this.db.kysely): Promise<QuestionLocks> {
    return { locked: await this.lockedFrom(rows.campaigns, now, on), running: runningFrom(rows.running, now) }
  }

  async saveRiskOutcome(attemptId: string, outcome: RiskOutcome): Promise<void> {
    await this.db.kysely
      .updateTable('quiz_attempts')
      .set({
        risk_check: outcome.riskCheck,
        risk_rank: 'riskRank' in outcome ? outcome.riskRank : null,
        flag_reason: outcome.riskCheck === 'flagged' ? outcome.flagReason : null,
        prize_eligible: outcome.prizeEligible ? 1 : 0,
      })
      .where('id', '=', attemptId)
      .execute()
  }

  async getIntegrity(attemptId: string): Promise<AttemptIntegrity | undefined> {
    const row = await this.db.kysely
      .selectFrom('quiz_attempts')
      .select(['risk_check', 'risk_rank', 'flag_reason', 'prize_eligible'])
      .where('id', '=', attemptId)
      .executeTakeFirst()
    if (!row) return undefined
    return {
      ...(row.risk_check ? { riskCheck: row.risk_check as NonNullable<AttemptIntegrity['riskCheck']> } : {}),
      ...(row.risk_rank !== null ? { riskRank: row.risk_rank } : {}),
      ...(row.flag_reason ? { flagReason: row.flag_reason } : {}),
      prizeEligible: row.prize_eligible === 1,
    }
  }

  /**
   * One page of a campaign's prize list (rules.ts): per person the counted attempt among their
   * prize-eligible ones, in board order, with the competition rank within the list (ties share it,
   * as on the board). Window queries over the campaign's submitted attempts: an admin report, not a
   * hot path, so no index of its own slows the submits. Portable SQL (window functions and CTEs are
   * in both databases); the page order ends on user_id for a stable page.
   */
  async prizeEligible(campaignId: string, scoreCounts: 'best' | 'latest', page: number, pageSize: number): Promise<PrizeEligiblePage> {
    const order = scoreCounts === 'latest' ? sql`a.submitted_at DESC, a.id` : sql`a.score DESC, a.time_used_ms, a.submitted_at, a.id`
    const { rows } = await sql<PrizeRow>`WITH counted AS (
        SELECT a.id, a.user_id, a.score, a.time_used_ms, a.submitted_at, a.county_code, a.township_code, a.risk_check,
               ROW_NUMBER() OVER (PARTITION BY a.user_id ORDER BY ${order}) AS n
        FROM quiz_attempts a
        WHERE a.campaign_id = ${campaignId} AND a.status = 'submitted' AND a.prize_eligible = 1),
      listed AS (SELECT *, RANK() OVER (ORDER BY score DESC, time_used_ms, submitted_at) AS place FROM counted WHERE n = 1)
      SELECT l.id, l.user_id, l.score, l.time_used_ms, l.submitted_at, l.county_code, l.township_code, l.risk_check, l.place, u.nickname
      FROM listed l JOIN users u ON u.id = l.user_id
      ORDER BY l.place, l.user_id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(this.db.kysely)
    const { rows: totalsRows } = await sql<{ people: number; eligible: number; flagged: number }>`SELECT
        COUNT(DISTINCT user_id) AS people,
        COUNT(DISTINCT CASE WHEN prize_eligible = 1 THEN user_id END) AS eligible,
        COUNT(CASE WHEN prize_eligible = 0 THEN 1 END) AS flagged
      FROM quiz_attempts WHERE campaign_id = ${campaignId} AND status = 'submitted'`.execute(this.db.kysely)
    const totals = totalsRows[0]
    return {
      rows: rows.map((r) => ({
        rank: Number(r.place),
        userId: r.user_id,
        nickname: r.nickname,
        attemptId: r.id,
        score: r.score,
        timeUsedMs: r.time_used_ms,
        finishedAt: r.submitted_at,
        ...(r.county_code ? { countyCode: r.county_code } : {}),
        ...(r.township_code ? { townshipCode: r.township_code } : {}),
        ...(r.risk_check === 'passed' || r.risk_check === 'unavailable' ? { riskCheck: r.risk_check } : {}),
      })),
      total: Number(totals.eligible),
      excludedPeople: Number(totals.people) - Number(totals.eligible),
      flaggedAttempts: Number(totals.flagged),
    }
  }

  private async pool(campaignId: string, on: Kysely<DB>): Promise<readonly string[]> {
    let ids = this.pools.get(campaignId)
    if (!ids) {
      const rows = await on.selectFrom('campaign_questions').select('question_id').where('campaign_id', '=', campaignId).execute()
      ids = rows.map((r) => r.question_id)
      this.pools.set(campaignId, ids)
    }
    return ids
  }
}

const repositories = new WeakMap<Store, IntegrityRepository>()

/** the repository of a store (one per store, its caches kept) */
export function integrityOf(store: Store): IntegrityRepository {
  let repo = repositories.get(store)
  if (!repo) {
    repo = new IntegrityRepository(store.quiz.db)
    repositories.set(store, repo)
  }
  return repo
}
