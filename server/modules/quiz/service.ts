/**
 * The quiz's use cases: each reads, applies the rules of this folder and writes inside one
 * `store.quiz.transaction` that first locks the user's row (repository.ts says why), so a submit is
 * one transaction (attempt, standing, totals, 错题本) on SQLite and PostgreSQL alike.
 * Errors are the API's (Chinese messages): routes only pass them on.
 */
import { randomInt, randomUUID } from 'node:crypto'
import type {
  Attempt,
  AttemptResult,
  AttemptView,
  Campaign,
  CampaignMe,
  Leaderboard,
  LeaderboardRow,
  LeaderboardScope,
  MistakeGroup,
  PracticeFeedback,
  PracticeQuestion,
  QuizProfile,
  QuizQuestionOutcome,
  QuizQuestionReview,
  QuizReviewItem,
  Region,
  User,
} from '../../../common/contract'
import { ApiError, badRequest, conflict, forbidden, idempotencyKeyReused, notFound, sessionEnded } from '../../errors'
import type { SessionKey } from '../auth/session-token'
import { integrityOf } from '../contest-integrity/repository'
import { keysRevealedAt, keyVerdict, PRACTICE_REFUSALS, practiceVerdict, type QuestionLocks } from '../contest-integrity/rules'
import { requestHash } from '../idempotency'
import type { Store } from '../../store/store'
import type { PersonBoardRead, RedisBoards } from './boards'
import type { QuizRepository, SubmitReads, SubmitWrite } from './repository'
import { attemptsLeft, canStart, START_REFUSAL_MESSAGES } from './limits'
import { type MistakeChange, nextMistake } from './mistakes'
import { countyOf, markTies, regionalBoard, regionWithin, residentsByRegion, townshipOf } from './regions'
import { isCorrect, MAX_SCORE, scoreAttempt, type Scored } from './score'
import { isDisplayKey, optionOrder, presentQuestion, selectByQuota, selectQuestions, shuffle } from './select'
import { assignRanks, countedStanding, rankOf } from './standing'
import { attemptDeadline, GRACE_SEC, secondsOf, shanghaiDay, timeUsedMs, withinGrace } from './time'
import type { AttemptRecord, MistakeRecord, QuestionKey, Random, Standing } from './types'

export const BOARD_SIZE = 100
export const PRACTICE_COUNT = 10
export const HIDDEN_NAME = '匿名用户'

/** a crypto-strength Math.random for drawing questions */
export const secureRandom: Random = () => randomInt(0, 2 ** 47) / 2 ** 47

export class AttemptExpired extends ApiError {
  constructor() {
    super(409, 'conflict', '答题时间已过，本次提交未被受理')
  }
}

interface RegionIndex {
  names: Map<string, string>
  levels: Map<string, Region['level']>
  tree: Region[]
}

const regionCache = new WeakMap<Store, RegionIndex>()

function regionIndex(store: Store): RegionIndex {
  let index = regionCache.get(store)
  if (!index) {
    const tree = store.regionTree()
    const names = new Map<string, string>()
    const levels = new Map<string, Region['level']>()
    const walk = (nodes: Region[]) =>
      nodes.forEach((r) => {
        names.set(r.code, r.name)
        levels.set(r.code, r.level)
        walk(r.children ?? [])
      })
    walk(tree)
    index = { names, levels, tree }
    regionCache.set(store, index)
  }
  return index
}

async function campaignOr404(quiz: QuizRepository, id: string): Promise<Campaign> {
  const c = await quiz.getCampaign(id)
  if (!c) throw notFound('找不到该知识竞赛')
  return c
}

/** a township or village that exists: the boards need at least the township */
export function validRegion(store: Store, code: string): string {
  const level = regionIndex(store).levels.get(code)
  if (level !== 'township' && level !== 'village') throw badRequest('请选择所在乡镇（街道）或村（社区）')
  return code
}

export function regionLabel(store: Store, code: string | undefined): string | undefined {
  if (!code) return undefined
  const { names } = regionIndex(store)
  const parts = [countyOf(code), townshipOf(code)].filter((c): c is string => !!c).map((c) => names.get(c) ?? '')
  return parts.filter(Boolean).join(' · ') || undefined
}

