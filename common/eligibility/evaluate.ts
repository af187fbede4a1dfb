/**
 * Eligibility rules as data and their three-valued evaluation (Kleene's logic): a condition over
 * a resident's facts is 可以享受 (yes), 不符合 (no) or 还需了解 (unknown: a fact it needs was not
 * given), and an unknown result names the questions that would decide it. Ages come from a birth
 * year (and month when given) at a month; a band table gives the amount.
 */
import { type FactName, type Situation } from './facts'

export type Truth = 'yes' | 'no' | 'unknown'
export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>='
export const COMPARISONS: readonly Comparison[] = ['==', '!=', '<', '<=', '>', '>=']

/** a month of evaluation, e.g. { year: 2026, month: 12 } */
export interface YearMonth {
  year: number
  month: number
}

export type Condition =
  | { and: Condition[] }
  | { or: Condition[] }
  | { not: Condition }
  /** a fact compared with a value: { fact: 'landMu', op: '>', value: 0 } */
  | { fact: FactName; op: Comparison; value: number | string | boolean; label?: string }
  /** a fact among values: { fact: 'employment', in: ['unemployed', 'flexible'] } */
  | { fact: FactName; in: Array<string | number>; label?: string }
  /** the resident's age in full years at the month of evaluation */
  | { age: Comparison; value: number; label?: string }
  /** the youngest child's age in full years at the month of evaluation */
  | { childAge: Comparison; value: number; label?: string }
  /** the youngest child's age on 31 August of the coming school year (入学年龄): 3 幼儿园, 6 小学, 12 初中 */
  | { schoolAge: Comparison; value: number; label?: string }
  /** 户籍 within a region: a county (6 digits) or township (9 digits) code, or 331000 for the city */
  | { region: string; label?: string }

export interface AmountBand {
  /** the first band whose condition holds gives the amount; a band without one always holds */
  when?: Condition
  amount: number
  /** multiplied by a fact (元/亩 × landMu) */
  per?: 'landMu'
  /** plus `each` for every unit of the fact above `over` (长缴多得: 5元 for each year over 15) */
  step?: { fact: 'pensionYears'; over: number; each: number }
}

export interface EligibilityRule {
  when: Condition
  amount?: { unit: string; bands: AmountBand[] }
  /** one plain sentence read with the result: 「自年满80周岁的次月起享受」 */
  note?: string
  /** 怎么办 */
  steps?: string[]
  materials?: string[]
  where?: string
  /** 免申即享: nothing to apply for */
  automatic?: boolean
}

export interface Verdict {
  truth: Truth
  /** for unknown: the facts whose answers could decide it, in the order met */
  questions: FactName[]
  /** for no: the labels of the conditions that failed */
  failed: string[]
}

export interface AmountRange {
  min: number
  /** absent: no upper figure until a fact is told (「320元/月起」) */
  max?: number
  unit: string
}

export interface Eligibility extends Verdict {
  amount?: AmountRange
  /** for no: the first month (YYYY-MM) within ten years from which it may hold, when time alone changes it */
  from?: string
}

const TAIZHOU = '331000'

const yes: Verdict = { truth: 'yes', questions: [], failed: [] }
const unknown = (...questions: FactName[]): Verdict => ({ truth: 'unknown', questions, failed: [] })
const no = (label: string | undefined): Verdict => ({ truth: 'no', questions: [], failed: label ? [label] : [] })

function merge(into: FactName[], more: FactName[]): void {
  for (const q of more) if (!into.includes(q)) into.push(q)
}

/** Kleene's and: no if any is no; yes if all are yes; else unknown */
export function and3(values: readonly Truth[]): Truth {
  if (values.includes('no')) return 'no'
  return values.every((v) => v === 'yes') ? 'yes' : 'unknown'
}

/** Kleene's or: yes if any is yes; no if all are no; else unknown */
export function or3(values: readonly Truth[]): Truth {
  if (values.includes('yes')) return 'yes'
  return values.every((v) => v === 'no') ? 'no' : 'unknown'
}

export function not3(value: Truth): Truth {
  return value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'unknown'
}

