/**
 * 政策找人 at scale: the part of a rule's condition the database can check itself. A rule is
 * 可以享受 only when its condition is 'yes'; this turns the condition into a SQL predicate that
 * holds for every situation where it is 'yes' (it may hold for more: the evaluator still decides).
 * So the job reads only the rows a rule can match. Unknown facts are NULL: a comparison with NULL
 * is never true, as an untold fact never makes a condition 'yes'.
 *   and → AND of the parts it can push; or → OR when it can push every part; not → nothing;
 *   a fact compared or `in` → the comparison; age / childAge / schoolAge → a birth-year bound;
 *   region → the county or township code.
 */
import { sql, type RawBuilder } from 'kysely'
import { type Comparison, type Condition, enrolmentYear, type FactName, type YearMonth } from '../../../common/eligibility'
import { FACT_COLUMNS } from './repository'

const FLAGS: ReadonlySet<FactName> = new Set(['disabilityCert', 'memberOver60', 'memberOver80', 'child', 'individualBusiness'])
const TEXTS: ReadonlySet<FactName> = new Set(['county', 'township', 'employment', 'insurance', 'assistance', 'maternity'])
/** integer columns (PostgreSQL refuses a fraction there); landMu is the one real */
const INTEGERS: ReadonlySet<FactName> = new Set(['birthYear', 'birthMonth', 'disabilityGrade', 'childBirthYear', 'childBirthMonth', 'pensionYears'])

type Pred = RawBuilder<unknown>

const col = (fact: FactName) => sql.ref(FACT_COLUMNS[fact] as string)

/** a value the column can hold, or undefined when the comparison is better left to the evaluator */
function bindable(fact: FactName, value: unknown): string | number | undefined {
  if (FLAGS.has(fact)) return typeof value === 'boolean' ? (value ? 1 : 0) : undefined
  if (TEXTS.has(fact)) return typeof value === 'string' ? value : undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  if (INTEGERS.has(fact) && !Number.isInteger(value)) return undefined
  return value
}

function compared(column: Pred, op: Comparison, v: string | number): Pred {
  switch (op) {
    case '==':
      return sql`${column} = ${v}`
    case '!=':
      return sql`${column} <> ${v}`
    case '<':
      return sql`${column} < ${v}`
    case '<=':
      return sql`${column} <= ${v}`
    case '>':
      return sql`${column} > ${v}`
    case '>=':
      return sql`${column} >= ${v}`
  }
}

/**
 * an age in full years, compared, is 'yes' only if the birth year allows it: the age during the
 * month lies in [at − year − 1, at − year] (whatever the birth month), and each point must hold
 */
function yearBound(fact: FactName, at: number, op: Comparison, v: number): Pred | undefined {
  if (!Number.isInteger(v)) return sql`${col(fact)} IS NOT NULL`
  const c = col(fact)
  switch (op) {
    case '>=':
      return sql`${c} <= ${at - v}`
    case '>':
      return sql`${c} <= ${at - v - 1}`
    case '<=':
      return sql`${c} >= ${at - v - 1}`
    case '<':
      return sql`${c} >= ${at - v}`
    case '==':
      return sql`${c} BETWEEN ${at - v - 1} AND ${at - v}`
    case '!=':
      return sql`${c} IS NOT NULL`
  }
}

/** the predicate, or undefined when nothing can be pushed (every row may match) */
export function prefilter(c: Condition, at: YearMonth): Pred | undefined {
  if ('and' in c) {
    const parts = c.and.map((p) => prefilter(p, at)).filter((p): p is Pred => p !== undefined)
    return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` AND `)})`
  }
  if ('or' in c) {
    const parts = c.or.map((p) => prefilter(p, at))
    if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined
    return parts.length === 1 ? parts[0] : sql`(${sql.join(parts as Pred[], sql` OR `)})`
  }
  if ('not' in c) return undefined
  if ('age' in c) return yearBound('birthYear', at.year, c.age, c.value)
  if ('childAge' in c) return yearBound('childBirthYear', at.year, c.childAge, c.value)
  if ('schoolAge' in c) return yearBound('childBirthYear', enrolmentYear(at), c.schoolAge, c.value)
  if ('region' in c) {
    if (!/^\d{6}(\d{3})?$/.test(c.region)) return undefined
    if (c.region === '331000') return sql`${col('county')} LIKE ${'3310%'}`
    return c.region.length === 6 ? sql`${col('county')} = ${c.region}` : sql`${col('township')} = ${c.region}`
  }
  if (!(c.fact in FACT_COLUMNS)) return undefined
  if ('in' in c) {
    const values = c.in.map((v) => bindable(c.fact, v))
    if (values.length === 0 || values.some((v) => v === undefined)) return undefined
    return sql`${col(c.fact)} IN (${sql.join(values)})`
  }
  const v = bindable(c.fact, c.value)
  if (v === undefined) return undefined
  // booleans: only equal or not
  if (FLAGS.has(c.fact) && c.op !== '==' && c.op !== '!=') return sql`${col(c.fact)} IS NOT NULL`
  return compared(col(c.fact), c.op, v)
}
