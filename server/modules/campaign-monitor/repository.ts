/**
 * The monitor's reads over the query layer (both databases). Each one walks an index of one
 * campaign (migration 022): per-score counts for the city (quiz_score_counts, a dozen rows), a
 * county's standings by quiz_standings_by_county, submitted attempts per hour and the suspicious
 * checks by quiz_attempts_monitor — never another campaign's rows. The results export pages
 * through the board index (quiz_standings_board) by keyset, so a campaign of any size streams in
 * constant memory.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { orgLevel } from '../auth/org-scope'
import type { CheckedAttempt } from './rules'

/** which regions a caller's figures cover: all (the city), a county, or a township */
export interface RegionScope {
  county?: string
  township?: string
}

export function scopeOf(orgCode: string): RegionScope {
  const level = orgLevel(orgCode)
  if (level === 'county') return { county: orgCode }
  if (level === 'township') return { county: orgCode.slice(0, 6), township: orgCode }
  return {}
}

/** the scope's condition on a table's county and township columns (`alias.` for a join) */
function within<Q extends { where(e: RawBuilder<SqlBool>): Q }>(q: Q, scope: RegionScope, alias = ''): Q {
  let out = q
  if (scope.county) out = out.where(sql<SqlBool>`${sql.ref(`${alias}county_code`)} = ${scope.county}`)
  if (scope.township) out = out.where(sql<SqlBool>`${sql.ref(`${alias}township_code`)} = ${scope.township}`)
  return out
}

export interface AttemptRow extends CheckedAttempt {
  score: number
  submittedAt: string
  countyCode?: string
  townshipCode?: string
}

export interface ResultRow {
  userId: string
  nickname: string
  mobile?: string
  score: number
  timeUsedMs: number
  finishedAt: string
  countyCode?: string
  townshipCode?: string
  riskCheck?: string
}

const QUESTION_ID = /"id":"([^"]+)"/g

/** the question ids of an attempt's `questions` text ([{"id":…,"order":[…]}], written by JSON.stringify): read without parsing every order */
export function questionIdsOf(questions: string): string[] {
  return Array.from(questions.matchAll(QUESTION_ID), (m) => m[1])
}

export class MonitorRepository {
  constructor(private readonly db: Db) {}

  private get k(): Kysely<DB> {
    return this.db.kysely
  }