/** an interval [lo, hi] compared with a value: yes/no when every point agrees, else unknown */
export function compareRange(lo: number, hi: number, op: Comparison, v: number): Truth {
  const at = (x: number): boolean => compare(x, op, v)
  if (lo === hi) return at(lo) ? 'yes' : 'no'
  // over integers lo..hi; the ops are monotone or (==, !=) decided by containment
  switch (op) {
    case '==':
      return v < lo || v > hi ? 'no' : 'unknown'
    case '!=':
      return v < lo || v > hi ? 'yes' : 'unknown'
    default: {
      const a = at(lo)
      const b = at(hi)
      return a && b ? 'yes' : !a && !b ? 'no' : 'unknown'
    }
  }
}

function compare(a: number | string | boolean, op: Comparison, b: number | string | boolean): boolean {
  switch (op) {
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
  }
}

function yearsRange(year: number | undefined, month: number | undefined, at: YearMonth): [number, number] | undefined {
  if (year === undefined) return undefined
  const y = at.year - year
  if (month !== undefined) return at.month >= month ? [y, y] : [y - 1, y - 1]
  // by December everyone born that year has had their birthday month
  return at.month === 12 ? [y, y] : [y - 1, y]
}

/** [lo, hi] of the resident's age in full years during the month (counted from the birthday's month), or undefined without a birth year */
export function ageRange(s: Situation, at: YearMonth): [number, number] | undefined {
  return yearsRange(s.birthYear, s.birthMonth, at)
}

/** the year whose September the coming school year starts in: before September this year's, else next year's */
export function enrolmentYear(at: YearMonth): number {
  return at.month >= 9 ? at.year + 1 : at.year
}

/** [lo, hi] of the child's age on 31 August of the enrolment year */
export function schoolAgeRange(s: Situation, at: YearMonth): [number, number] | undefined {
  if (s.childBirthYear === undefined) return undefined
  const y = enrolmentYear(at) - s.childBirthYear
  if (s.childBirthMonth !== undefined) return s.childBirthMonth > 8 ? [y - 1, y - 1] : [y, y]
  return [y - 1, y]
}

function regionTruth(code: string, s: Situation): Verdict {
  const label = `户籍在${code}`
  if (code === TAIZHOU) return s.county !== undefined ? (s.county.startsWith('3310') ? yes : no('户籍在台州市')) : unknown('county')
  if (code.length === 6) return s.county === undefined ? unknown('county') : s.county === code ? yes : no(label)
  if (s.county !== undefined && s.county !== code.slice(0, 6)) return no(label)
  if (s.township === undefined) return s.county === undefined ? unknown('county', 'township') : unknown('township')
  return s.township === code ? yes : no(label)
}

/** the verdict of one condition for a situation at a month */
export function evaluate(c: Condition, s: Situation, at: YearMonth): Verdict {
  if ('and' in c) {
    const parts = c.and.map((p) => evaluate(p, s, at))
    const truth = and3(parts.map((p) => p.truth))
    if (truth === 'yes') return yes
    if (truth === 'no') return { truth, questions: [], failed: parts.flatMap((p) => (p.truth === 'no' ? p.failed : [])) }
    const questions: FactName[] = []
    for (const p of parts) if (p.truth === 'unknown') merge(questions, p.questions)
    return { truth, questions, failed: [] }
  }
  if ('or' in c) {
    const parts = c.or.map((p) => evaluate(p, s, at))
    const truth = or3(parts.map((p) => p.truth))
    if (truth === 'yes') return yes
    if (truth === 'no') return { truth, questions: [], failed: parts.flatMap((p) => p.failed).slice(0, 1) }
    const questions: FactName[] = []
    for (const p of parts) if (p.truth === 'unknown') merge(questions, p.questions)
    return { truth, questions, failed: [] }
  }
  if ('not' in c) {
    const inner = evaluate(c.not, s, at)
    const truth = not3(inner.truth)
    return truth === 'unknown' ? inner : truth === 'yes' ? yes : { truth, questions: [], failed: [] }
  }
  if ('age' in c) {
    const range = ageRange(s, at)
    if (!range) return unknown('birthYear')
    const truth = compareRange(range[0], range[1], c.age, c.value)
    return truth === 'unknown' ? unknown('birthMonth') : truth === 'yes' ? yes : no(c.label)
  }
  if ('childAge' in c || 'schoolAge' in c) {
    if (s.child === false) return no(c.label)
    const school = 'schoolAge' in c
    const range = school ? schoolAgeRange(s, at) : yearsRange(s.childBirthYear, s.childBirthMonth, at)
    if (!range) return s.child === undefined ? unknown('child', 'childBirthYear') : unknown('childBirthYear')
    const truth = compareRange(range[0], range[1], school ? c.schoolAge : c.childAge, c.value)
    return truth === 'unknown' ? unknown('childBirthMonth') : truth === 'yes' ? yes : no(c.label)
  }
  if ('region' in c) {
    const v = regionTruth(c.region, s)
    return v.truth === 'no' ? no(c.label ?? v.failed[0]) : v
  }
  const value = s[c.fact]
  if (value === undefined) return unknown(c.fact)
  const holds = 'in' in c ? c.in.includes(value as string | number) : compare(value, c.op, c.value)
  return holds ? yes : no(c.label)
}

