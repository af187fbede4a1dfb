/** 政策找人 (issue 19): 我的情况, the questionnaire's answers and the console's figures. */
import type { FactKind, FactName, Situation, Truth } from '../eligibility'

export interface StoredSituationView {
  /** null: nothing kept */
  situation: Situation | null
  consentedAt?: string
  updatedAt?: string
}

export interface SaveSituationInput {
  /** the consent screen was read and agreed to; nothing is kept without it */
  consent: true
  situation: Situation
}

export interface PolicyMatchQuestion {
  name: FactName
  kind: FactKind
  question: string
  label: string
  options?: { value: string; label: string }[]
  min?: number
  max?: number
  unit?: string
}

export interface PolicyMatchItem {
  policyId: string
  title: string
  docNumber: string
  department: string
  verdict: Truth
  /** 「60元/月」 */
  amount?: string
  note?: string
  automatic?: boolean
  steps: string[]
  materials: string[]
  where?: string
  interpretationIds: string[]
  faqs: { question: string; answer: string }[]
  /** 还需了解: what to find out */
  questions: { name: FactName; label: string }[]
  /** 不符合: the conditions not met */
  failed: string[]
  /** 不符合 now, may apply from this month (YYYY-MM) */
  from?: string
}

export interface PolicyMatchAnswer {
  /** the next question; absent when nothing more would change a result */
  next?: PolicyMatchQuestion
  eligible: PolicyMatchItem[]
  possible: PolicyMatchItem[]
  /** 不符合 now, but time alone will change it (年满80周岁、孩子入学) */
  later: PolicyMatchItem[]
  /** the other policies with rules (不符合), and the whole library beside them */
  otherCount: number
}

export interface PolicyMatchEvaluateInput {
  situation: Situation
  /** questions answered 不清楚: not asked again */
  skipped?: FactName[]
}

export interface PolicyMatchCountyFigure {
  county: string
  countyName: string
  matched: number
  pushed: number
}

export interface PolicyMatchPolicyFigure {
  policyId: string
  title: string
  matched: number
  pushed: number
  matchedAt?: string
  byCounty: PolicyMatchCountyFigure[]
}

export interface PolicyMatchStats {
  /** how many residents keep a 我的情况 (within the staff's organisation when they gave a county) */
  situations: number
  policies: PolicyMatchPolicyFigure[]
}

declare module './endpoints' {
  interface Endpoints {
    'GET /me/situation': { res: StoredSituationView }
    /** replaces the whole situation; 400 without consent */
    'PUT /me/situation': { body: SaveSituationInput; res: StoredSituationView }
    /** 删除我的情况: the situation and what was derived from it, at once */
    'DELETE /me/situation': { res: { deleted: boolean } }
    /** the questionnaire: nothing stored, no sign-in needed */
    'POST /policy-match/evaluate': { body: PolicyMatchEvaluateInput; res: PolicyMatchAnswer }
    'GET /admin/policy-match/stats': { query: { county?: string }; res: PolicyMatchStats }
  }
}