  /** participants per counted score in the scope */
  async scoreCounts(campaignId: string, scope: RegionScope): Promise<Map<number, number>> {
    if (!scope.county) {
      const rows = await this.k.selectFrom('quiz_score_counts').select(['score', 'participants']).where('campaign_id', '=', campaignId).execute()
      return new Map(rows.filter((r) => Number(r.participants) > 0).map((r) => [r.score, Number(r.participants)]))
    }
    const rows = await within(
      this.k
        .selectFrom('quiz_standings')
        .select(['score', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId),
      scope,
    )
      .groupBy('score')
      .execute()
    return new Map(rows.map((r) => [r.score, Number(r.n)]))
  }

  /** submitted attempts per UTC hour (ISO text to the hour), active attempts, WeChat-flagged attempts */
  async attemptCounts(campaignId: string, scope: RegionScope): Promise<{ perHour: { hour: string; n: number }[]; active: number; riskFlagged: number }> {
    const hour = sql<string>`substr(submitted_at, 1, 13)`
    const [perHour, active, flagged] = await Promise.all([
      within(
        this.k
          .selectFrom('quiz_attempts')
          .select([hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('campaign_id', '=', campaignId)
          .where('status', '=', 'submitted'),
        scope,
      )
        .groupBy(hour)
        .orderBy(hour)
        .execute(),
      within(
        this.k
          .selectFrom('quiz_attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('campaign_id', '=', campaignId)
          .where('status', '=', 'active'),
        scope,
      ).executeTakeFirstOrThrow(),
      within(
        this.k
          .selectFrom('quiz_attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('campaign_id', '=', campaignId)
          .where('risk_check', '=', 'flagged'),
        scope,
      ).executeTakeFirstOrThrow(),
    ])
    return { perHour: perHour.map((r) => ({ hour: r.hour, n: Number(r.n) })), active: Number(active.n), riskFlagged: Number(flagged.n) }
  }

  /** every submitted attempt of the campaign in the scope, as the checks read them (no names) */
  async submittedAttempts(campaignId: string, scope: RegionScope): Promise<AttemptRow[]> {
    const rows = await within(
      this.k
        .selectFrom('quiz_attempts')
        .select([
          'id',
          'user_id',
          'questions',
          'question_ms',
          'time_used_ms',
          'score',
          'submitted_at',
          'county_code',
          'township_code',
          'risk_check',
          'risk_rank',
        ])
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'submitted'),
      scope,
    ).execute()
    return rows.map((r) => ({
      id: r.id!,
      userId: r.user_id,
      questionIds: questionIdsOf(r.questions),
      ...(r.question_ms ? { questionMs: JSON.parse(r.question_ms) as number[] } : {}),
      timeUsedMs: r.time_used_ms ?? 0,
      score: r.score ?? 0,
      submittedAt: r.submitted_at ?? '',
      ...(r.county_code ? { countyCode: r.county_code } : {}),
      ...(r.township_code ? { townshipCode: r.township_code } : {}),
      ...(r.risk_check ? { riskCheck: r.risk_check } : {}),
      ...(r.risk_rank !== null ? { riskRank: r.risk_rank } : {}),
    }))
  }

  /** nickname and mobile of these users */
  async people(userIds: readonly string[]): Promise<Map<string, { nickname: string; mobile?: string }>> {
    if (userIds.length === 0) return new Map()
    const rows = await this.k.selectFrom('users').select(['id', 'nickname', 'mobile']).where('id', 'in', userIds).execute()
    return new Map(rows.map((r) => [r.id!, { nickname: r.nickname, ...(r.mobile ? { mobile: r.mobile } : {}) }]))
  }

  /** stores the per-question times of a just-submitted attempt (in its question order) */
  async saveQuestionMs(attemptId: string, questionMs: readonly number[]): Promise<void> {
    await this.k
      .updateTable('quiz_attempts')
      .set({ question_ms: JSON.stringify(questionMs) })
      .where('id', '=', attemptId)
      .where('question_ms', 'is', null)
      .execute()
  }

  /** the attempt's question ids, owner and status (to store its times) */
  async attemptQuestions(attemptId: string): Promise<{ userId: string; status: string; questionIds: string[] } | undefined> {
    const r = await this.k.selectFrom('quiz_attempts').select(['user_id', 'status', 'questions']).where('id', '=', attemptId).executeTakeFirst()
    return r && { userId: r.user_id, status: r.status, questionIds: (JSON.parse(r.questions) as { id: string }[]).map((q) => q.id) }
  }

  /**
   * The scope's standings in board order (score high first, then less time, then the earlier
   * finish, then user id), `limit` after `after` (keyset on the board index).
   */
  async resultsPage(campaignId: string, scope: RegionScope, limit: number, after?: ResultRow & { userId: string }): Promise<ResultRow[]> {
    let q = within(
      this.k
        .selectFrom('quiz_standings as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('quiz_attempts as a', 'a.id', 's.attempt_id')
        .select(['s.user_id', 'u.nickname', 'u.mobile', 's.score', 's.time_used_ms', 's.finished_at', 's.county_code', 's.township_code', 'a.risk_check'])
        .where('s.campaign_id', '=', campaignId),
      scope,
      's.',
    )
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('s.score', '<', after.score),
          eb.and([
            eb('s.score', '=', after.score),
            eb.or([
              eb('s.time_used_ms', '>', after.timeUsedMs),
              eb.and([
                eb('s.time_used_ms', '=', after.timeUsedMs),
                eb.or([eb('s.finished_at', '>', after.finishedAt), eb.and([eb('s.finished_at', '=', after.finishedAt), eb('s.user_id', '>', after.userId)])]),
              ]),
            ]),
          ]),
        ]),
      )
    }
    const rows = await q.orderBy('s.score', 'desc').orderBy('s.time_used_ms').orderBy('s.finished_at').orderBy('s.user_id').limit(limit).execute()
    return rows.map((r) => ({
      userId: r.user_id,
      nickname: r.nickname,
      ...(r.mobile ? { mobile: r.mobile } : {}),
      score: r.score,
      timeUsedMs: r.time_used_ms,
      finishedAt: r.finished_at,
      ...(r.county_code ? { countyCode: r.county_code } : {}),
      ...(r.township_code ? { townshipCode: r.township_code } : {}),
      ...(r.risk_check ? { riskCheck: r.risk_check } : {}),
    }))
  }
}

const repositories = new WeakMap<Db, MonitorRepository>()
export function monitorRepository(db: Db): MonitorRepository {
  let repo = repositories.get(db)
  if (!repo) {
    repo = new MonitorRepository(db)
    repositories.set(db, repo)
  }
  return repo
}