async function toAttempt(quiz: QuizRepository, a: AttemptRecord, secondsPerQuestion: number): Promise<Attempt> {
  const keys = await quiz.questionKeys(a.questions.map((q) => q.id))
  return {
    id: a.id,
    campaignId: a.campaignId,
    startedAt: a.startedAt,
    deadline: a.deadline,
    questions: a.questions.map((aq) => presentQuestion(keys.get(aq.id)!, aq)),
    secondsPerQuestion,
    graceSec: GRACE_SEC,
    status: a.status,
    serverNow: quiz.now().toISOString(),
  }
}

/** a review item with its key withheld: built from an allowlist, so no key field can slip through */
function outcomeOnly(r: QuizQuestionReview): QuizQuestionOutcome {
  return { id: r.id, type: r.type, stem: r.stem, options: r.options, topic: r.topic, chosen: r.chosen, isCorrect: r.isCorrect }
}

/**
 * The result of a submitted attempt, the same on the submit, its replays and GET /attempts/:id.
 * While a campaign using a question is upcoming or running (or the caller's running attempt holds
 * it), its review item carries only what was chosen and whether it was right; the keys and
 * explanations come once the last such campaign has ended (server/modules/contest-integrity/rules.ts).
 * `quiz` may be a transaction's repository: every read runs on it.
 */
async function resultOf(
  store: Store,
  quiz: QuizRepository,
  a: AttemptRecord,
  userId: string,
  already?: Scored,
  /** the user's standing when the caller has read it (null: there is none) */
  counted?: Standing | null,
  /** what the caller already knows: the user's locks now, and how many rank strictly ahead of `counted` */
  known?: { locks?: QuestionLocks; ahead?: number },
): Promise<AttemptResult> {
  const scored = already ?? scoreAttempt(a.questions, await quiz.questionKeys(a.questions.map((q) => q.id)), a.answers ?? {})
  const standing = counted === undefined ? await quiz.getStanding(a.campaignId, userId) : (counted ?? undefined)
  const locks = known?.locks ?? (await integrityOf(store).locksFor(userId, quiz.now(), quiz.executor))
  const withheld: string[] = []
  const review: QuizReviewItem[] = scored.review.map((r) => {
    if (keyVerdict(r.id, locks) === 'open') return r
    withheld.push(r.id)
    return outcomeOnly(r)
  })
  const until = withheld.length > 0 ? keysRevealedAt(withheld, locks) : undefined
  return {
    attemptId: a.id,
    campaignId: a.campaignId,
    score: a.score ?? scored.score,
    maxScore: MAX_SCORE,
    correctCount: a.correctCount ?? scored.correctCount,
    total: scored.total,
    timeUsedSec: secondsOf(a.timeUsedMs ?? 0),
    submittedAt: a.submittedAt ?? a.deadline,
    ...(standing ? { rank: rankOf(known?.ahead ?? (await quiz.countAhead(a.campaignId, standing))), countedScore: standing.score } : {}),
    review,
    ...(withheld.length > 0 ? { keyWithheld: { questions: withheld.length, ...(until ? { until } : {}) } } : {}),
  }
}

/** marks a running attempt past its deadline and grace as expired; true when it did */
async function expireIfLate(quiz: QuizRepository, a: AttemptRecord, now: Date): Promise<boolean> {
  if (a.status !== 'active' || withinGrace(a.deadline, now)) return false
  await quiz.finishAttempt({ ...a, status: 'expired' })
  return true
}

export async function getProfile(store: Store, userId: string): Promise<QuizProfile> {
  return store.quiz.getProfile(userId)
}

export async function saveProfile(store: Store, userId: string, patch: Partial<QuizProfile>): Promise<QuizProfile> {
  if (patch.regionCode !== undefined) validRegion(store, patch.regionCode)
  return store.quiz.transaction(async (tx) => {
    await tx.lockUser(userId)
    const current = await tx.getProfile(userId)
    return tx.saveProfile(userId, { ...current, ...patch })
  })
}

