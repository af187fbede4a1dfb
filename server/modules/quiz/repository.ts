/**
 * The quiz's storage over the query layer (both databases): campaigns, attempts, standings (the
 * attempt that counts per user and campaign), region and score totals, the 错题本 and quiz
 * settings. Plain reads and writes: the rules are in this folder and the service runs them inside
 * `transaction`, so a submit is one transaction (attempt, standing, totals, 错题本).
 *
 * Concurrency on PostgreSQL (SQLite lends its one connection to one transaction at a time, so
 * there every transaction is already serial):
 * - `lockUser` takes the user's row FOR UPDATE at the start of every transaction that changes a
 *   user's quiz state (start, submit, expire, practice answer, settings; a submit takes it in
 *   `batchSubmitReads`, with its read, in one round trip). Concurrent requests of one
 *   user therefore run one after the other, and each re-reads what the previous one committed
 *   (READ COMMITTED takes a fresh snapshot per statement): the day's attempt count, the running
 *   attempt, the standing and the 错题本 are never decided on a stale read.
 * - The partial unique index `quiz_attempts_one_active` (user, campaign WHERE status = 'active')
 *   still refuses a second running attempt whatever the code above does.
 * - `finishAttempt` (and `recordSubmit`'s write) moves an attempt out of `active` only if it is still
 *   active (a conditional UPDATE): a submit sent twice at once scores once; the second one replays
 *   the first result.
 * - Score counts and region totals are changed by `participants = participants + n` in an upsert,
 *   inside the submit's transaction, so the boards move with the standings.
 */
import { CompiledQuery, type Kysely, type SelectQueryBuilder, sql } from 'kysely'
import type { Campaign, CampaignStatus, CampaignSummary, QuizProfile } from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { commitsOnPostgres, type Db, namedOnPostgres } from '../../db/database'
import { Prepared, rowsOf, value } from '../../db/prepared'
import type { DB } from '../../db/schema'
import type { SessionRow } from '../auth/repository'
import type { IdempotencyRecord } from '../idempotency/record'
import { campaignStatus, compareCampaigns } from './campaign-status'
import { deepFreeze } from './freeze'
import { compareStandings } from './standing'
import type { AttemptQuestion, AttemptRecord, LockRows, MistakeRecord, QuestionKey, RegionTotal, Standing } from './types'

export interface BoardEntry extends Standing {
  nickname: string
  hideName: boolean
  regionCode?: string
}

/** what the person board reads in one call: top N in board order, the caller's standing and rank, the count */
export interface PersonBoard {
  top: BoardEntry[]
  mine?: Standing & { ahead: number }
  total: number
}

interface AttemptRow {
  id: string | null
  user_id: string
  campaign_id: string
  started_at: string
  deadline: string
  status: string
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

interface CampaignRow {
  id: string | null
  title: string
  department: string
  cover: string
  starts_at: string
  ends_at: string
  participants: number
  description: string
  rules: string
  topics: string
}

const ATTEMPT_COLUMNS = [
  'id',
  'user_id',
  'campaign_id',
  'started_at',
  'deadline',
  'status',
  'questions',
  'region_code',
  'county_code',
  'township_code',
  'answers',
  'score',
  'correct_count',
  'time_used_ms',
  'submitted_at',
] as const

/** the attempt's columns of a join where quiz_attempts is `a` */
const ATTEMPT_COLUMNS_OF_A = ATTEMPT_COLUMNS.map((c) => `a.${c}` as const)

const STANDING_COLUMNS = ['campaign_id', 'user_id', 'attempt_id', 'score', 'time_used_ms', 'finished_at', 'county_code', 'township_code'] as const

function attemptFrom(r: AttemptRow): AttemptRecord {
  return {
    id: r.id!,
    userId: r.user_id,
    campaignId: r.campaign_id,
    startedAt: r.started_at,
    deadline: r.deadline,
    status: r.status as AttemptRecord['status'],
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

function campaignFrom(r: CampaignRow & { counted?: number | string | null }, now: Date): Campaign {
  return {
    id: r.id!,
    title: r.title,
    department: r.department,
    cover: r.cover,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: campaignStatus(r.starts_at, r.ends_at, now),
    participants: Number(r.counted ?? 0),
    description: r.description,
    rules: JSON.parse(r.rules) as Campaign['rules'],
    topics: JSON.parse(r.topics) as string[],
  }
}

function toCampaignSummary(c: Campaign): CampaignSummary {
  return {
    id: c.id,
    title: c.title,
    department: c.department,
    cover: c.cover,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    status: c.status,
    participants: c.participants,
  }
}

/** the whole second of time used: the bucket of quiz_time_counts (time_used_ms / 1000 in SQL, both databases) */
const timeSec = (ms: number) => Math.floor(ms / 1000)

const mistakeOf = (userId: string, r: { question_id: string; wrong_count: number; streak: number; last_wrong_at: string }): MistakeRecord => ({
  userId,
  questionId: r.question_id,
  wrongCount: r.wrong_count,
  streak: r.streak,
  lastWrongAt: r.last_wrong_at,
})

const attemptColumns = (db: Kysely<DB>) => db.selectFrom('quiz_attempts').select(ATTEMPT_COLUMNS)

// the statements of a submit and a start, prepared (server/db/prepared.ts; the values in order of `value(i)`)
/** PostgreSQL only (see `lockUser`) */
const LOCK_USER = new Prepared((db) => db.selectFrom('users').select('id').where('id', '=', value(0)).forUpdate())

/**
 * 「N 人参与」 from the data: everyone with a counted attempt, the sum of the per-score counts (the
 * same figure as the person board's total), not the stored column (the fixtures' figure)
 */
function withParticipants<O>(qb: SelectQueryBuilder<DB, 'campaigns', O>) {
  return qb.select((eb) =>
    eb
      .selectFrom('quiz_score_counts as q')
      .select((e) => e.fn.coalesce(e.fn.sum<number>('q.participants'), e.lit(0)).as('n'))
      .whereRef('q.campaign_id', '=', 'campaigns.id')
      .as('counted'),
  )
}

const GET_CAMPAIGN = new Prepared((db) => withParticipants(db.selectFrom('campaigns').selectAll().where('id', '=', value(0))))

const GET_ATTEMPT = new Prepared((db) => attemptColumns(db).where('id', '=', value(0)))

/** a submit's first read: the attempt, its campaign's rules and the user's standing in the campaign */
const SUBMISSION = new Prepared((db) =>
  db
    .selectFrom('quiz_attempts as a')
    .leftJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .leftJoin('quiz_standings as s', (join) => join.onRef('s.campaign_id', '=', 'a.campaign_id').onRef('s.user_id', '=', 'a.user_id'))
    .select([
      ...ATTEMPT_COLUMNS_OF_A,
      'c.rules as campaign_rules',
      's.attempt_id as standing_attempt_id',
      's.score as standing_score',
      's.time_used_ms as standing_time_used_ms',
      's.finished_at as standing_finished_at',
      's.county_code as standing_county_code',
      's.township_code as standing_township_code',
    ])
    .where('a.id', '=', value(0)),
)

/** what the key verdicts of a submit's result come from (LockRows; PG_SUBMIT_READ_BATCH reads the same): every campaign's window and rules, in id order */
const LOCK_CAMPAIGNS = new Prepared((db) =>
  db.selectFrom('campaigns').select(['id', 'starts_at', 'ends_at', 'rules']).orderBy('id').$castTo<LockRows['campaigns'][number]>(),
)

/**
 * …and the user's running attempts. `'active'` is in the SQL text, not a value: then SQLite reads
 * them from the partial index `quiz_attempts_one_active` (only running attempts) instead of every
 * attempt of the user's through `quiz_attempts_by_user`
 */
const RUNNING_OF_USER = new Prepared((db) =>
  db
    .selectFrom('quiz_attempts')
    .select(['id', 'questions', 'deadline'])
    .where('user_id', '=', value(0))
    .where('status', '=', sql.lit('active'))
    .$castTo<LockRows['running'][number]>(),
)

/** a start's reads in one statement: the user's running attempt of the campaign, quiz settings and attempts started in [from, to) */
const START_READS = new Prepared((db) =>
  db
    .selectFrom('users as u')
    .leftJoin('quiz_profiles as p', 'p.user_id', 'u.id')
    .leftJoin('quiz_attempts as a', (join) => join.onRef('a.user_id', '=', 'u.id').on('a.campaign_id', '=', value(1)).on('a.status', '=', 'active'))
    .select([...ATTEMPT_COLUMNS_OF_A, 'p.region_code as profile_region_code', 'p.hide_name as profile_hide_name'])
    .select((eb) =>
      eb
        .selectFrom('quiz_attempts as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('t.user_id', '=', value(0))
        .where('t.campaign_id', '=', value(1))
        .where('t.started_at', '>=', value(2))
        .where('t.started_at', '<', value(3))
        .as('today'),
    )
    .where('u.id', '=', value(0)),
)

/** what a start reads (`startReads`) */
export interface StartReads {
  /** the attempt with status `active` (there is at most one), whatever its deadline */
  running?: AttemptRecord
  profile: QuizProfile
  /** attempts started in [from, to) */
  today: number
}

const FINISH_ATTEMPT = new Prepared((db) =>
  db
    .updateTable('quiz_attempts')
    .set({ status: value(0), answers: value(1), score: value(2), correct_count: value(3), time_used_ms: value(4), submitted_at: value(5) })
    .where('id', '=', value(6))
    .where('status', '=', 'active'),
)

const GET_STANDING = new Prepared((db) =>
  db.selectFrom('quiz_standings').select(STANDING_COLUMNS).where('campaign_id', '=', value(0)).where('user_id', '=', value(1)),
)

const SAVE_STANDING = new Prepared((db) =>
  db
    .insertInto('quiz_standings')
    .values({
      campaign_id: value(0),
      user_id: value(1),
      attempt_id: value(2),
      score: value(3),
      time_used_ms: value(4),
      finished_at: value(5),
      county_code: value(6),
      township_code: value(7),
    })
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'user_id']).doUpdateSet((eb) => ({
        attempt_id: eb.ref('excluded.attempt_id'),
        score: eb.ref('excluded.score'),
        time_used_ms: eb.ref('excluded.time_used_ms'),
        finished_at: eb.ref('excluded.finished_at'),
        county_code: eb.ref('excluded.county_code'),
        township_code: eb.ref('excluded.township_code'),
      })),
    ),
)

const ADD_SCORE_COUNTS = new Prepared((db, rows) =>
  db
    .insertInto('quiz_score_counts')
    .values(rowsOf(rows, 3, (v) => ({ campaign_id: v(0), score: v(1), participants: v(2) })))
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'score']).doUpdateSet((eb) => ({ participants: eb('quiz_score_counts.participants', '+', eb.ref('excluded.participants')) })),
    ),
)