/** does the condition read the month (an age)? then the answer may change with time alone */
export function dependsOnTime(c: Condition): boolean {
  if ('and' in c) return c.and.some(dependsOnTime)
  if ('or' in c) return c.or.some(dependsOnTime)
  if ('not' in c) return dependsOnTime(c.not)
  return 'age' in c || 'schoolAge' in c || 'childAge' in c
}

/** every fact a condition reads */
export function factsOf(c: Condition, into: Set<FactName> = new Set()): Set<FactName> {
  if ('and' in c) c.and.forEach((p) => factsOf(p, into))
  else if ('or' in c) c.or.forEach((p) => factsOf(p, into))
  else if ('not' in c) factsOf(c.not, into)
  else if ('age' in c) into.add('birthYear').add('birthMonth')
  else if ('schoolAge' in c || 'childAge' in c) into.add('child').add('childBirthYear').add('childBirthMonth')
  else if ('region' in c) into.add('county').add('township')
  else into.add(c.fact)
  return into
}

export function addMonths(at: YearMonth, n: number): YearMonth {
  const i = at.year * 12 + (at.month - 1) + n
  return { year: Math.floor(i / 12), month: (i % 12) + 1 }
}

export const formatYearMonth = (at: YearMonth): string => `${at.year}-${String(at.month).padStart(2, '0')}`

/** the amount of a rule for a situation: exact when one band is decided, else the range of those that may apply */
export function amountOf(rule: EligibilityRule, s: Situation, at: YearMonth): AmountRange | undefined {
  if (!rule.amount) return undefined
  let min = Infinity
  let max: number | undefined = -Infinity
  for (const band of rule.amount.bands) {
    const truth = band.when ? evaluate(band.when, s, at).truth : 'yes'
    if (truth === 'no') continue
    const per = band.per === 'landMu' ? s.landMu : 1
    if (per === undefined) return undefined
    const base = band.amount * per
    const n = band.step ? s[band.step.fact] : undefined
    // a step over an untold fact: at least the base, no upper figure yet
    const value = band.step && n !== undefined ? base + Math.max(0, n - band.step.over) * band.step.each : base
    min = Math.min(min, value)
    if (band.step && n === undefined) max = undefined
    else if (max !== undefined) max = Math.max(max, value)
    if (truth === 'yes') break
  }
  if (min === Infinity) return undefined
  return max === undefined ? { min, unit: rule.amount.unit } : { min, max, unit: rule.amount.unit }
}

const FUTURE_MONTHS = 120

/** a rule for a situation at a month: the verdict, the amount, and when a 不符合 that time will change begins to hold */
export function assess(rule: EligibilityRule, s: Situation, at: YearMonth): Eligibility {
  const verdict = evaluate(rule.when, s, at)
  const result: Eligibility = { ...verdict }
  if (verdict.truth !== 'no') {
    const amount = amountOf(rule, s, at)
    if (amount) result.amount = amount
    return result
  }
  if (dependsOnTime(rule.when)) {
    // a year at a time, then back month by month: a window of a year or more is never stepped over
    const holds = (n: number) => evaluate(rule.when, s, addMonths(at, n)).truth !== 'no'
    for (let n = 12; n <= FUTURE_MONTHS + 11; n += 12) {
      if (!holds(Math.min(n, FUTURE_MONTHS))) continue
      let first = Math.min(n, FUTURE_MONTHS)
      for (let m = first - 1; m > n - 12 && m >= 1 && holds(m); m--) first = m
      result.from = formatYearMonth(addMonths(at, first))
      break
    }
  }
  return result
}

/** the month (Beijing) of an instant */
export function yearMonthOf(today: string): YearMonth {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }
}