export interface StartResult {
  attempt: Attempt
  resumed: boolean
}

/**
 * Starts an attempt, or resumes the running one. The region is the body's (saved as the user's),
 * else the saved one, else the account's. Under the user's lock (repository.ts), so two starts at
 * once see each other: the second resumes the first's attempt, and the day's count is exact.
 */
export async function startAttempt(
  store: Store,
  user: User,
  campaignId: string,
  body: { regionCode?: string },
  random: Random = secureRandom,
): Promise<StartResult> {
  const campaign = await campaignOr404(store.quiz, campaignId)
  if (body.regionCode !== undefined) validRegion(store, body.regionCode)
  const secondsPerQuestion = campaign.rules.secondsPerQuestion
  const outcome = await store.quiz.transaction(async (tx): Promise<StartResult | ApiError> => {
    await tx.lockUser(user.id)
    const now = tx.now()
    const day = shanghaiDay(now)
    // the running attempt, the settings and the day's count in one read
    const { running, profile, today } = await tx.startReads(user.id, campaignId, day.start, day.end)
    if (running && !(await expireIfLate(tx, running, now))) return { attempt: await toAttempt(tx, running, secondsPerQuestion), resumed: true }

    const regionCode = body.regionCode ?? profile.regionCode ?? user.regionCode
    const decision = canStart(campaign, regionCode, today)
    if (!decision.ok) {
      const message = START_REFUSAL_MESSAGES[decision.reason]
      return decision.reason === 'no-region' || decision.reason === 'not-eligible' ? badRequest(message) : conflict(message)
    }
    if (body.regionCode !== undefined && body.regionCode !== profile.regionCode) {
      await tx.saveProfile(user.id, { ...profile, regionCode: body.regionCode })
    }
    const pool = await tx.campaignQuestions(campaignId)
    const perTopic = campaign.rules.perTopic
    const picked = perTopic ? selectByQuota(pool, perTopic, random) : selectQuestions(pool, campaign.rules.questionsPerAttempt, random)
    if (picked.length === 0) return conflict('本竞赛暂无题目')
    const record: AttemptRecord = {
      id: randomUUID(),
      userId: user.id,
      campaignId,
      startedAt: now.toISOString(),
      deadline: attemptDeadline(now, picked.length, secondsPerQuestion).toISOString(),
      status: 'active',
      questions: picked.map((q) => optionOrder(q, random)),
      regionCode: regionCode!,
      ...(countyOf(regionCode!) ? { countyCode: countyOf(regionCode!) } : {}),
      ...(townshipOf(regionCode!) ? { townshipCode: townshipOf(regionCode!) } : {}),
    }
    await tx.insertAttempt(record)
    return { attempt: await toAttempt(tx, record, secondsPerQuestion), resumed: false }
  })
  if (outcome instanceof ApiError) throw outcome
  return outcome
}

async function ownAttempt(quiz: QuizRepository, userId: string, attemptId: string): Promise<AttemptRecord> {
  const a = await quiz.getAttempt(attemptId)
  if (!a) throw notFound('找不到该答题记录')
  if (a.userId !== userId) throw forbidden('只能查看自己的答题记录')
  return a
}

export async function attemptView(store: Store, user: User, attemptId: string): Promise<AttemptView> {
  const a = await ownAttempt(store.quiz, user.id, attemptId)
  const campaign = await campaignOr404(store.quiz, a.campaignId)
  const current =
    a.status !== 'active'
      ? a
      : await store.quiz.transaction(async (tx) => {
          await tx.lockUser(user.id)
          const fresh = (await tx.getAttempt(attemptId))!
          return (await expireIfLate(tx, fresh, tx.now())) ? { ...fresh, status: 'expired' as const } : fresh
        })
  return {
    attempt: await toAttempt(store.quiz, current, campaign.rules.secondsPerQuestion),
    ...(current.status === 'submitted' ? { result: await resultOf(store, store.quiz, current, user.id) } : {}),
  }
}