const ADD_TIME_COUNTS = new Prepared((db, rows) =>
  db
    .insertInto('quiz_time_counts')
    .values(rowsOf(rows, 4, (v) => ({ campaign_id: v(0), score: v(1), time_sec: v(2), participants: v(3) })))
    .onConflict((oc) =>
      oc
        .columns(['campaign_id', 'score', 'time_sec'])
        .doUpdateSet((eb) => ({ participants: eb('quiz_time_counts.participants', '+', eb.ref('excluded.participants')) })),
    ),
)

const ADD_REGION_TOTALS = new Prepared((db, rows) =>
  db
    .insertInto('quiz_region_totals')
    .values(rowsOf(rows, 4, (v) => ({ campaign_id: v(0), region_code: v(1), participants: v(2), score_sum: v(3) })))
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'region_code']).doUpdateSet((eb) => ({
        participants: eb('quiz_region_totals.participants', '+', eb.ref('excluded.participants')),
        score_sum: eb('quiz_region_totals.score_sum', '+', eb.ref('excluded.score_sum')),
      })),
    ),
)

const MISTAKES_AMONG = new Prepared((db, ids) =>
  db
    .selectFrom('quiz_mistakes')
    .select(['question_id', 'wrong_count', 'streak', 'last_wrong_at'])
    .where('user_id', '=', value(0))
    .where(
      'question_id',
      'in',
      Array.from({ length: ids }, (_, i) => value(i + 1)),
    ),
)

const DELETE_MISTAKES = new Prepared((db, ids) =>
  db
    .deleteFrom('quiz_mistakes')
    .where('user_id', '=', value(0))
    .where(
      'question_id',
      'in',
      Array.from({ length: ids }, (_, i) => value(i + 1)),
    ),
)

const PUT_MISTAKES = new Prepared((db, rows) =>
  db
    .insertInto('quiz_mistakes')
    .values(rowsOf(rows, 5, (v) => ({ user_id: v(0), question_id: v(1), wrong_count: v(2), streak: v(3), last_wrong_at: v(4) })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'question_id']).doUpdateSet((eb) => ({
        wrong_count: eb.ref('excluded.wrong_count'),
        streak: eb.ref('excluded.streak'),
        last_wrong_at: eb.ref('excluded.last_wrong_at'),
      })),
    ),
)

// higher scores from the per-score counts (a dozen rows), the same score in earlier seconds from
// the per-second counts (at most a few hundred), then two short ranges of the board index within
// the caller's own second (migration 016). Values: campaign, score, second, second's first ms,
// time used, finished at.
const COUNT_AHEAD = new Prepared((db) => {
  const [campaignId, score, second, secondStart, timeUsedMs, finishedAt] = [0, 1, 2, 3, 4, 5].map(value)
  const query = sql<{ n: number }>`SELECT
        (SELECT COALESCE(SUM(participants), 0) FROM quiz_score_counts WHERE campaign_id = ${campaignId} AND score > ${score})
      + (SELECT COALESCE(SUM(participants), 0) FROM quiz_time_counts WHERE campaign_id = ${campaignId} AND score = ${score}
           AND time_sec < ${second})
      + (SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = ${campaignId} AND score = ${score}
           AND time_used_ms >= ${secondStart} AND time_used_ms < ${timeUsedMs})
      + (SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = ${campaignId} AND score = ${score} AND time_used_ms = ${timeUsedMs}
           AND finished_at < ${finishedAt}) AS n`
  return { compile: () => query.compile(db) }
})

