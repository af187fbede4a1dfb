/**
 * 竞赛防作弊: the rules, as pure functions. The repository (repository.ts) gathers the sets they
 * read; the quiz service applies them to practice and to every result that carries answers.
 *
 * Why a lock and not two banks: practice and contests share one question bank, and practice
 * answers with the key and the explanation — so a contestant could start an attempt, ask practice
 * about each of its questions and score 100 (issue 12). The fixtures give practice a bank of its own
 * (questions no campaign uses); the lock covers every question a campaign does use:
 *
 * - A question of a campaign that is upcoming or running is LOCKED, for everyone: practice neither
 *   draws it nor answers it (403), and the review of a submitted attempt shows only what the
 *   contestant chose and whether it was right — never the right options, the explanation or the
 *   interpretation behind it. An earlier review of one's own is no exception: with 3 attempts a day,
 *   or a few other accounts submitting empty attempts, reviews would hand out the whole bank
 *   (review of issue 12, H1). A campaign locks until its last attempt can no longer be submitted:
 *   its end plus one attempt's time and the grace.
 * - A question of the caller's RUNNING attempt (active and still within deadline + grace) is
 *   answered by nothing but that attempt's submit: practice refuses it (409), checked first.
 * - Questions of ended campaigns only, and questions no campaign uses, are open to everyone: practice
 *   answers them and reviews show their keys and explanations.
 */

/** what the rules need to know about one caller, gathered once per request */
export interface QuestionLocks {
  /** questions of campaigns that are upcoming or running → when the last of those campaigns ends (ISO) */
  locked: ReadonlyMap<string, string>
  /** questions of the caller's running attempts */
  running: ReadonlySet<string>
}

export type KeyVerdict = 'open' | 'running' | 'locked'
/** kept for practice's wording: the same verdict */
export type PracticeVerdict = KeyVerdict

/** whether a question's key and explanation may be shown to this caller, and if not, why */
export function keyVerdict(questionId: string, locks: QuestionLocks): KeyVerdict {
  if (locks.running.has(questionId)) return 'running'
  if (locks.locked.has(questionId)) return 'locked'
  return 'open'
}

export const practiceVerdict = keyVerdict

export const PRACTICE_REFUSALS = {
  running: '该题正用于您进行中的答题，竞赛结束后可查看答案和解析',
  locked: '该题正用于进行中或即将开始的竞赛，竞赛结束后可练习',
} as const satisfies Record<Exclude<PracticeVerdict, 'open'>, string>

/**
 * When the withheld keys of a review are shown: the latest end of the campaigns locking them
 * (undefined when none is known, e.g. only the caller's own running attempt holds them).
 */
export function keysRevealedAt(withheld: readonly string[], locks: QuestionLocks): string | undefined {
  let latest: string | undefined
  for (const id of withheld) {
    const until = locks.locked.get(id)
    if (until && (!latest || Date.parse(until) > Date.parse(latest))) latest = until
  }
  return latest
}

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

/**
 * Prize eligibility (review of issue 12, L6): the prize list of a campaign is its board as it would
 * be if flagged attempts did not exist — per person the attempt that counts by the campaign's rule
 * (`best`: the highest score, then less time, then the earlier finish; `latest`: the last submitted)
 * among their attempts with prize_eligible = 1. A person whose every attempt is flagged is not on it.
 * Only WeChat users are risk-checked (getUserRiskRank needs an openid): SMS and password accounts
 * are listed unchecked, which the list says per row.
 */
export const PRIZE_LIST_PAGE_SIZE = 50

/** 张三 → 张*, 居民1234 → 居****4: enough for a person to recognise themselves, not to identify them */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 4))}${chars[chars.length - 1]}`
}