/** answers must name questions of the attempt and options they show; at most one for single and judge */
function validAnswers(keys: Map<string, QuestionKey>, answers: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = keys.get(qid)
    if (!q) throw badRequest('答案中有不属于本次答题的题目')
    const unique = [...new Set(chosen)].sort()
    if (unique.some((k) => !isDisplayKey(q, k))) throw badRequest('答案中有不存在的选项')
    if (q.type !== 'multiple' && unique.length > 1) throw badRequest('单选题和判断题只能选一个答案')
    if (unique.length > 0) out[qid] = unique
  }
  return out
}

export interface SubmitResult {
  result: AttemptResult
  replayed: boolean
}

/**
 * Scores a submit once. The attempt is its own idempotency record: any later submit of a
 * submitted attempt (a retry with the same Idempotency-Key, or any other) answers the first
 * result and changes nothing, so no separate key row is written in the hot path. A submit after
 * the deadline plus grace is refused (409) and the attempt closes as expired, scoring nothing.
 * Exactly once under concurrency: the user's row is locked first, so a second submit of the same
 * attempt waits and then reads `submitted`; `finishAttempt` moves only an active attempt besides.
 */
export async function submitAttempt(
  store: Store,
  user: User,
  attemptId: string,
  rawAnswers: Record<string, string[]>,
  boards?: RedisBoards,
): Promise<SubmitResult> {
  // the user's lock, then the attempt, its campaign's rules, the standing and the 错题本's rows (the lock keeps them current)
  return submitWith(store, async (tx) => ({ user, found: await tx.lockAndReadSubmit(user.id, attemptId) }), rawAnswers, boards)
}

/**
 * `submitAttempt` for a caller known by a session token only (the submit route looks its session up
 * itself: config.session = 'own'). On PostgreSQL the session is read in the transaction's first
 * round trip, with the user's lock and the submit's reads: the batch's read as a batch of one
 * (`batchSubmitReads`), as its write is (`recordSubmit`), so the submit takes two round trips instead
 * of three; elsewhere it is looked up first, as the auth hook does for other routes. 401
 * (sessionEnded) when the token names no live session; nothing is written then.
 */
export async function submitAttemptWithSession(
  store: Store,
  { token, hash }: SessionKey,
  attemptId: string,
  rawAnswers: Record<string, string[]>,
  boards?: RedisBoards,
): Promise<SubmitResult & { user: User }> {
  if (store.quiz.db.dialect !== 'postgres') {
    const user = (await store.auth.getSession(token, hash))?.user
    if (!user) throw sessionEnded()
    return { ...(await submitAttempt(store, user, attemptId, rawAnswers, boards)), user }
  }
  let user: User | undefined
  const outcome = await submitWith(
    store,
    async (tx) => {
      const [read] = await tx.batchSubmitReads([{ tokenHash: hash, attemptId }])
      const session = read.session && (await store.auth.sessionOf(token, hash, read.session, tx.executor))
      if (!session) throw sessionEnded()
      user = session.user
      return { user, found: read.reads }
    },
    rawAnswers,
    boards,
  )
  return { ...outcome, user: user! }
}

/** a submit's lock and first read, inside its transaction: who submits, and what `lockAndReadSubmit` reads (undefined: no such attempt) */
type SubmitRead = (tx: QuizRepository) => Promise<{ user: User; found: SubmitReads | undefined }>

async function submitWith(store: Store, read: SubmitRead, rawAnswers: Record<string, string[]>, boards?: RedisBoards): Promise<SubmitResult> {
  // the standing this submit changed, for the Redis board once the transaction has committed
  let changed: BoardChange | undefined
  const outcome = await store.quiz.transaction(async (tx): Promise<SubmitResult | ApiError> => {
    changed = undefined
    const { user, found } = await read(tx)
    const settled = await settleSubmit(store, tx, user, found, rawAnswers)
    if ('outcome' in settled) return settled.outcome
    // the attempt, standing, totals and 错题本 in one write (PostgreSQL: one statement), and the rank after it
    const ahead = await tx.recordSubmit(settled.write)
    changed = settled.changed
    return settled.answer(ahead)
  })
  if (outcome instanceof ApiError) throw outcome
  if (changed && boards) await boards.recorded(changed.rule, changed.standing)
  return outcome
}

