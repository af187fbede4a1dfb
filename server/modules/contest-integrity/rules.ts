/**
 * 竞赛防作弊: the rules, as pure functions. The repository (repository.ts) gathers the sets they
 * read; the quiz service applies them to practice and to every result that carries answers.
 *
 * Why a lock and not two banks: practice and contests share one question bank, and practice
 * answers with the key and the explanation — so a contestant could start an attempt, ask practice
 * about each of its questions and score 100 (issue 12). The fixtures give practice a bank of its own
 * (questions no campaign uses); the lock covers every question a campaign does use:
 *
 * - A question of a campaign that is upcoming or running is LOCKED. Practice neither draws it nor
 *   answers it (403) — except for a caller who has already been shown its answer in the review of
 *   one of their own submitted attempts: they know it, and practising it is what the 错题本 is for.
 * - A question of the caller's RUNNING attempt (active and still within deadline + grace) is
 *   answered by nothing but that attempt's submit: practice refuses it (409) even when it is
 *   otherwise open, and the review of another attempt of theirs (an earlier one, or one of another
 *   campaign sharing the question) holds it back until the running attempt is over.
 * - Questions of ended campaigns only, and questions no campaign uses, are open to everyone.
 */

/** what the rules need to know about one caller, gathered once per request */
export interface QuestionLocks {
  /** questions of campaigns that are upcoming or running */
  locked: ReadonlySet<string>
  /** questions of the caller's running attempts */
  running: ReadonlySet<string>
  /** questions whose answer the caller was shown in the review of a submitted attempt of theirs */
  reviewed: ReadonlySet<string>
}

export type PracticeVerdict = 'open' | 'running' | 'locked'

export function practiceVerdict(questionId: string, locks: QuestionLocks): PracticeVerdict {
  if (locks.running.has(questionId)) return 'running'
  if (locks.locked.has(questionId) && !locks.reviewed.has(questionId)) return 'locked'
  return 'open'
}

export const PRACTICE_REFUSALS = {
  running: '该题正用于您进行中的答题，提交后可查看答案和解析',
  locked: '该题正用于进行中或即将开始的竞赛，竞赛结束后可练习',
} as const satisfies Record<Exclude<PracticeVerdict, 'open'>, string>

/**
 * WeChat's advice on getUserRiskRank (用户安全解决方案, 风险等级说明和使用建议): rank 3 is 中度可疑 —
 * "营销活动可降低高等级奖励的概率；打榜类活动对此类投票降低权重"; rank 4 高度可疑 — "红包类活动返回不中奖
 * … 打榜类活动不计算票数". A prize contest is a 营销活动 with a board, so from rank 3 on an attempt is
 * kept and scored but flagged and left out of prizes; ranks 1–2 only call for a simple verification
 * (the sign-in already is one). Scene 1 (营销作弊) is the scene for prize contests.
 */
export const RISK_FLAG_FROM_RANK = 3
export const RISK_SCENE_MARKETING = 1

export type RiskOutcome =
  | { riskCheck: 'passed'; riskRank: number; prizeEligible: true }
  | { riskCheck: 'flagged'; riskRank: number; prizeEligible: false; flagReason: string }
  | { riskCheck: 'unavailable'; prizeEligible: true }

export function riskOutcome(rank: number | undefined): RiskOutcome {
  if (rank === undefined) return { riskCheck: 'unavailable', prizeEligible: true }
  if (rank >= RISK_FLAG_FROM_RANK) {
    return { riskCheck: 'flagged', riskRank: rank, prizeEligible: false, flagReason: `微信安全风控：营销作弊风险等级 ${rank}（≥ ${RISK_FLAG_FROM_RANK}）` }
  }
  return { riskCheck: 'passed', riskRank: rank, prizeEligible: true }
}
