/**
 * The benchmarks' bulk loader: a campaign's submitted attempts by many residents, written straight
 * into the tables (users, quiz_attempts, quiz_standings, the score, second and region totals and
 * the residents' 错题本), as the quiz service would leave them, without going through the service one attempt at a time.
 *   - SQLite: one transaction, one prepared statement per table (synchronous=OFF during the load);
 *   - PostgreSQL: one transaction, `INSERT … SELECT * FROM unnest($1::text[], …)` with 10,000 rows
 *     a statement (a dozen parameters instead of one per value).
 * Standings follow the campaign's rule (standing.ts's countedStanding); the totals are the sums over
 * the standings, added to what the campaign already had (ON CONFLICT … + excluded). Every attempt
 * uses the template's questions (one real attempt's JSON): the tables hold real shapes and sizes.
 * `running` adds residents with a session each and an active attempt started now (deadline hours
 * ahead, so a measurement may start minutes later): what a submit benchmark posts.
 * Only for a database made for the run, while nothing else writes to it.
 */
import { hashSessionToken, newSessionToken } from '../../server/modules/auth/session-token'
import { nextMistake } from '../../server/modules/quiz/mistakes'
import { countedStanding, type ScoreCounts } from '../../server/modules/quiz/standing'
import type { AttemptQuestion, MistakeRecord, Standing } from '../../server/modules/quiz/types'
import type { Db } from '../../server/db/database'
import { displayKeys, optionOrder, selectQuestions } from '../../server/modules/quiz/select'
import type { Store } from '../../server/store/store'

export interface BulkLoadOptions {
  campaignId: string
  scoreCounts: ScoreCounts
  /** submitted attempts to load */
  attempts: number
  /** attempts per resident, one a day over the last `perUser` days (within a daily limit) */
  perUser: number
  /** village (or township) codes the residents answer for */
  regions: readonly string[]
  /** one real attempt's questions, used by every loaded attempt */
  questions: readonly AttemptQuestion[]
  /** residents with a session and a running attempt, for a submit benchmark */
  running?: number
  /** ids and names start with it (several loads into one database must differ) */
  prefix?: string
  now?: Date
  seed?: number
  /**
   * false: no 错题本 rows, and on PostgreSQL quiz_mistakes is left out of the closing VACUUM
   * (ANALYZE), never analyzed, as in a deployment's first campaign (everything else analyzed, as
   * autovacuum would have). Default true: the residents' 错题本 as their attempts left it
   */
  mistakes?: boolean
}

export interface Running {
  token: string
  attemptId: string
}

export interface BulkLoadResult {
  users: number
  attempts: number
  standings: number
  running: Running[]
  /** 错题本 rows the loaded attempts left */
  mistakes: number
  ms: number
}

type Kind = 'text' | 'int'
interface Table {
  name: string
  columns: [string, Kind][]
  /** ON CONFLICT clause (the totals add up) */
  conflict?: string
}