/** a standing a submit changed: what the Redis board is told once the transaction has committed */
export interface BoardChange {
  rule: Campaign['rules']['scoreCounts']
  standing: Standing
}

/**
 * What a submit comes to, from its first read under the user's lock: a fresh submit's write (with how
 * to answer once it is written, given the count ahead, and the standing it changes, if any), or its
 * answer (a replay of the first result, or a refusal). An expiry is written on `tx` here. Throws the
 * API's errors for a missing or foreign attempt and invalid answers. The submit's rules, once, for
 * the single submit (`submitWith`) and the batch (submit-batch.ts) alike.
 */
export async function settleSubmit(
  store: Store,
  tx: QuizRepository,
  user: User,
  found: SubmitReads | undefined,
  rawAnswers: Record<string, string[]>,
): Promise<{ write: SubmitWrite; answer(ahead: number): Promise<SubmitResult>; changed?: BoardChange } | { outcome: SubmitResult | ApiError }> {
  if (!found) throw notFound('找不到该答题记录')
  const { attempt: a, rules, standing: previous, lockRows } = found
  if (a.userId !== user.id) throw forbidden('只能查看自己的答题记录')
  if (!rules) throw notFound('找不到该知识竞赛')
  const now = tx.now()
  // the key verdicts from the read's rows, without the attempt this submit closes
  const locks = await integrityOf(store).locksFrom({ ...lockRows, running: lockRows.running.filter((r) => r.id !== a.id) }, now, tx.executor)
  if (a.status === 'submitted') return { outcome: { result: await resultOf(store, tx, a, user.id, undefined, previous ?? null, { locks }), replayed: true } }
  if (a.status === 'expired' || (await expireIfLate(tx, a, now))) return { outcome: new AttemptExpired() }
  const keys = await tx.questionKeys(a.questions.map((q) => q.id))
  const answers = validAnswers(keys, rawAnswers)

  const scored = scoreAttempt(a.questions, keys, answers)
  const submitted: AttemptRecord = {
    ...a,
    status: 'submitted',
    answers,
    score: scored.score,
    correctCount: scored.correctCount,
    timeUsedMs: timeUsedMs(a.startedAt, a.deadline, now),
    submittedAt: now.toISOString(),
  }
  const candidate: Standing = {
    campaignId: a.campaignId,
    userId: user.id,
    attemptId: a.id,
    score: scored.score,
    timeUsedMs: submitted.timeUsedMs!,
    finishedAt: submitted.submittedAt!,
    ...(a.countyCode ? { countyCode: a.countyCode } : {}),
    ...(a.townshipCode ? { townshipCode: a.townshipCode } : {}),
  }
  const next = countedStanding(previous, candidate, rules.scoreCounts)
  const puts: MistakeRecord[] = []
  const removes: string[] = []
  for (const r of scored.review) {
    const change = nextMistake(found.mistakes.get(r.id), user.id, r.id, r.isCorrect, now)
    if (change.kind === 'put') puts.push(change.record)
    else if (change.kind === 'remove') removes.push(r.id)
  }
  return {
    write: { attempt: submitted, previous, next, puts, removes },
    answer: async (ahead) => ({ result: await resultOf(store, tx, submitted, user.id, scored, next, { locks, ahead }), replayed: false }),
    ...(next !== previous ? { changed: { rule: rules.scoreCounts, standing: next } } : {}),
  }
}

async function recordAnswer(quiz: QuizRepository, userId: string, questionId: string, correct: boolean, now: Date) {
  await applyMistake(quiz, nextMistake(await quiz.getMistake(userId, questionId), userId, questionId, correct, now), userId, questionId)
}

async function applyMistake(quiz: QuizRepository, change: MistakeChange, userId: string, questionId: string) {
  if (change.kind === 'put') await quiz.putMistake(change.record)
  else if (change.kind === 'remove') await quiz.deleteMistake(userId, questionId)
}

