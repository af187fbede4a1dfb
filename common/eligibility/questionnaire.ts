/**
 * 我能享受哪些政策: the rules of every policy against what the resident said so far, and the one
 * question to ask next — only a question some undecided policy needs, the one most of them need;
 * none when nothing is undecided or every deciding question was skipped (不清楚).
 */
import { assess, type Eligibility, type EligibilityRule, type YearMonth } from './evaluate'
import { FACT_NAMES, type FactName, type Situation } from './facts'

export interface RuledPolicy {
  policyId: string
  rule: EligibilityRule
}

export interface PolicyResult extends Eligibility {
  policyId: string
}

export interface QuestionnaireState {
  results: PolicyResult[]
  /** undefined: nothing more to ask */
  next?: FactName
}

export function runQuestionnaire(policies: readonly RuledPolicy[], situation: Situation, at: YearMonth, skipped: readonly FactName[] = []): QuestionnaireState {
  const results: PolicyResult[] = []
  const need = new Map<FactName, number>()
  for (const p of policies) {
    const r = assess(p.rule, situation, at)
    results.push({ policyId: p.policyId, ...r })
    if (r.truth !== 'unknown') continue
    // the first unskipped question of an undecided policy is the one that moves it on
    const q = r.questions.find((f) => !skipped.includes(f) && situation[f] === undefined)
    if (q) need.set(q, (need.get(q) ?? 0) + 1)
  }
  let next: FactName | undefined
  let best = 0
  for (const f of FACT_NAMES) {
    const n = need.get(f) ?? 0
    if (n > best) {
      best = n
      next = f
    }
  }
  return next ? { results, next } : { results }
}