const USERS: Table = {
  name: 'users',
  columns: [
    ['id', 'text'],
    ['provider', 'text'],
    ['external_id', 'text'],
    ['nickname', 'text'],
    ['role', 'text'],
    ['region_code', 'text'],
    ['created_at', 'text'],
  ],
}
const ATTEMPTS: Table = {
  name: 'quiz_attempts',
  columns: [
    ['id', 'text'],
    ['user_id', 'text'],
    ['campaign_id', 'text'],
    ['started_at', 'text'],
    ['deadline', 'text'],
    ['status', 'text'],
    ['questions', 'text'],
    ['region_code', 'text'],
    ['county_code', 'text'],
    ['township_code', 'text'],
    ['answers', 'text'],
    ['score', 'int'],
    ['correct_count', 'int'],
    ['time_used_ms', 'int'],
    ['submitted_at', 'text'],
  ],
}
const STANDINGS: Table = {
  name: 'quiz_standings',
  columns: [
    ['campaign_id', 'text'],
    ['user_id', 'text'],
    ['attempt_id', 'text'],
    ['score', 'int'],
    ['time_used_ms', 'int'],
    ['finished_at', 'text'],
    ['county_code', 'text'],
    ['township_code', 'text'],
  ],
}
const MISTAKES: Table = {
  name: 'quiz_mistakes',
  columns: [
    ['user_id', 'text'],
    ['question_id', 'text'],
    ['wrong_count', 'int'],
    ['streak', 'int'],
    ['last_wrong_at', 'text'],
  ],
}
const SESSIONS: Table = {
  name: 'sessions',
  columns: [
    ['token_hash', 'text'],
    ['user_id', 'text'],
    ['created_at', 'text'],
    ['expires_at', 'text'],
    ['id', 'text'],
    ['last_seen_at', 'text'],
  ],
}
const SCORE_COUNTS: Table = {
  name: 'quiz_score_counts',
  columns: [
    ['campaign_id', 'text'],
    ['score', 'int'],
    ['participants', 'int'],
  ],
  conflict: 'ON CONFLICT (campaign_id, score) DO UPDATE SET participants = quiz_score_counts.participants + excluded.participants',
}
const TIME_COUNTS: Table = {
  name: 'quiz_time_counts',
  columns: [
    ['campaign_id', 'text'],
    ['score', 'int'],
    ['time_sec', 'int'],
    ['participants', 'int'],
  ],
  conflict: 'ON CONFLICT (campaign_id, score, time_sec) DO UPDATE SET participants = quiz_time_counts.participants + excluded.participants',
}
const REGION_TOTALS: Table = {
  name: 'quiz_region_totals',
  columns: [
    ['campaign_id', 'text'],
    ['region_code', 'text'],
    ['participants', 'int'],
    ['score_sum', 'int'],
  ],
  conflict:
    'ON CONFLICT (campaign_id, region_code) DO UPDATE SET participants = quiz_region_totals.participants + excluded.participants, score_sum = quiz_region_totals.score_sum + excluded.score_sum',
}

type Row = (string | number | null)[]

/** writes rows of one table; `flush` ends the load (commit) */
interface Writer {
  write(table: Table, rows: Row[]): Promise<void>
}

const PG_ROWS_PER_STATEMENT = 10_000