export async function campaignMe(store: Store, user: User, campaignId: string): Promise<CampaignMe> {
  const campaign = await campaignOr404(store.quiz, campaignId)
  const now = store.quiz.now()
  const day = shanghaiDay(now)
  const [today, active, standing, profile] = await Promise.all([
    store.quiz.countAttemptsStarted(user.id, campaignId, day.start, day.end),
    store.quiz.activeAttempt(user.id, campaignId),
    store.quiz.getStanding(campaignId, user.id),
    store.quiz.getProfile(user.id),
  ])
  const regionCode = profile.regionCode ?? user.regionCode
  return {
    attemptsToday: today,
    attemptsLeftToday: attemptsLeft(campaign.rules.attemptsPerDay, today),
    ...(active && withinGrace(active.deadline, now) ? { activeAttemptId: active.id } : {}),
    ...(standing
      ? {
          counted: { score: standing.score, timeUsedSec: secondsOf(standing.timeUsedMs), attemptId: standing.attemptId },
          rank: rankOf(await store.quiz.countAhead(campaignId, standing)),
        }
      : {}),
    ...(regionCode ? { regionCode } : {}),
  }
}

/**
 * The regions of the level with participants, ranked per capita (the county and township boards): what
 * the resident boards show and the console's live monitor reads (server/modules/campaign-monitor).
 */
export async function regionalBoardRows(store: Store, campaign: Campaign, scope: 'county' | 'township', boards?: RedisBoards): Promise<LeaderboardRow[]> {
  return (await rankedRegions(store, campaign, scope, boards)).rows
}

/** the ranked regions (a region nobody from has taken part is not ranked: all of them would tie last) and how many regions are eligible */
async function rankedRegions(
  store: Store,
  campaign: Campaign,
  scope: 'county' | 'township',
  boards?: RedisBoards,
): Promise<{ rows: LeaderboardRow[]; regions: number }> {
  const { tree, names } = regionIndex(store)
  const [figures, totals] = await Promise.all([
    store.quiz.residentFigures(),
    (async () => (await boards?.regionTotals(campaign.id)) ?? store.quiz.regionTotals(campaign.id))(),
  ])
  const residents = residentsByRegion(tree, figures)
  const eligible = (code: string) => campaign.rules.eligibleRegions.some((area) => regionWithin(code, area) || regionWithin(area, code))
  const regions = scope === 'county' ? tree.filter((c) => eligible(c.code)) : tree.flatMap((c) => c.children ?? []).filter((t) => eligible(t.code))
  const participating = new Set(totals.filter((t) => t.participants > 0).map((t) => t.regionCode))
  const rows = regionalBoard(
    regions
      .filter((r) => participating.has(r.code))
      .map((r) => ({
        code: r.code,
        name: scope === 'township' ? `${names.get(countyOf(r.code)!) ?? ''} ${r.name}`.trim() : r.name,
        residents: residents.get(r.code) ?? 1,
      })),
    totals,
  )
  return { rows, regions: regions.length }
}

/** `boards` (REDIS_URL): the person board and the regional totals come from Redis once it holds them (boards.ts) */
export async function leaderboard(store: Store, campaignId: string, scope: LeaderboardScope, user?: User | null, boards?: RedisBoards): Promise<Leaderboard> {
  const campaign = await campaignOr404(store.quiz, campaignId)
  if (scope === 'person') return personBoard(store, campaignId, user ?? undefined, boards)
  const { rows, regions } = await rankedRegions(store, campaign, scope, boards)
  let mine: LeaderboardRow | undefined
  if (user) {
    const [standing, profile] = await Promise.all([store.quiz.getStanding(campaignId, user.id), store.quiz.getProfile(user.id)])
    const code = standing ? (scope === 'county' ? standing.countyCode : standing.townshipCode) : undefined
    const fallback = profile.regionCode ?? user.regionCode
    const myCode = code ?? (fallback ? (scope === 'county' ? countyOf(fallback) : townshipOf(fallback)) : undefined)
    const row = rows.find((r) => r.regionCode === myCode)
    if (row) {
      row.isMe = true
      mine = { ...row }
    }
  }
  return { scope, rows: rows.slice(0, BOARD_SIZE), ...(mine ? { mine } : {}), total: rows.length, regions }
}

