/**
 * The quiz's use cases, run on any Store: each reads, applies the rules of this folder and writes
 * inside `store.quiz.atomically`, so the memory and SQLite stores behave the same and a submit is
 * one transaction (attempt, standing, region totals, 错题本, idempotency record).
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
import { ApiError, badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { integrityOf } from '../contest-integrity/repository'
import { keysRevealedAt, keyVerdict, PRACTICE_REFUSALS, practiceVerdict } from '../contest-integrity/rules'
import { requestHash } from '../../store/idempotency'
import type { Store } from '../../store/store'
import { attemptsLeft, canStart, START_REFUSAL_MESSAGES } from './limits'
import { type MistakeChange, nextMistake } from './mistakes'
import { countyOf, regionalBoard, regionWithin, residentsByRegion, townshipOf } from './regions'
import { isCorrect, MAX_SCORE, scoreAttempt, type Scored } from './score'
import { displayKeys, optionOrder, presentQuestion, selectQuestions, shuffle } from './select'
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

function campaignOr404(store: Store, id: string): Campaign {
  const c = store.getCampaign(id)
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

function toAttempt(store: Store, a: AttemptRecord, secondsPerQuestion: number): Attempt {
  const keys = store.quiz.questionKeys(a.questions.map((q) => q.id))
  return {
    id: a.id,
    campaignId: a.campaignId,
    startedAt: a.startedAt,
    deadline: a.deadline,
    questions: a.questions.map((aq) => presentQuestion(keys.get(aq.id)!, aq)),
    secondsPerQuestion,
    graceSec: GRACE_SEC,
    status: a.status,
    serverNow: store.quiz.now().toISOString(),
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
 */
function resultOf(store: Store, a: AttemptRecord, userId: string, already?: Scored, counted?: Standing): AttemptResult {
  const scored = already ?? scoreAttempt(a.questions, store.quiz.questionKeys(a.questions.map((q) => q.id)), a.answers ?? {})
  const standing = counted ?? store.quiz.getStanding(a.campaignId, userId)
  const locks = integrityOf(store).locksFor(userId, store.quiz.now())
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
    ...(standing ? { rank: rankOf(store.quiz.countAhead(a.campaignId, standing)), countedScore: standing.score } : {}),
    review,
    ...(withheld.length > 0 ? { keyWithheld: { questions: withheld.length, ...(until ? { until } : {}) } } : {}),
  }
}

/** marks a running attempt past its deadline and grace as expired; true when it did */
function expireIfLate(store: Store, a: AttemptRecord, now: Date): boolean {
  if (a.status !== 'active' || withinGrace(a.deadline, now)) return false
  store.quiz.updateAttempt({ ...a, status: 'expired' })
  return true
}

export function getProfile(store: Store, userId: string): QuizProfile {
  return store.quiz.getProfile(userId)
}

export function saveProfile(store: Store, userId: string, patch: Partial<QuizProfile>): QuizProfile {
  if (patch.regionCode !== undefined) validRegion(store, patch.regionCode)
  return store.quiz.atomically(() => {
    const current = store.quiz.getProfile(userId)
    return store.quiz.saveProfile(userId, { ...current, ...patch })
  })
}

export interface StartResult {
  attempt: Attempt
  resumed: boolean
}

/**
 * Starts an attempt, or resumes the running one. The region is the body's (saved as the user's),
 * else the saved one, else the account's.
 */
export function startAttempt(store: Store, user: User, campaignId: string, body: { regionCode?: string }, random: Random = secureRandom): StartResult {
  const campaign = campaignOr404(store, campaignId)
  if (body.regionCode !== undefined) validRegion(store, body.regionCode)
  const secondsPerQuestion = campaign.rules.secondsPerQuestion
  const outcome = store.quiz.atomically((): StartResult | ApiError => {
    const now = store.quiz.now()
    const running = store.quiz.activeAttempt(user.id, campaignId)
    if (running && !expireIfLate(store, running, now)) return { attempt: toAttempt(store, running, secondsPerQuestion), resumed: true }

    const profile = store.quiz.getProfile(user.id)
    const regionCode = body.regionCode ?? profile.regionCode ?? user.regionCode
    const day = shanghaiDay(now)
    const today = store.quiz.countAttemptsStarted(user.id, campaignId, day.start, day.end)
    const decision = canStart(campaign, regionCode, today)
    if (!decision.ok) {
      const message = START_REFUSAL_MESSAGES[decision.reason]
      return decision.reason === 'no-region' || decision.reason === 'not-eligible' ? badRequest(message) : conflict(message)
    }
    if (body.regionCode !== undefined && body.regionCode !== profile.regionCode) {
      store.quiz.saveProfile(user.id, { ...profile, regionCode: body.regionCode })
    }
    const pool = store.quiz.campaignQuestions(campaignId)
    const picked = selectQuestions(pool, campaign.rules.questionsPerAttempt, random)
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
    store.quiz.insertAttempt(record)
    return { attempt: toAttempt(store, record, secondsPerQuestion), resumed: false }
  })
  if (outcome instanceof ApiError) throw outcome
  return outcome
}