/**
 * The net changes of the score, second and region totals when standings go from `previous` to `next`
 * (one user's, or a batch's summed), per campaign and key. Each list is in key order (campaign, then
 * score / second / region code), so every writer locks shared rows in one order and none deadlocks;
 * nothing with a net change of zero (a row not touched is not locked).
 */
interface TotalMoves {
  scores: { campaignId: string; score: number; n: number }[]
  seconds: { campaignId: string; score: number; sec: number; n: number }[]
  regions: { campaignId: string; code: string; n: number; sum: number }[]
}

function totalMoves(changes: readonly { previous?: Standing; next?: Standing }[]): TotalMoves {
  const scores = new Map<string, TotalMoves['scores'][number]>()
  const seconds = new Map<string, TotalMoves['seconds'][number]>()
  const regions = new Map<string, TotalMoves['regions'][number]>()
  const add = (st: Standing, sign: 1 | -1) => {
    const c = st.campaignId
    const sec = timeSec(st.timeUsedMs)
    const scoreKey = `${c}\u0000${st.score}`
    scores.set(scoreKey, { campaignId: c, score: st.score, n: (scores.get(scoreKey)?.n ?? 0) + sign })
    const secondKey = `${scoreKey}\u0000${sec}`
    seconds.set(secondKey, { campaignId: c, score: st.score, sec, n: (seconds.get(secondKey)?.n ?? 0) + sign })
    for (const code of [st.countyCode, st.townshipCode]) {
      if (!code) continue
      const key = `${c}\u0000${code}`
      const r = regions.get(key) ?? { campaignId: c, code, n: 0, sum: 0 }
      regions.set(key, { ...r, n: r.n + sign, sum: r.sum + sign * st.score })
    }
  }
  for (const { previous, next } of changes) {
    if (previous) add(previous, -1)
    if (next) add(next, 1)
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return {
    scores: [...scores.values()].filter((r) => r.n !== 0).sort((a, b) => byText(a.campaignId, b.campaignId) || a.score - b.score),
    seconds: [...seconds.values()].filter((r) => r.n !== 0).sort((a, b) => byText(a.campaignId, b.campaignId) || a.score - b.score || a.sec - b.sec),
    regions: [...regions.values()].filter((r) => r.n !== 0 || r.sum !== 0).sort((a, b) => byText(a.campaignId, b.campaignId) || byText(a.code, b.code)),
  }
}

// A submit on PostgreSQL: the user's lock with the one read, and one write — two round trips where the
// statement-by-statement path took fourteen: BEGIN goes with the read and COMMIT with the write
// (server/db/database.ts pipelines them; each round trip costs a network wait and syscalls on both
// sides, which dominated a submit's time under load). Plain SQL with fixed text:
// the varying lists go in as arrays (unnest), so the text, and PostgreSQL's plan for it, never change.
// round-trips.test.ts counts them.

/**
 * A submit's read, for one submit or a batch of them (server/modules/quiz/submit-batch.ts), in one
 * round trip: the users of every member's session locked in user-id order, then each member's
 * session and reads, and every campaign's rules once (migration 027; why a function: migration 022).
 * The one definition of what a submit reads on PostgreSQL: a single submit is a batch of one.
 *
 * Instances of the release before this one still call quiz_submit_read (migrations 022, 024) and
 * quiz_submit_read_session (025) during a rolling deploy; nothing here calls them any more, so a
 * later release's migration can drop both.
 */
const PG_SUBMIT_READ_BATCH = namedOnPostgres('SELECT quiz_submit_read_batch($1::text[], $2::text[]) AS found')

/** what PG_SUBMIT_READ_BATCH answers for a member's attempt (one JSON object; the campaigns come once for the batch) */
type PgSubmitRead = AttemptRow &
  SubmissionRow & {
    mistakes: { question_id: string; wrong_count: number; streak: number; last_wrong_at: string }[] | null
    running: LockRows['running'][number][] | null
  }

function submitReadsFrom(row: PgSubmitRead, campaigns: LockRows['campaigns']): SubmitReads {
  return {
    ...submissionFrom(row),
    mistakes: new Map((row.mistakes ?? []).map((m) => [m.question_id, mistakeOf(row.user_id, m)])),
    lockRows: { campaigns, running: row.running ?? [] },
  }
}

/**
 * A batch's one write, for every fresh submit of the batch at once, COMMIT sent behind it: the
 * attempts closed; the standings that moved; the score, second and region totals summed over the
 * batch (one row update per key, not one per submit; each table's rows in key order, the tables in
 * the order of the CTEs below, so every submit locks shared rows in one order and none deadlocks); the
 * 错题本's puts and removals; the sessions' last-seen; and, per member, the count ahead of its
 * standing in the statement's snapshot (before the batch's own changes: `recordSubmits` adds
 * theirs). If any attempt was no longer active the statement fails (quiz_batch_closed_all), so the
 * COMMIT behind it answers ROLLBACK and nothing of the batch is kept.
 */
const PG_SUBMIT_WRITE_BATCH = commitsOnPostgres(
  namedOnPostgres(`WITH fin AS (
    UPDATE quiz_attempts a SET status = 'submitted', answers = v.answers, score = v.score, correct_count = v.correct_count,
      time_used_ms = v.time_used_ms, submitted_at = v.submitted_at
    FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[])
      AS v(id, answers, score, correct_count, time_used_ms, submitted_at)
    WHERE a.id = v.id AND a.status = 'active'
    RETURNING a.id
  ), st AS (
    INSERT INTO quiz_standings (campaign_id, user_id, attempt_id, score, time_used_ms, finished_at, county_code, township_code)
    SELECT v.campaign_id, v.user_id, v.attempt_id, v.score, v.time_used_ms, v.finished_at, v.county_code, v.township_code
    FROM unnest($7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[])
      AS v(campaign_id, user_id, attempt_id, score, time_used_ms, finished_at, county_code, township_code)
    ON CONFLICT (campaign_id, user_id) DO UPDATE SET attempt_id = excluded.attempt_id, score = excluded.score,
      time_used_ms = excluded.time_used_ms, finished_at = excluded.finished_at, county_code = excluded.county_code,
      township_code = excluded.township_code
    RETURNING 1
  ), sc AS (
    INSERT INTO quiz_score_counts (campaign_id, score, participants)
    SELECT v.campaign_id, v.score, v.n FROM unnest($15::text[], $16::int[], $17::int[]) WITH ORDINALITY AS v(campaign_id, score, n, i) ORDER BY v.i
    ON CONFLICT (campaign_id, score) DO UPDATE SET participants = quiz_score_counts.participants + excluded.participants
    RETURNING 1
  ), tc AS (
    INSERT INTO quiz_time_counts (campaign_id, score, time_sec, participants)
    SELECT v.campaign_id, v.score, v.sec, v.n FROM unnest($18::text[], $19::int[], $20::int[], $21::int[]) WITH ORDINALITY AS v(campaign_id, score, sec, n, i)
    ORDER BY v.i
    ON CONFLICT (campaign_id, score, time_sec) DO UPDATE SET participants = quiz_time_counts.participants + excluded.participants
    RETURNING 1
  ), rt AS (
    INSERT INTO quiz_region_totals (campaign_id, region_code, participants, score_sum)
    SELECT v.campaign_id, v.code, v.n, v.total FROM unnest($22::text[], $23::text[], $24::bigint[], $25::bigint[]) WITH ORDINALITY AS v(campaign_id, code, n, total, i)
    ORDER BY v.i
    ON CONFLICT (campaign_id, region_code) DO UPDATE SET participants = quiz_region_totals.participants + excluded.participants,
      score_sum = quiz_region_totals.score_sum + excluded.score_sum
    RETURNING 1
  ), mp AS (
    INSERT INTO quiz_mistakes (user_id, question_id, wrong_count, streak, last_wrong_at)
    SELECT v.user_id, v.question_id, v.wrong_count, v.streak, v.last_wrong_at
    FROM unnest($26::text[], $27::text[], $28::int[], $29::int[], $30::text[]) AS v(user_id, question_id, wrong_count, streak, last_wrong_at)
    ON CONFLICT (user_id, question_id) DO UPDATE SET wrong_count = excluded.wrong_count, streak = excluded.streak,
      last_wrong_at = excluded.last_wrong_at
    RETURNING 1
  ), md AS (
    DELETE FROM quiz_mistakes m USING unnest($31::text[], $32::text[]) AS v(user_id, question_id)
    WHERE m.user_id = v.user_id AND m.question_id = v.question_id
    RETURNING 1
  ), ts AS (
    UPDATE sessions s SET last_seen_at = v.at FROM unnest($33::text[], $34::text[]) AS v(token_hash, at)
    WHERE s.token_hash = v.token_hash
    RETURNING 1
  )
  SELECT quiz_batch_closed_all((SELECT COUNT(*) FROM fin), $41::int) AS closed_all,
    (SELECT COUNT(*) FROM st) AS standings,
    (SELECT COUNT(*) FROM sc) AS score_rows,
    (SELECT COUNT(*) FROM tc) AS time_rows,
    (SELECT COUNT(*) FROM rt) AS region_rows,
    (SELECT COUNT(*) FROM mp) AS mistakes_put,
    (SELECT COUNT(*) FROM md) AS mistakes_removed,
    (SELECT COUNT(*) FROM ts) AS sessions_touched,
    (SELECT json_agg(
      ((SELECT COALESCE(SUM(participants), 0) FROM quiz_score_counts WHERE campaign_id = v.campaign_id AND score > v.score)
        + (SELECT COALESCE(SUM(participants), 0) FROM quiz_time_counts WHERE campaign_id = v.campaign_id AND score = v.score
            AND time_sec < v.sec)
        + (SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = v.campaign_id AND score = v.score
            AND time_used_ms >= v.sec_start AND time_used_ms < v.time_used_ms)
        + (SELECT COUNT(*) FROM quiz_standings WHERE campaign_id = v.campaign_id AND score = v.score AND time_used_ms = v.time_used_ms
            AND finished_at < v.finished_at))::bigint ORDER BY v.i)
      FROM unnest($35::text[], $36::int[], $37::int[], $38::int[], $39::int[], $40::text[]) WITH ORDINALITY
        AS v(campaign_id, score, sec, sec_start, time_used_ms, finished_at, i)) AS ahead`),
)

/** what PG_SUBMIT_READ_BATCH answers for one member: its session's row (undefined: none, or its user is disabled) and its reads */
export interface BatchMemberRead {
  session?: SessionRow
  /** undefined: no such attempt */
  reads?: SubmitReads
}

/** a session's last-seen to write with a batch (AuthRepository.sessionWithTouch) */
export interface SessionTouch {
  tokenHash: string
  at: string
}

/**
 * How many rank strictly ahead of each member's standing once the members before it (in batch
 * order) have been written, as if each had committed alone, one after the other: the count in the
 * snapshot before the batch (`snapshot`, which still holds every member's previous standing), less
 * the member's own previous standing and those of the earlier members that moved, when they ranked
 * ahead, plus the earlier members' new standings that rank ahead.
 */
export function serialAheads(writes: readonly SubmitWrite[], snapshot: readonly number[]): number[] {
  const ahead = (s: Standing | undefined, of: Standing) => (s !== undefined && s.campaignId === of.campaignId && compareStandings(s, of) < 0 ? 1 : 0)
  return writes.map((w, i) => {
    let n = snapshot[i]
    if (w.next !== w.previous) n -= ahead(w.previous, w.next)
    for (const earlier of writes.slice(0, i)) {
      if (earlier.next === earlier.previous) continue
      n += ahead(earlier.next, w.next) - ahead(earlier.previous, w.next)
    }
    return n
  })
}

/** what a submit reads first (`lockAndReadSubmit`, `batchSubmitReads`): the attempt, its campaign's rules and the standing, and more */
export interface SubmitReads extends Submission {
  /** the user's 错题本 rows among the attempt's questions */
  mistakes: Map<string, MistakeRecord>
  /** what the result's key verdicts come from (contest-integrity's `locksFrom`), read under the user's lock */
  lockRows: LockRows
}

/** what a fresh submit writes (`recordSubmit`) */
export interface SubmitWrite {
  /** the attempt as submitted (status, answers, score, time) */
  attempt: AttemptRecord
  /** the user's standing before the submit */
  previous?: Standing
  /** the standing that counts after it: `previous` itself when it still counts */
  next: Standing
  puts: readonly MistakeRecord[]
  /** question ids that leave the user's 错题本 */
  removes: readonly string[]
}

/** campaign rules by their JSON text: parsed once (a campaign's rules change only by an edit) */
const parsedRules = new Map<string, Campaign['rules']>()
function rulesOf(text: string): Campaign['rules'] {
  let rules = parsedRules.get(text)
  if (!rules) {
    rules = deepFreeze(JSON.parse(text) as Campaign['rules'])
    if (parsedRules.size > 200) parsedRules.clear()
    parsedRules.set(text, rules)
  }
  return rules
}

/** what a submit reads first (`submission`) */
export interface Submission {
  attempt: AttemptRecord
  /** the rules of the attempt's campaign; absent when the campaign is gone */
  rules?: Campaign['rules']
  /** the attempt's user's standing in its campaign */
  standing?: Standing
}

/** the columns SUBMISSION and PG_SUBMIT_READ_BATCH add to the attempt's */
interface SubmissionRow {
  campaign_rules: string | null
  standing_attempt_id: string | null
  standing_score: number | null
  standing_time_used_ms: number | null
  standing_finished_at: string | null
  standing_county_code: string | null
  standing_township_code: string | null
}

function submissionFrom(row: AttemptRow & SubmissionRow): Submission {
  const attempt = attemptFrom(row)
  const standing =
    row.standing_attempt_id !== null
      ? standingFrom({
          campaign_id: row.campaign_id,
          user_id: row.user_id,
          attempt_id: row.standing_attempt_id,
          score: row.standing_score!,
          time_used_ms: row.standing_time_used_ms!,
          finished_at: row.standing_finished_at!,
          county_code: row.standing_county_code,
          township_code: row.standing_township_code,
        })
      : undefined
  return { attempt, ...(row.campaign_rules !== null ? { rules: rulesOf(row.campaign_rules) } : {}), ...(standing ? { standing } : {}) }
}

/** the answer key, read once and frozen: it never changes while the server runs, and nobody may edit it */
interface Bank {
  list: QuestionKey[]
  byId: Map<string, QuestionKey>
  byCampaign: Map<string, readonly QuestionKey[]>
}

export class QuizRepository {
  /** the connection or transaction this repository runs on (other modules read within the same transaction) */
  readonly executor: Kysely<DB>
  private readonly cache: { bank?: Promise<Bank> }

  constructor(
    /** the query layer (contest-integrity's repository reads the same tables through it) */
    readonly db: Db,
    readonly now: () => Date,
    /** inside `transaction`: the transaction, sharing the outer repository's key cache */
    within?: { executor: Kysely<DB>; cache: QuizRepository['cache'] },
  ) {
    this.executor = within?.executor ?? db.kysely
    this.cache = within?.cache ?? {}
  }

  /** runs `fn` in one transaction on a repository bound to it; nested calls join the outer one */
  transaction<T>(fn: (tx: QuizRepository) => Promise<T>): Promise<T> {
    if (this.executor.isTransaction) return fn(this)
    return this.db.kysely.transaction().execute((trx) => fn(new QuizRepository(this.db, this.now, { executor: trx, cache: this.cache })))
  }

  /**
   * Serialises the user's quiz writes on PostgreSQL (see the header): the user's row FOR UPDATE,
   * held until the transaction ends. Nothing to do on SQLite, where the transaction holds the only
   * connection.
   */
  async lockUser(userId: string): Promise<void> {
    if (this.db.dialect !== 'postgres') return
    await LOCK_USER.run(this, [userId])
  }

  // --- campaigns ---------------------------------------------------------------------------

  /** status is derived from startsAt/endsAt against the clock: ongoing, upcoming, ended; latest start first */
  async listCampaigns(filter: { status?: CampaignStatus } = {}): Promise<CampaignSummary[]> {
    const rows = await withParticipants(this.executor.selectFrom('campaigns').selectAll().orderBy('position')).execute()
    const now = this.now()
    return rows
      .map((r) => campaignFrom(r, now))
      .filter((c) => !filter.status || c.status === filter.status)
      .sort(compareCampaigns)
      .map(toCampaignSummary)
  }

  /** prepared (GET_CAMPAIGN): every board and start reads it */
  async getCampaign(id: string): Promise<Campaign | undefined> {
    const row = (await GET_CAMPAIGN.run(this, [id])).rows[0]
    return row && campaignFrom(row, this.now())
  }

  // --- the answer key ------------------------------------------------------------------------

  /** the questions a campaign draws from, with their keys */
  async campaignQuestions(campaignId: string): Promise<QuestionKey[]> {
    const bank = await this.bank()
    let list = bank.byCampaign.get(campaignId)
    if (!list) {
      const rows = await this.executor
        .selectFrom('campaign_questions')
        .select('question_id')
        .where('campaign_id', '=', campaignId)
        .orderBy('question_id')
        .execute()
      // a campaign made in the console after the key was read: its questions are read now
      const current = rows.some((r) => !bank.byId.has(r.question_id)) ? await this.reloadBank() : bank
      list = Object.freeze(rows.map((r) => current.byId.get(r.question_id)!).filter(Boolean))
      current.byCampaign.set(campaignId, list)
    }
    return [...list]
  }

  /**
   * Reads the answer key again: questions are only ever added (the console copies a bank version's
   * questions in when it makes a campaign, under new ids), so a question id the key does not know
   * means the key predates that campaign — on this instance or on another one.
   */
  private reloadBank(): Promise<Bank> {
    this.cache.bank = undefined
    return this.bank()
  }

  /** every question (or a topic's), with keys, ordered by id */
  async bankQuestions(topic?: string): Promise<QuestionKey[]> {
    return (await this.bank()).list.filter((q) => !topic || q.topic === topic)
  }

  async questionKeys(ids: readonly string[]): Promise<Map<string, QuestionKey>> {
    let { byId } = await this.bank()
    if (ids.some((id) => !byId.has(id))) byId = (await this.reloadBank()).byId
    const out = new Map<string, QuestionKey>()
    for (const id of ids) {
      const q = byId.get(id)
      if (q) out.set(id, q)
    }
    return out
  }

  private bank(): Promise<Bank> {
    this.cache.bank ??= this.loadBank().catch((err: unknown) => {
      this.cache.bank = undefined
      throw err
    })
    return this.cache.bank
  }

  private async loadBank(): Promise<Bank> {
    // on this repository's executor: on SQLite a read beside an open transaction would wait for it
    const rows = await this.executor
      .selectFrom('quiz_questions as q')
      .leftJoin('interpretations as i', 'i.id', 'q.interpretation_id')
      .select(['q.id', 'q.type', 'q.stem', 'q.options', 'q.topic', 'q.answer', 'q.explanation', 'q.interpretation_id', 'i.policy_id'])
      .orderBy('q.id')
      .execute()
    const list = rows
      .map((r): QuestionKey => ({
        id: r.id!,
        type: r.type as QuestionKey['type'],
        stem: r.stem,
        options: JSON.parse(r.options) as QuestionKey['options'],
        topic: r.topic,
        answer: JSON.parse(r.answer) as string[],
        explanation: r.explanation,
        ...(r.interpretation_id ? { interpretationId: r.interpretation_id } : {}),
        ...(r.policy_id ? { policyId: r.policy_id } : {}),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((q) => deepFreeze(q))
    return { list, byId: new Map(list.map((q) => [q.id, q])), byCampaign: new Map() }
  }

  // --- settings ------------------------------------------------------------------------------

  async getProfile(userId: string): Promise<QuizProfile> {
    const row = await this.executor.selectFrom('quiz_profiles').select(['region_code', 'hide_name']).where('user_id', '=', userId).executeTakeFirst()
    return { ...(row?.region_code ? { regionCode: row.region_code } : {}), hideName: row?.hide_name === 1 }
  }

  async saveProfile(userId: string, profile: QuizProfile): Promise<QuizProfile> {
    await this.executor
      .insertInto('quiz_profiles')
      .values({ user_id: userId, region_code: profile.regionCode ?? null, hide_name: profile.hideName ? 1 : 0, updated_at: this.now().toISOString() })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({
          region_code: eb.ref('excluded.region_code'),
          hide_name: eb.ref('excluded.hide_name'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
    return { ...(profile.regionCode ? { regionCode: profile.regionCode } : {}), hideName: !!profile.hideName }
  }

  // --- attempts ------------------------------------------------------------------------------

  async insertAttempt(a: AttemptRecord): Promise<void> {
    await this.executor
      .insertInto('quiz_attempts')
      .values({
        id: a.id,
        user_id: a.userId,
        campaign_id: a.campaignId,
        started_at: a.startedAt,
        deadline: a.deadline,
        status: a.status,
        questions: JSON.stringify(a.questions),
        region_code: a.regionCode ?? null,
        county_code: a.countyCode ?? null,
        township_code: a.townshipCode ?? null,
      })
      .execute()
  }

  async getAttempt(id: string): Promise<AttemptRecord | undefined> {
    const row = (await GET_ATTEMPT.run(this, [id])).rows[0]
    return row && attemptFrom(row)
  }

  /** a submit's reads in one statement: the attempt, its campaign's rules and its user's standing there */
  async submission(attemptId: string): Promise<Submission | undefined> {
    const row = (await SUBMISSION.run(this, [attemptId])).rows[0]
    return row && submissionFrom(row)
  }

  /**
   * Takes the user's lock (`lockUser`) and makes a submit's reads by prepared statements, for a caller
   * that already knows its user (`submitAttempt`): on SQLite in-process calls (a statement there costs
   * no round trip, and the transaction already holds the only connection). It runs on PostgreSQL too,
   * correct but a round trip per statement (five): nothing there reads a submit this way, the submit
   * route reads by its session, in one round trip (`batchSubmitReads`).
   */
  async lockAndReadSubmit(userId: string, attemptId: string): Promise<SubmitReads | undefined> {
    await this.lockUser(userId)
    const found = await this.submission(attemptId)
    if (!found) return undefined
    const { attempt } = found
    return {
      ...found,
      mistakes: await this.mistakesAmong(
        attempt.userId,
        attempt.questions.map((q) => q.id),
      ),
      lockRows: { campaigns: (await LOCK_CAMPAIGNS.run(this, [])).rows, running: (await RUNNING_OF_USER.run(this, [userId])).rows },
    }
  }

  /**
   * Writes a fresh submit: the attempt closed (only if still active), the standing and the totals
   * moved when `next` is not `previous`, the 错题本 changed; answers how many rank strictly ahead of
   * `next` afterwards. One statement on PostgreSQL (PG_SUBMIT_WRITE_BATCH, a batch of one), the transaction's last: it
   * commits with it (commitsOnPostgres), so it must come after every other write of the submit. Throws
   * if the attempt was no longer active: on SQLite the transaction rolls back; on PostgreSQL the write
   * fails (quiz_batch_closed_all), so the COMMIT sent behind it answers ROLLBACK.
   */
  async recordSubmit(w: SubmitWrite): Promise<number> {
    const { attempt: a, previous, next } = w
    const moved = next !== previous
    if (this.db.dialect !== 'postgres') {
      if (!(await this.finishAttempt(a))) throw new Error(`recordSubmit: attempt ${a.id} is no longer active`)
      if (moved) await this.saveStanding(next, previous)
      await this.putMistakes(w.puts)
      await this.deleteMistakes(a.userId, w.removes)
      return this.countAhead(next.campaignId, next)
    }
    // a batch of one (PG_SUBMIT_WRITE_BATCH): throws, nothing written, if the attempt was no longer active
    return (await this.recordSubmits([w]))[0]
  }

  /**
   * PostgreSQL only: for each member, the session of its token's hash with its user (none when there
   * is no such session, or its user is disabled; whether it has expired is the caller's to decide,
   * AuthRepository.sessionWithTouch) and, for that user, a submit's reads under the user's lock, in
   * one round trip (PG_SUBMIT_READ_BATCH), the users of all the sessions locked in user-id order first.
   * A submit's first statement, for a batch (submit-batch.ts) and a single submit (a batch of one) alike.
   */
  async batchSubmitReads(members: readonly { tokenHash: string; attemptId: string }[]): Promise<BatchMemberRead[]> {
    if (this.db.dialect !== 'postgres') throw new Error('batchSubmitReads: PostgreSQL only')
    const { rows } = await this.executor.executeQuery<{
      found: { members: ({ session: SessionRow; submit: PgSubmitRead | null } | null)[]; campaigns: LockRows['campaigns'][number][] | null }
    }>(CompiledQuery.raw(PG_SUBMIT_READ_BATCH, [members.map((m) => m.tokenHash), members.map((m) => m.attemptId)]))
    const { members: found, campaigns } = rows[0].found
    return found.map((m) => (!m ? {} : { session: m.session, ...(m.submit ? { reads: submitReadsFrom(m.submit, campaigns ?? []) } : {}) }))
  }

  /**
   * PostgreSQL only: `recordSubmit` for the fresh submits of a batch, and the sessions' last-seen, in one statement that commits
   * the transaction (PG_SUBMIT_WRITE_BATCH: the transaction's last; one user per member). Answers,
   * per write, the count ahead as if the writes had committed one after the other in this order
   * (`serialAheads`). Throws, the whole write undone, if any attempt was no longer active.
   */
  async recordSubmits(writes: readonly SubmitWrite[], touches: readonly SessionTouch[] = []): Promise<number[]> {
    if (this.db.dialect !== 'postgres') throw new Error('recordSubmits: PostgreSQL only')
    const moved = writes.filter((w) => w.next !== w.previous)
    const totals = totalMoves(moved)
    const puts = writes.flatMap((w) => w.puts)
    const removes = writes.flatMap((w) => w.removes.map((questionId) => ({ userId: w.attempt.userId, questionId })))
    const { rows } = await this.executor.executeQuery<{ ahead: number[] }>(
      CompiledQuery.raw(PG_SUBMIT_WRITE_BATCH, [
        writes.map((w) => w.attempt.id),
        writes.map((w) => (w.attempt.answers ? JSON.stringify(w.attempt.answers) : null)),
        writes.map((w) => w.attempt.score ?? null),
        writes.map((w) => w.attempt.correctCount ?? null),
        writes.map((w) => w.attempt.timeUsedMs ?? null),
        writes.map((w) => w.attempt.submittedAt ?? null),
        moved.map((w) => w.next.campaignId),
        moved.map((w) => w.next.userId),
        moved.map((w) => w.next.attemptId),
        moved.map((w) => w.next.score),
        moved.map((w) => w.next.timeUsedMs),
        moved.map((w) => w.next.finishedAt),
        moved.map((w) => w.next.countyCode ?? null),
        moved.map((w) => w.next.townshipCode ?? null),
        totals.scores.map((r) => r.campaignId),
        totals.scores.map((r) => r.score),
        totals.scores.map((r) => r.n),
        totals.seconds.map((r) => r.campaignId),
        totals.seconds.map((r) => r.score),
        totals.seconds.map((r) => r.sec),
        totals.seconds.map((r) => r.n),
        totals.regions.map((r) => r.campaignId),
        totals.regions.map((r) => r.code),
        totals.regions.map((r) => r.n),
        totals.regions.map((r) => r.sum),
        puts.map((m) => m.userId),
        puts.map((m) => m.questionId),
        puts.map((m) => m.wrongCount),
        puts.map((m) => m.streak),
        puts.map((m) => m.lastWrongAt),
        removes.map((r) => r.userId),
        removes.map((r) => r.questionId),
        touches.map((t) => t.tokenHash),
        touches.map((t) => t.at),
        writes.map((w) => w.next.campaignId),
        writes.map((w) => w.next.score),
        writes.map((w) => timeSec(w.next.timeUsedMs)),
        writes.map((w) => timeSec(w.next.timeUsedMs) * 1000),
        writes.map((w) => w.next.timeUsedMs),
        writes.map((w) => w.next.finishedAt),
        writes.length,
      ]),
    )
    return serialAheads(writes, rows[0].ahead.map(Number))
  }

  /** a start's reads in one statement (START_READS), under the user's lock */
  async startReads(userId: string, campaignId: string, from: Date, to: Date): Promise<StartReads> {
    const row = (await START_READS.run(this, [userId, campaignId, from.toISOString(), to.toISOString()])).rows[0]
    if (!row) return { profile: { hideName: false }, today: 0 }
    return {
      ...(row.id !== null ? { running: attemptFrom(row as AttemptRow) } : {}),
      profile: { ...(row.profile_region_code ? { regionCode: row.profile_region_code } : {}), hideName: row.profile_hide_name === 1 },
      today: Number(row.today ?? 0),
    }
  }

  /** the attempt with status `active` (there is at most one), whatever its deadline */
  async activeAttempt(userId: string, campaignId: string): Promise<AttemptRecord | undefined> {
    const row = await this.executor
      .selectFrom('quiz_attempts')
      .select(ATTEMPT_COLUMNS)
      .where('user_id', '=', userId)
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'active')
      .executeTakeFirst()
    return row && attemptFrom(row)
  }

  /** attempts started in [from, to) */
  async countAttemptsStarted(userId: string, campaignId: string, from: Date, to: Date): Promise<number> {
    const row = await this.executor
      .selectFrom('quiz_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('campaign_id', '=', campaignId)
      .where('started_at', '>=', from.toISOString())
      .where('started_at', '<', to.toISOString())
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /**
   * Closes a running attempt: writes status, answers and result fields, only if it is still
   * `active` (the state transition itself refuses a second close). False when it was not.
   */
  async finishAttempt(a: AttemptRecord): Promise<boolean> {
    const result = await FINISH_ATTEMPT.run(this, [
      a.status,
      a.answers ? JSON.stringify(a.answers) : null,
      a.score ?? null,
      a.correctCount ?? null,
      a.timeUsedMs ?? null,
      a.submittedAt ?? null,
      a.id,
    ])
    return Number(result.numAffectedRows) === 1
  }

  // --- standings and boards ------------------------------------------------------------------

  async getStanding(campaignId: string, userId: string): Promise<Standing | undefined> {
    const row = (await GET_STANDING.run(this, [campaignId, userId])).rows[0]
    return row && standingFrom(row)
  }

  /** replaces the user's standing and moves the score and region totals from `previous` to `next` */
  async saveStanding(next: Standing, previous: Standing | undefined): Promise<void> {
    await this.transaction(async (tx) => {
      await SAVE_STANDING.run(tx, [
        next.campaignId,
        next.userId,
        next.attemptId,
        next.score,
        next.timeUsedMs,
        next.finishedAt,
        next.countyCode ?? null,
        next.townshipCode ?? null,
      ])
      await tx.moveTotals(previous, next)
    })
  }

  /**
   * Moves the score, second and region totals from `previous` to `next` as net changes, each table's
   * rows in key order. Every submit locks these shared rows in the same order (tables, then keys),
   * so two submits on PostgreSQL wait for each other but never deadlock; a row whose net change is
   * nothing is not touched.
   */
  private async moveTotals(previous: Standing | undefined, next: Standing | undefined) {
    const moves = totalMoves([{ previous, next }])
    if (moves.scores.length > 0) {
      await ADD_SCORE_COUNTS.run(
        this,
        moves.scores.flatMap((r) => [r.campaignId, r.score, r.n]),
        moves.scores.length,
      )
    }
    if (moves.seconds.length > 0) {
      await ADD_TIME_COUNTS.run(
        this,
        moves.seconds.flatMap((r) => [r.campaignId, r.score, r.sec, r.n]),
        moves.seconds.length,
      )
    }
    if (moves.regions.length > 0) {
      await ADD_REGION_TOTALS.run(
        this,
        moves.regions.flatMap((r) => [r.campaignId, r.code, r.n, r.sum]),
        moves.regions.length,
      )
    }
  }

  /**
   * Before an account merge moves `fromId`'s rows to `intoId` (identity's bindMobile, inside its
   * transaction): where both have a standing in a campaign, `fromId`'s is dropped (the kept
   * account's stands, as the merge keeps the kept account's row of every one-per-user table) and
   * the score, second and region totals lose it, so the board's participants and ranks stay the
   * sums over the standings. The other standings move with the merge, totals unchanged.
   */
  async dropMergedStandings(fromId: string, intoId: string): Promise<void> {
    await this.transaction(async (tx) => {
      const rows = await tx.executor
        .selectFrom('quiz_standings')
        .select(STANDING_COLUMNS)
        .where('user_id', '=', fromId)
        .where('campaign_id', 'in', (eb) => eb.selectFrom('quiz_standings as kept').select('kept.campaign_id').where('kept.user_id', '=', intoId))
        .orderBy('campaign_id')
        .execute()
      for (const row of rows) {
        const dropped = standingFrom(row)
        await tx.executor.deleteFrom('quiz_standings').where('campaign_id', '=', dropped.campaignId).where('user_id', '=', fromId).execute()
        await tx.moveTotals(dropped, undefined)
      }
    })
  }

  /**
   * The person board in one call: the top `limit` standings in board order, the caller's standing
   * with the number ranked strictly above it, and how many take part. (One method, so the board can
   * be served from elsewhere — a Redis sorted set — without touching the rules.)
   */
  async personBoard(campaignId: string, limit: number, userId?: string): Promise<PersonBoard> {
    const [top, standing, total] = await Promise.all([
      this.topStandings(campaignId, limit),
      userId ? this.getStanding(campaignId, userId) : undefined,
      this.countStandings(campaignId),
    ])
    const mine = standing && { ...standing, ahead: await this.countAhead(campaignId, standing) }
    return { top, ...(mine ? { mine } : {}), total }
  }

  /** in board order */
  async topStandings(campaignId: string, limit: number): Promise<BoardEntry[]> {
    const rows = await this.executor
      .selectFrom('quiz_standings as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('quiz_profiles as p', 'p.user_id', 's.user_id')
      .select([
        's.campaign_id',
        's.user_id',
        's.attempt_id',
        's.score',
        's.time_used_ms',
        's.finished_at',
        's.county_code',
        's.township_code',
        'u.nickname',
        'p.hide_name',
        'p.region_code',
      ])
      .where('s.campaign_id', '=', campaignId)
      .orderBy('s.score', 'desc')
      .orderBy('s.time_used_ms')
      .orderBy('s.finished_at')
      .orderBy('s.user_id')
      .limit(limit)
      .execute()
    return rows.map((r) => ({
      ...standingFrom(r),
      nickname: r.nickname,
      hideName: r.hide_name === 1,
      ...(r.region_code ? { regionCode: r.region_code } : {}),
    }))
  }

  /** how many standings rank strictly above `s` */
  async countAhead(campaignId: string, s: Pick<Standing, 'score' | 'timeUsedMs' | 'finishedAt'>): Promise<number> {
    const second = timeSec(s.timeUsedMs)
    const { rows } = await COUNT_AHEAD.run(this, [campaignId, s.score, second, second * 1000, s.timeUsedMs, s.finishedAt])
    return Number(rows[0].n)
  }

  /** participants: the sum of the per-score counts (a dozen rows), not a count over every standing */
  async countStandings(campaignId: string): Promise<number> {
    const row = await this.executor
      .selectFrom('quiz_score_counts')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('participants'), eb.lit(0)).as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async regionTotals(campaignId: string): Promise<RegionTotal[]> {
    const rows = await this.executor
      .selectFrom('quiz_region_totals')
      .select(['region_code', 'participants', 'score_sum'])
      .where('campaign_id', '=', campaignId)
      .where('participants', '>', 0)
      .execute()
    return rows.map((r) => ({ regionCode: r.region_code, participants: r.participants, scoreSum: r.score_sum }))
  }

  // --- the 错题本 -------------------------------------------------------------------------------

  async getMistake(userId: string, questionId: string): Promise<MistakeRecord | undefined> {
    const r = await this.executor
      .selectFrom('quiz_mistakes')
      .select(['question_id', 'wrong_count', 'streak', 'last_wrong_at'])
      .where('user_id', '=', userId)
      .where('question_id', '=', questionId)
      .executeTakeFirst()
    return r && mistakeOf(userId, r)
  }

  /** the user's mistakes among these questions, by question id (one read for a whole attempt) */
  async mistakesAmong(userId: string, questionIds: readonly string[]): Promise<Map<string, MistakeRecord>> {
    if (questionIds.length === 0) return new Map()
    const { rows } = await MISTAKES_AMONG.run(this, [userId, ...questionIds], questionIds.length)
    return new Map(rows.map((r) => [r.question_id, mistakeOf(userId, r)]))
  }

  async putMistake(m: MistakeRecord): Promise<void> {
    await this.putMistakes([m])
  }

  /** several at once (one statement): a submit's wrong answers */
  async putMistakes(records: readonly MistakeRecord[]): Promise<void> {
    if (records.length === 0) return
    await PUT_MISTAKES.run(
      this,
      records.flatMap((m) => [m.userId, m.questionId, m.wrongCount, m.streak, m.lastWrongAt]),
      records.length,
    )
  }

  async deleteMistake(userId: string, questionId: string): Promise<void> {
    await this.deleteMistakes(userId, [questionId])
  }

  /** several at once (one statement): a submit's questions answered right twice in a row */
  async deleteMistakes(userId: string, questionIds: readonly string[]): Promise<void> {
    if (questionIds.length === 0) return
    await DELETE_MISTAKES.run(this, [userId, ...questionIds], questionIds.length)
  }

  /** newest mistake first */
  async listMistakes(userId: string): Promise<MistakeRecord[]> {
    const rows = await this.executor
      .selectFrom('quiz_mistakes')
      .select(['question_id', 'wrong_count', 'streak', 'last_wrong_at'])
      .where('user_id', '=', userId)
      .execute()
    // ordered here: the same order on both databases whatever their collation
    return rows
      .map((r) => mistakeOf(userId, r))
      .sort((a, b) =>
        a.lastWrongAt > b.lastWrongAt ? -1 : a.lastWrongAt < b.lastWrongAt ? 1 : a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0,
      )
  }

  // --- regions, idempotency ------------------------------------------------------------------

  /** 常住人口 given for regions (codes without a figure are derived by the rules) */
  async residentFigures(): Promise<Record<string, number>> {
    const rows = await this.executor.selectFrom('quiz_region_residents').select(['region_code', 'residents']).execute()
    return Object.fromEntries(rows.map((r) => [r.region_code, r.residents]))
  }

  /** the fixtures' figures, once, for regions that exist (a second open, or instance, changes nothing) */
  async seedResidents(fixtures: Fixtures): Promise<void> {
    const entries = Object.entries(fixtures.residents ?? {})
    if (entries.length === 0) return
    const any = await this.executor.selectFrom('quiz_region_residents').select('region_code').limit(1).executeTakeFirst()
    if (any) return
    const known = new Set(
      (
        await this.executor
          .selectFrom('regions')
          .select('code')
          .where(
            'code',
            'in',
            entries.map(([code]) => code),
          )
          .execute()
      ).map((r) => r.code),
    )
    const rows = entries.filter(([code]) => known.has(code)).map(([code, n]) => ({ region_code: code, residents: n }))
    if (rows.length === 0) return
    await this.executor
      .insertInto('quiz_region_residents')
      .values(rows)
      .onConflict((oc) => oc.column('region_code').doNothing())
      .execute()
  }

  async findIdempotencyRecord(userId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.executor
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response_status', 'response_body', 'created_at'])
      .where('user_id', '=', userId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    return row && { requestHash: row.request_hash, status: row.response_status, body: JSON.parse(row.response_body) as unknown, createdAt: row.created_at }
  }

  /** inserts the record; callers hold the user's lock, so no second request with the key is between their read and this */
  async remember(userId: string, scope: string, key: string, r: IdempotencyRecord): Promise<void> {
    await this.executor
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        scope,
        key,
        request_hash: r.requestHash,
        response_status: r.status,
        response_body: JSON.stringify(r.body),
        created_at: r.createdAt,
      })
      .execute()
  }

  /**
   * A campaign's standings in user order, `limit` at a time after `afterUserId` (keyset on the
   * primary key): what the Redis board's sync pages through (server/modules/quiz/boards.ts).
   */
  async standingsPage(campaignId: string, limit: number, afterUserId?: string): Promise<Standing[]> {
    let query = this.executor.selectFrom('quiz_standings').select(STANDING_COLUMNS).where('campaign_id', '=', campaignId)
    if (afterUserId !== undefined) query = query.where('user_id', '>', afterUserId)
    const rows = await query.orderBy('user_id').limit(limit).execute()
    return rows.map(standingFrom)
  }
}