/** a top's rows for everyone (no isMe), by the top read: the Redis boards hand the same top to every request while it is current */
const topRowsOf = new WeakMap<PersonBoardRead['top'], { rows: LeaderboardRow[]; userIds: string[] }>()

function topRows(store: Store, top: PersonBoardRead['top']) {
  let made = topRowsOf.get(top)
  if (!made) {
    const ranked = markTies(assignRanks(top))
    made = {
      rows: ranked.map((s) => {
        const region = regionLabel(store, s.townshipCode ?? s.countyCode)
        return {
          rank: s.rank,
          name: s.hideName ? HIDDEN_NAME : s.nickname,
          score: s.score,
          timeUsedSec: secondsOf(s.timeUsedMs),
          ...(region ? { regionName: region } : {}),
          ...(s.tied ? { tied: true } : {}),
        }
      }),
      userIds: ranked.map((s) => s.userId),
    }
    topRowsOf.set(top, made)
  }
  return made
}

async function personBoard(store: Store, campaignId: string, user?: User, boards?: RedisBoards): Promise<Leaderboard> {
  const board: PersonBoardRead =
    (await boards?.personBoard(campaignId, BOARD_SIZE, user?.id)) ?? (await store.quiz.personBoard(campaignId, BOARD_SIZE, user?.id))
  const top = topRows(store, board.top)
  const rows: LeaderboardRow[] = top.rows.map((r, i) => (user && top.userIds[i] === user.id ? { ...r, isMe: true } : r))
  let mine: LeaderboardRow | undefined
  if (user && board.mine) {
    const s = board.mine
    const region = regionLabel(store, s.townshipCode ?? s.countyCode)
    mine = {
      rank: rankOf(s.ahead),
      name: user.nickname,
      score: s.score,
      timeUsedSec: secondsOf(s.timeUsedMs),
      ...(region ? { regionName: region } : {}),
      isMe: true,
    }
    if (rows.some((r) => r.rank === mine!.rank && !r.isMe)) mine.tied = true
  }
  return { scope: 'person', rows, ...(mine ? { mine } : {}), total: board.total }
}

const publicOf = (q: QuestionKey): PracticeQuestion => ({ id: q.id, type: q.type, stem: q.stem, options: q.options, topic: q.topic })

export async function practiceQuestions(
  store: Store,
  user: User,
  query: { topic?: string; source?: 'mistakes'; policyId?: string; count?: number },
  random: Random = secureRandom,
): Promise<PracticeQuestion[]> {
  const count = query.count ?? PRACTICE_COUNT
  // never a question practice may not answer (server/modules/contest-integrity/rules.ts)
  const locks = await integrityOf(store).locksFor(user.id, store.quiz.now())
  const open = (q: QuestionKey) => practiceVerdict(q.id, locks) === 'open'
  if (query.source === 'mistakes') {
    const mistakes = await store.quiz.listMistakes(user.id)
    const keys = await store.quiz.questionKeys(mistakes.map((m) => m.questionId))
    return mistakes
      .map((m) => keys.get(m.questionId))
      .filter((q): q is QuestionKey => !!q && (!query.policyId || (q.policyId ?? NO_POLICY) === query.policyId) && open(q))
      .slice(0, count)
      .map(publicOf)
  }
  if (query.topic && !(await store.content.listTopics()).some((t) => t.id === query.topic)) throw badRequest('没有这个主题')
  return shuffle((await store.quiz.bankQuestions(query.topic || undefined)).filter(open), random)
    .slice(0, count)
    .map(publicOf)
}

export const PRACTICE_SCOPE = 'POST /practice/answers'