function ownAttempt(store: Store, userId: string, attemptId: string): AttemptRecord {
  const a = store.quiz.getAttempt(attemptId)
  if (!a) throw notFound('找不到该答题记录')
  if (a.userId !== userId) throw forbidden('只能查看自己的答题记录')
  return a
}

export function attemptView(store: Store, user: User, attemptId: string): AttemptView {
  const a = ownAttempt(store, user.id, attemptId)
  const campaign = campaignOr404(store, a.campaignId)
  const current = store.quiz.atomically(() => {
    const fresh = store.quiz.getAttempt(attemptId)!
    return expireIfLate(store, fresh, store.quiz.now()) ? { ...fresh, status: 'expired' as const } : fresh
  })
  return {
    attempt: toAttempt(store, current, campaign.rules.secondsPerQuestion),
    ...(current.status === 'submitted' ? { result: resultOf(store, current, user.id) } : {}),
  }
}

/** answers must name questions of the attempt and options they show; at most one for single and judge */
function validAnswers(store: Store, a: AttemptRecord, answers: Record<string, string[]>): Record<string, string[]> {
  const keys = store.quiz.questionKeys(a.questions.map((q) => q.id))
  const out: Record<string, string[]> = {}
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = keys.get(qid)
    if (!q) throw badRequest('答案中有不属于本次答题的题目')
    const labels = displayKeys(q)
    const unique = [...new Set(chosen)].sort()
    if (unique.some((k) => !labels.includes(k))) throw badRequest('答案中有不存在的选项')
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
 */
export function submitAttempt(store: Store, user: User, attemptId: string, rawAnswers: Record<string, string[]>): SubmitResult {
  const outcome = store.quiz.atomically((): SubmitResult | ApiError => {
    const a = ownAttempt(store, user.id, attemptId)
    const campaign = campaignOr404(store, a.campaignId)
    if (a.status === 'submitted') return { result: resultOf(store, a, user.id), replayed: true }
    const now = store.quiz.now()
    if (a.status === 'expired' || expireIfLate(store, a, now)) return new AttemptExpired()
    const answers = validAnswers(store, a, rawAnswers)

    const keys = store.quiz.questionKeys(a.questions.map((q) => q.id))
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
    store.quiz.updateAttempt(submitted)

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
    const previous = store.quiz.getStanding(a.campaignId, user.id)
    const next = countedStanding(previous, candidate, campaign.rules.scoreCounts)
    if (next !== previous) store.quiz.saveStanding(next, previous)

    const book = store.quiz.mistakesAmong(
      user.id,
      a.questions.map((q) => q.id),
    )
    const puts: MistakeRecord[] = []
    for (const r of scored.review) {
      const change = nextMistake(book.get(r.id), user.id, r.id, r.isCorrect, now)
      if (change.kind === 'put') puts.push(change.record)
      else applyMistake(store, change, user.id, r.id)
    }
    store.quiz.putMistakes(puts)
    return { result: resultOf(store, submitted, user.id, scored, next), replayed: false }
  })
  if (outcome instanceof ApiError) throw outcome
  return outcome
}

function recordAnswer(store: Store, userId: string, questionId: string, correct: boolean, now: Date) {
  applyMistake(store, nextMistake(store.quiz.getMistake(userId, questionId), userId, questionId, correct, now), userId, questionId)
}

function applyMistake(store: Store, change: MistakeChange, userId: string, questionId: string) {
  if (change.kind === 'put') store.quiz.putMistake(change.record)
  else if (change.kind === 'remove') store.quiz.deleteMistake(userId, questionId)
}

export function campaignMe(store: Store, user: User, campaignId: string): CampaignMe {
  const campaign = campaignOr404(store, campaignId)
  const now = store.quiz.now()
  const day = shanghaiDay(now)
  const today = store.quiz.countAttemptsStarted(user.id, campaignId, day.start, day.end)
  const active = store.quiz.activeAttempt(user.id, campaignId)
  const standing = store.quiz.getStanding(campaignId, user.id)
  const profile = store.quiz.getProfile(user.id)
  const regionCode = profile.regionCode ?? user.regionCode
  return {
    attemptsToday: today,
    attemptsLeftToday: attemptsLeft(campaign.rules.attemptsPerDay, today),
    ...(active && withinGrace(active.deadline, now) ? { activeAttemptId: active.id } : {}),
    ...(standing
      ? {
          counted: { score: standing.score, timeUsedSec: secondsOf(standing.timeUsedMs), attemptId: standing.attemptId },
          rank: rankOf(store.quiz.countAhead(campaignId, standing)),
        }
      : {}),
    ...(regionCode ? { regionCode } : {}),
  }
}

export function leaderboard(store: Store, campaignId: string, scope: LeaderboardScope, user?: User | null): Leaderboard {
  const campaign = campaignOr404(store, campaignId)
  if (scope === 'person') return personBoard(store, campaignId, user ?? undefined)
  const { tree, names } = regionIndex(store)
  const residents = residentsByRegion(tree, store.quiz.residentFigures())
  const eligible = (code: string) => campaign.rules.eligibleRegions.some((area) => regionWithin(code, area) || regionWithin(area, code))
  const regions = scope === 'county' ? tree.filter((c) => eligible(c.code)) : tree.flatMap((c) => c.children ?? []).filter((t) => eligible(t.code))
  const rows = regionalBoard(
    regions.map((r) => ({
      code: r.code,
      name: scope === 'township' ? `${names.get(countyOf(r.code)!) ?? ''} ${r.name}`.trim() : r.name,
      residents: residents.get(r.code) ?? 1,
    })),
    store.quiz.regionTotals(campaignId),
  )
  let mine: LeaderboardRow | undefined
  if (user) {
    const standing = store.quiz.getStanding(campaignId, user.id)
    const code = standing ? (scope === 'county' ? standing.countyCode : standing.townshipCode) : undefined
    const fallback = store.quiz.getProfile(user.id).regionCode ?? user.regionCode
    const myCode = code ?? (fallback ? (scope === 'county' ? countyOf(fallback) : townshipOf(fallback)) : undefined)
    const row = rows.find((r) => r.regionCode === myCode)
    if (row) {
      row.isMe = true
      mine = { ...row }
    }
  }
  return { scope, rows: rows.slice(0, BOARD_SIZE), ...(mine ? { mine } : {}), total: rows.length }
}

function personBoard(store: Store, campaignId: string, user?: User): Leaderboard {
  const top = assignRanks(store.quiz.topStandings(campaignId, BOARD_SIZE))
  const rows: LeaderboardRow[] = top.map((s) => {
    const region = regionLabel(store, s.townshipCode ?? s.countyCode)
    return {
      rank: s.rank,
      name: s.hideName ? HIDDEN_NAME : s.nickname,
      score: s.score,
      timeUsedSec: secondsOf(s.timeUsedMs),
      ...(region ? { regionName: region } : {}),
      ...(user && s.userId === user.id ? { isMe: true } : {}),
    }
  })
  let mine: LeaderboardRow | undefined
  if (user) {
    const s = store.quiz.getStanding(campaignId, user.id)
    if (s) {
      const region = regionLabel(store, s.townshipCode ?? s.countyCode)
      mine = {
        rank: rankOf(store.quiz.countAhead(campaignId, s)),
        name: user.nickname,
        score: s.score,
        timeUsedSec: secondsOf(s.timeUsedMs),
        ...(region ? { regionName: region } : {}),
        isMe: true,
      }
    }
  }
  return { scope: 'person', rows, ...(mine ? { mine } : {}), total: store.quiz.countStandings(campaignId) }
}

const publicOf = (q: QuestionKey): PracticeQuestion => ({ id: q.id, type: q.type, stem: q.stem, options: q.options, topic: q.topic })

export function practiceQuestions(
  store: Store,
  user: User,
  query: { topic?: string; source?: 'mistakes'; policyId?: string; count?: number },
  random: Random = secureRandom,
): PracticeQuestion[] {
  const count = query.count ?? PRACTICE_COUNT
  // never a question practice may not answer (server/modules/contest-integrity/rules.ts)
  const locks = integrityOf(store).locksFor(user.id, store.quiz.now())
  const open = (q: QuestionKey) => practiceVerdict(q.id, locks) === 'open'
  if (query.source === 'mistakes') {
    const mistakes = store.quiz.listMistakes(user.id)
    const keys = store.quiz.questionKeys(mistakes.map((m) => m.questionId))
    return mistakes
      .map((m) => keys.get(m.questionId))
      .filter((q): q is QuestionKey => !!q && (!query.policyId || (q.policyId ?? NO_POLICY) === query.policyId) && open(q))
      .slice(0, count)
      .map(publicOf)
  }
  if (query.topic && !store.listTopics().some((t) => t.id === query.topic)) throw badRequest('没有这个主题')
  return shuffle(store.quiz.bankQuestions(query.topic || undefined).filter(open), random)
    .slice(0, count)
    .map(publicOf)
}

export const PRACTICE_SCOPE = 'POST /practice/answers'

/**
 * Checks a practice answer and moves the 错题本. With an Idempotency-Key a retried request answers
 * the first feedback: a retry must not count as a second correct answer in a row. A locked question
 * (403) or one of the caller's running attempt (409) is not answered: see contest-integrity/rules.ts.
 */
export function answerPractice(store: Store, user: User, questionId: string, chosen: string[], key?: string): PracticeFeedback {
  const q = store.quiz.questionKeys([questionId]).get(questionId)
  if (!q) throw notFound('找不到该题目')
  const unique = [...new Set(chosen)].sort()
  if (unique.some((k) => !q.options.some((o) => o.key === k))) throw badRequest('答案中有不存在的选项')
  if (unique.length === 0) throw badRequest('请选择答案')
  if (q.type !== 'multiple' && unique.length > 1) throw badRequest('单选题和判断题只能选一个答案')
  const hash = requestHash({ questionId, chosen: unique })
  const correct = isCorrect(q, unique)
  const outcome = store.quiz.atomically((): PracticeFeedback | ApiError => {
    // before the idempotency replay: a feedback stored while the question was open is a key too
    const verdict = practiceVerdict(questionId, integrityOf(store).locksFor(user.id, store.quiz.now()))
    if (verdict === 'running') return conflict(PRACTICE_REFUSALS.running)
    if (verdict === 'locked') return forbidden(PRACTICE_REFUSALS.locked)
    const earlier = key ? store.quiz.findIdempotencyRecord(user.id, PRACTICE_SCOPE, key) : undefined
    if (earlier) return earlier.requestHash === hash ? (earlier.body as PracticeFeedback) : idempotencyKeyReused()
    const before = store.quiz.getMistake(user.id, questionId)
    const now = store.quiz.now()
    recordAnswer(store, user.id, questionId, correct, now)
    const after = store.quiz.getMistake(user.id, questionId)
    const feedback: PracticeFeedback = {
      questionId,
      isCorrect: correct,
      correct: [...q.answer].sort(),
      explanation: q.explanation,
      ...(q.interpretationId ? { interpretationId: q.interpretationId } : {}),
      mistake: { inBook: !!after, streak: after?.streak ?? 0, removed: !!before && !after },
    }
    if (key) store.quiz.remember(user.id, PRACTICE_SCOPE, key, { requestHash: hash, status: 200, body: feedback, createdAt: now.toISOString() })
    return feedback
  })
  if (outcome instanceof ApiError) throw outcome
  return outcome
}

export const OTHER_POLICY_TITLE = '其他政策'
/** the policyId that asks for the 错题本's questions without a policy */
export const NO_POLICY = 'none'

export function mistakeBook(store: Store, user: User): MistakeGroup[] {
  const mistakes = store.quiz.listMistakes(user.id)
  const keys = store.quiz.questionKeys(mistakes.map((m) => m.questionId))
  // a question practice will not take yet says so, and until when (no key either way)
  const locks = integrityOf(store).locksFor(user.id, store.quiz.now())
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
      const title = q.policyId ? store.getPolicy(q.policyId)?.title : undefined
      group = { ...(q.policyId ? { policyId: q.policyId } : {}), policyTitle: title ?? OTHER_POLICY_TITLE, items: [] }
      groups.set(id, group)
    }
    group.items.push({ question: publicOf(q), wrongCount: m.wrongCount, streak: m.streak, lastWrongAt: m.lastWrongAt, ...lockOf(q.id) })
  }
  // newest mistake first, within and across groups; questions without a policy last
  return [...groups.values()].sort((a, b) => Number(!a.policyId) - Number(!b.policyId))
}
