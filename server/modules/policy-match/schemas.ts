import { Type } from '@sinclair/typebox'
import { FACT_NAMES } from '../../../common/eligibility'
import type { LimitRule } from '../../plugins/rate-limit'
import { StringEnum } from '../../schemas/common'

const FactName = StringEnum(FACT_NAMES as unknown as readonly [string, ...string[]])

/** the facts themselves are checked in the route (factProblem), for sentences naming the field */
const SituationIn = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 40 })

export const SituationOut = Type.Object({
  birthYear: Type.Optional(Type.Integer()),
  birthMonth: Type.Optional(Type.Integer()),
  county: Type.Optional(Type.String()),
  township: Type.Optional(Type.String()),
  employment: Type.Optional(Type.String()),
  insurance: Type.Optional(Type.String()),
  assistance: Type.Optional(Type.String()),
  disabilityCert: Type.Optional(Type.Boolean()),
  disabilityGrade: Type.Optional(Type.Integer()),
  memberOver60: Type.Optional(Type.Boolean()),
  memberOver80: Type.Optional(Type.Boolean()),
  child: Type.Optional(Type.Boolean()),
  childBirthYear: Type.Optional(Type.Integer()),
  childBirthMonth: Type.Optional(Type.Integer()),
  maternity: Type.Optional(Type.String()),
  landMu: Type.Optional(Type.Number()),
  individualBusiness: Type.Optional(Type.Boolean()),
  pensionYears: Type.Optional(Type.Integer()),
})

export const SaveSituationBody = Type.Object({ consent: Type.Boolean(), situation: SituationIn }, { additionalProperties: false })

export const StoredSituationView = Type.Object({
  situation: Type.Union([SituationOut, Type.Null()]),
  consentedAt: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Type.String()),
})

export const Deleted = Type.Object({ deleted: Type.Boolean() })

export const EvaluateBody = Type.Object(
  { situation: SituationIn, skipped: Type.Optional(Type.Array(FactName, { maxItems: 40 })) },
  { additionalProperties: false },
)

const Question = Type.Object({
  name: Type.String(),
  kind: Type.String(),
  question: Type.String(),
  label: Type.String(),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Type.String() }))),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  unit: Type.Optional(Type.String()),
})

const Item = Type.Object({
  policyId: Type.String(),
  title: Type.String(),
  docNumber: Type.String(),
  department: Type.String(),
  verdict: StringEnum(['yes', 'no', 'unknown'] as const),
  amount: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
  automatic: Type.Optional(Type.Boolean()),
  steps: Type.Array(Type.String()),
  materials: Type.Array(Type.String()),
  where: Type.Optional(Type.String()),
  interpretationIds: Type.Array(Type.String()),
  faqs: Type.Array(Type.Object({ question: Type.String(), answer: Type.String() })),
  questions: Type.Array(Type.Object({ name: Type.String(), label: Type.String() })),
  failed: Type.Array(Type.String()),
  from: Type.Optional(Type.String()),
})

export const EvaluateAnswer = Type.Object({
  next: Type.Optional(Question),
  eligible: Type.Array(Item),
  possible: Type.Array(Item),
  later: Type.Array(Item),
  otherCount: Type.Integer(),
})

export const StatsQuery = Type.Object({ county: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) })

const CountyFigure = Type.Object({ county: Type.String(), countyName: Type.String(), matched: Type.Integer(), pushed: Type.Integer() })
export const Stats = Type.Object({
  situations: Type.Integer(),
  policies: Type.Array(
    Type.Object({
      policyId: Type.String(),
      title: Type.String(),
      matched: Type.Integer(),
      pushed: Type.Integer(),
      matchedAt: Type.Optional(Type.String()),
      byCounty: Type.Array(CountyFigure),
    }),
  ),
})

const MINUTE = 60_000
export const MATCH_LIMITS = {
  situationWrite: { name: 'situation-write', max: 60, windowMs: 10 * MINUTE, per: 'user', message: '操作过于频繁，请稍后再试' },
  evaluate: { name: 'policy-match-evaluate', max: 600, windowMs: 10 * MINUTE, per: 'ip', message: '操作过于频繁，请稍后再试' },
  stats: { name: 'policy-match-stats', max: 120, windowMs: MINUTE, per: 'user', message: '操作过于频繁，请稍后再试' },
} as const satisfies Record<string, LimitRule>