/**
 * Checks a practice answer and moves the 错题本. With an Idempotency-Key a retried request answers
 * the first feedback: a retry must not count as a second correct answer in a row. A locked question
 * (403) or one of the caller's running attempt (409) is not answered: see contest-integrity/rules.ts.
 * Under the user's lock: a retry sent at once waits for the first and replays its record.
 */
export async function answerPractice(store: Store, user: User, questionId: string, chosen: string[], key?: string): Promise<PracticeFeedback> {
  const q = (await store.quiz.questionKeys([questionId])).get(questionId)
  if (!q) throw notFound('找不到该题目')
  const unique = [...new Set(chosen)].sort()
  if (unique.some((k) => !q.options.some((o) => o.key === k))) throw badRequest('答案中有不存在的选项')
  if (unique.length === 0) throw badRequest('请选择答案')
  if (q.type !== 'multiple' && unique.length > 1) throw badRequest('单选题和判断题只能选一个答案')
  const hash = requestHash({ questionId, chosen: unique })
  const correct = isCorrect(q, unique)
  const outcome = await store.quiz.transaction(async (tx): Promise<PracticeFeedback | ApiError> => {
    await tx.lockUser(user.id)
    // before the idempotency replay: a feedback stored while the question was open is a key too
    const verdict = practiceVerdict(questionId, await integrityOf(store).locksFor(user.id, tx.now(), tx.executor))
    if (verdict === 'running') return conflict(PRACTICE_REFUSALS.running)
    if (verdict === 'locked') return forbidden(PRACTICE_REFUSALS.locked)
    const earlier = key ? await tx.findIdempotencyRecord(user.id, PRACTICE_SCOPE, key) : undefined
    if (earlier) return earlier.requestHash === hash ? (earlier.body as PracticeFeedback) : idempotencyKeyReused()
    const before = await tx.getMistake(user.id, questionId)
    const now = tx.now()
    await recordAnswer(tx, user.id, questionId, correct, now)
    const after = await tx.getMistake(user.id, questionId)
    const feedback: PracticeFeedback = {
      questionId,
      isCorrect: correct,
      correct: [...q.answer].sort(),
      explanation: q.explanation,
      ...(q.interpretationId ? { interpretationId: q.interpretationId } : {}),
      mistake: { inBook: !!after, streak: after?.streak ?? 0, removed: !!before && !after },
    }
    if (key) await tx.remember(user.id, PRACTICE_SCOPE, key, { requestHash: hash, status: 200, body: feedback, createdAt: now.toISOString() })
    return feedback
  })
  if (outcome instanceof ApiError) throw outcome
  return outcome
}

export const OTHER_POLICY_TITLE = '其他政策'
/** the policyId that asks for the 错题本's questions without a policy */
export const NO_POLICY = 'none'

export async function mistakeBook(store: Store, user: User): Promise<MistakeGroup[]> {
  const mistakes = await store.quiz.listMistakes(user.id)
  const keys = await store.quiz.questionKeys(mistakes.map((m) => m.questionId))
  // a question practice will not take yet says so, and until when (no key either way)
  const locks = await integrityOf(store).locksFor(user.id, store.quiz.now())
  const lockOf = (id: string) => {
    if (keyVerdict(id, locks) === 'open') return {}
    const until = locks.locked.get(id)
    return { locked: until ? { until } : {} }
  }
  const groups = new Map<string, MistakeGroup>()
  for (const m of mistakes) {
    const q = keys.get(m.questionId)
    if (!q) continue
    const id = q.policyId ?? ''
    let group = groups.get(id)
    if (!group) {
      const title = q.policyId ? (await store.content.getPolicy(q.policyId))?.title : undefined
      group = { ...(q.policyId ? { policyId: q.policyId } : {}), policyTitle: title ?? OTHER_POLICY_TITLE, items: [] }
      groups.set(id, group)
    }
    group.items.push({ question: publicOf(q), wrongCount: m.wrongCount, streak: m.streak, lastWrongAt: m.lastWrongAt, ...lockOf(q.id) })
  }
  // newest mistake first, within and across groups; questions without a policy last
  return [...groups.values()].sort((a, b) => Number(!a.policyId) - Number(!b.policyId))
}