async function withWriter(db: Db, load: (w: Writer) => Promise<void>): Promise<void> {
  if (db.dialect === 'sqlite') {
    const sqlite = db.sqlite!
    const statements = new Map<string, ReturnType<typeof sqlite.prepare>>()
    const insert = (t: Table) => {
      let s = statements.get(t.name)
      if (!s) {
        const cols = t.columns.map(([c]) => c)
        s = sqlite.prepare(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ${t.conflict ?? ''}`)
        statements.set(t.name, s)
      }
      return s
    }
    sqlite.pragma('synchronous = OFF')
    sqlite.exec('BEGIN')
    try {
      await load({
        async write(t, rows) {
          const s = insert(t)
          for (const r of rows) s.run(r)
        },
      })
      sqlite.exec('COMMIT')
    } catch (err) {
      sqlite.exec('ROLLBACK')
      throw err
    } finally {
      sqlite.pragma('synchronous = FULL')
    }
    return
  }
  const client = await db.pool!.connect()
  try {
    await client.query('BEGIN')
    await load({
      async write(t, rows) {
        const cols = t.columns.map(([c]) => c)
        const casts = t.columns.map(([, kind], i) => `$${i + 1}::${kind === 'int' ? 'int8' : 'text'}[]`)
        const text = `INSERT INTO ${t.name} (${cols.join(', ')}) SELECT * FROM unnest(${casts.join(', ')}) ${t.conflict ?? ''}`
        for (let first = 0; first < rows.length; first += PG_ROWS_PER_STATEMENT) {
          const chunk = rows.slice(first, first + PG_ROWS_PER_STATEMENT)
          await client.query(
            text,
            cols.map((_, k) => chunk.map((r) => r[k])),
          )
        }
      },
    })
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** 0 … n-1 in a random order (Fisher–Yates) */
function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

/** a seeded generator (mulberry32): the same data set on every run */
export function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86_400_000
const USERS_PER_CHUNK = 5_000

/** county and township of a region code (codes nest by prefix: 331002 / 331002001 / 331002001003) */
const countyOf = (code: string) => (code.length >= 6 ? code.slice(0, 6) : null)
const townshipOf = (code: string) => (code.length >= 9 ? code.slice(0, 9) : null)

export async function bulkLoadAttempts(db: Db, o: BulkLoadOptions): Promise<BulkLoadResult> {
  const started = Date.now()
  const now = o.now ?? new Date()
  const prefix = o.prefix ?? 'bulk-'
  const random = seeded(o.seed ?? 6)
  const questions = JSON.stringify(o.questions)
  const perQuestion = 100 / o.questions.length
  const users = Math.ceil(o.attempts / o.perUser)
  const scores = new Map<number, number>()
  const seconds = new Map<string, [number, number, number]>()
  const regions = new Map<string, [number, number]>()
  let standingCount = 0
  let mistakeCount = 0
  const running: Running[] = []

  await withWriter(db, async (w) => {
    let loaded = 0
    for (let first = 0; first < users; first += USERS_PER_CHUNK) {
      const userRows: Row[] = []
      const attemptRows: Row[] = []
      const standingRows: Row[] = []
      const mistakeRows: Row[] = []
      for (let u = first; u < Math.min(users, first + USERS_PER_CHUNK); u++) {
        const userId = `${prefix}u${u}`
        const region = o.regions[Math.floor(random() * o.regions.length)]
        const county = countyOf(region)
        const township = townshipOf(region)
        userRows.push([userId, 'dev', `resident:${prefix}${u}`, `居民${u}`, 'resident', region, new Date(now.getTime() - o.perUser * DAY).toISOString()])
        let standing: Standing | undefined
        const book = new Map<string, MistakeRecord>()
        for (let k = 0; k < o.perUser && loaded < o.attempts; k++, loaded++) {
          const startedAt = now.getTime() - (o.perUser - k) * DAY + Math.floor(random() * 6 * 3600_000)
          const timeUsedMs = 30_000 + Math.floor(random() * 170_000)
          const correct = Math.min(o.questions.length, Math.floor(random() * (o.questions.length + 1)))
          const score = Math.round(correct * perQuestion)
          const attemptId = `${prefix}a${u}-${k}`
          const submittedAt = new Date(startedAt + timeUsedMs).toISOString()
          // the 错题本 as the submits left it: `correct` of the questions, drawn at random, right
          const right = new Set(shuffled(o.questions.length, random).slice(0, correct))
          o.questions.forEach((q, i) => {
            const change = nextMistake(book.get(q.id), userId, q.id, right.has(i), new Date(submittedAt))
            if (change.kind === 'put') book.set(q.id, change.record)
            else if (change.kind === 'remove') book.delete(q.id)
          })
          attemptRows.push([
            attemptId,
            userId,
            o.campaignId,
            new Date(startedAt).toISOString(),
            new Date(startedAt + o.questions.length * 20_000 + 60_000).toISOString(),
            'submitted',
            questions,
            region,
            county,
            township,
            '{}',
            score,
            correct,
            timeUsedMs,
            submittedAt,
          ])
          const candidate: Standing = {
            campaignId: o.campaignId,
            userId,
            attemptId,
            score,
            timeUsedMs,
            finishedAt: submittedAt,
            ...(county ? { countyCode: county } : {}),
            ...(township ? { townshipCode: township } : {}),
          }
          standing = countedStanding(standing, candidate, o.scoreCounts)
        }
        if (o.mistakes !== false) for (const m of book.values()) mistakeRows.push([m.userId, m.questionId, m.wrongCount, m.streak, m.lastWrongAt])
        if (!standing) continue
        const s = standing
        standingRows.push([s.campaignId, s.userId, s.attemptId, s.score, s.timeUsedMs, s.finishedAt, s.countyCode ?? null, s.townshipCode ?? null])
        standingCount++
        scores.set(s.score, (scores.get(s.score) ?? 0) + 1)
        const sec = Math.floor(s.timeUsedMs / 1000)
        const key = `${s.score}:${sec}`
        const t = seconds.get(key) ?? [s.score, sec, 0]
        t[2]++
        seconds.set(key, t)
        for (const code of [s.countyCode, s.townshipCode]) {
          if (!code) continue
          const r = regions.get(code) ?? [0, 0]
          r[0]++
          r[1] += s.score
          regions.set(code, r)
        }
      }
      await w.write(USERS, userRows)
      await w.write(ATTEMPTS, attemptRows)
      await w.write(STANDINGS, standingRows)
      await w.write(MISTAKES, mistakeRows)
      mistakeCount += mistakeRows.length
    }
    const c = o.campaignId
    await w.write(
      SCORE_COUNTS,
      [...scores].map(([score, n]) => [c, score, n]),
    )
    await w.write(
      TIME_COUNTS,
      [...seconds.values()].map(([score, sec, n]) => [c, score, sec, n]),
    )
    await w.write(
      REGION_TOTALS,
      [...regions].map(([code, [n, sum]]) => [c, code, n, sum]),
    )

    // residents with a session and a running attempt each
    const count = o.running ?? 0
    const at = now.toISOString()
    const deadline = new Date(now.getTime() + 6 * 3600_000).toISOString()
    const expires = new Date(now.getTime() + 7 * DAY).toISOString()
    for (let first = 0; first < count; first += USERS_PER_CHUNK) {
      const userRows: Row[] = []
      const sessionRows: Row[] = []
      const attemptRows: Row[] = []
      for (let i = first; i < Math.min(count, first + USERS_PER_CHUNK); i++) {
        const userId = `${prefix}r${i}`
        const region = o.regions[i % o.regions.length]
        const token = newSessionToken()
        const attemptId = `${prefix}run${i}`
        userRows.push([userId, 'dev', `resident:${prefix}run-${i}`, `答题者${i}`, 'resident', region, at])
        sessionRows.push([hashSessionToken(token), userId, at, expires, `${prefix}s${i}`, at])
        attemptRows.push([
          attemptId,
          userId,
          o.campaignId,
          at,
          deadline,
          'active',
          questions,
          region,
          countyOf(region),
          townshipOf(region),
          null,
          null,
          null,
          null,
          null,
        ])
        running.push({ token, attemptId })
      }
      await w.write(USERS, userRows)
      await w.write(SESSIONS, sessionRows)
      await w.write(ATTEMPTS, attemptRows)
    }
  })
  // VACUUM too, as autovacuum would have long before a real campaign's peak: it sets the rows' hint
  // bits and the visibility map once, which the first submits after a bulk load otherwise do a page
  // at a time (the first bench:quiz run on fresh data read 2–4× PostgreSQL's CPU per submit of the next; with
  // VACUUM 1.5× — 1.51 against 0.92 ms at 100,000 attempts, batches on; a CHECKPOINT after it changed nothing)
  if (db.dialect === 'postgres') {
    if (o.mistakes !== false) await db.pool!.query('VACUUM (ANALYZE)')
    else {
      const { rows } = await db.pool!.query<{ name: string }>(
        `SELECT quote_ident(relname) AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> 'quiz_mistakes'`,
      )
      // an empty list would make a bare VACUUM (ANALYZE), quiz_mistakes with it
      if (rows.length === 0) throw new Error('bulk load: no tables found to VACUUM (ANALYZE)')
      await db.pool!.query(`VACUUM (ANALYZE) ${rows.map((r) => r.name).join(', ')}`)
    }
  }
  return {
    users: users + running.length,
    attempts: Math.min(o.attempts, users * o.perUser),
    standings: standingCount,
    running,
    mistakes: mistakeCount,
    ms: Date.now() - started,
  }
}

/**
 * A campaign's rule, one attempt's questions drawn as startAttempt draws them, and the body of a
 * submit of those questions (display keys, the first option of each): what the loader and a submit
 * benchmark need.
 */
export async function campaignTemplate(store: Store, campaignId: string, seed = 7) {
  const campaign = await store.quiz.getCampaign(campaignId)
  if (!campaign) throw new Error(`no campaign ${campaignId}`)
  const random = seeded(seed)
  const picked = selectQuestions(await store.quiz.campaignQuestions(campaignId), campaign.rules.questionsPerAttempt, random)
  const questions = picked.map((q) => optionOrder(q, random))
  const answers = Object.fromEntries(picked.map((q, i) => [q.id, [displayKeys(q)[i % q.options.length]]]))
  return { scoreCounts: campaign.rules.scoreCounts, questions, submitBody: JSON.stringify({ answers }) }
}
