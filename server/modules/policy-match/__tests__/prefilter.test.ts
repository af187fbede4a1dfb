/**
 * The matcher's SQL prefilter must never drop a resident the evaluator would find 可以享受:
 * over random situations, every fixture rule and conditions of every shape, at several months,
 * each 'yes' row is among the rows the predicate selects (on SQLite in memory; the predicate is
 * plain SQL that PostgreSQL reads alike, and the policy-match API tests run it there).
 */
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { type Comparison, type Condition, evaluate, type Situation, type YearMonth } from '../../../../common/eligibility'
import { eligibilityRules } from '../../../../mock/fixtures/eligibility'
import { prefilter } from '../prefilter'
import { ENTRIES, rowFromSituation, situationFromRow } from '../repository'

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const r = random(42)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const maybe = <T>(f: () => T): T | undefined => (r() < 0.75 ? f() : undefined)

function situation(): Situation {
  const s: Record<string, unknown> = {
    birthYear: maybe(() => 1920 + Math.floor(r() * 95)),
    birthMonth: maybe(() => 1 + Math.floor(r() * 12)),
    county: maybe(() => pick(['331002', '331024', '331081', '330100'])),
    township: maybe(() => pick(['331024001', '331024002', '331002003'])),
    employment: maybe(() => pick(['employed', 'flexible', 'unemployed', 'retired', 'farming', 'student'])),
    insurance: maybe(() => pick(['employee', 'resident', 'none'])),
    assistance: maybe(() => pick(['dibao', 'dibian', 'none'])),
    disabilityCert: maybe(() => r() < 0.3),
    disabilityGrade: maybe(() => 1 + Math.floor(r() * 4)),
    memberOver60: maybe(() => r() < 0.5),
    memberOver80: maybe(() => r() < 0.3),
    child: maybe(() => r() < 0.5),
    childBirthYear: maybe(() => 2008 + Math.floor(r() * 20)),
    childBirthMonth: maybe(() => 1 + Math.floor(r() * 12)),
    maternity: maybe(() => pick(['pregnant', 'newborn', 'none'])),
    landMu: maybe(() => pick([0, 0.5, 3, 12.5])),
    individualBusiness: maybe(() => r() < 0.2),
    pensionYears: maybe(() => Math.floor(r() * 40)),
  }
  for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k]
  return s as Situation
}

const OPS: Comparison[] = ['==', '!=', '<', '<=', '>', '>=']
const shapes: Condition[] = [
  ...OPS.flatMap((op) => [
    { age: op, value: 80 },
    { childAge: op, value: 3 },
    { schoolAge: op, value: 6 },
    { fact: 'landMu' as const, op, value: 0.5 },
    { fact: 'pensionYears' as const, op, value: 15 },
    { fact: 'memberOver80' as const, op, value: true },
    { fact: 'county' as const, op, value: '331024' },
  ]),
  { region: '331000' },
  { region: '331024' },
  { region: '331024001' },
  { fact: 'employment', in: ['unemployed', 'flexible'] },
  { fact: 'disabilityGrade', in: [1, 2] },
  { not: { fact: 'child', op: '==', value: false } },
  { or: [{ age: '>=', value: 60 }, { not: { region: '331024' } }] },
  {
    and: [
      { region: '331000' },
      {
        or: [
          { age: '<', value: 18 },
          { fact: 'disabilityCert', op: '==', value: true },
        ],
      },
    ],
  },
]
const conditions = [...Object.values(eligibilityRules).map((rule) => rule.when), ...shapes]
const months: YearMonth[] = [
  { year: 2026, month: 1 },
  { year: 2026, month: 8 },
  { year: 2026, month: 9 },
  { year: 2026, month: 12 },
]

describe('政策找人 prefilter', () => {
  const sqlite = new Database(':memory:')
  const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const columns = ENTRIES.map(([, c]) => c)
  sqlite.exec(`CREATE TABLE situations (user_id TEXT PRIMARY KEY, ${columns.join(', ')})`)
  const insert = sqlite.prepare(`INSERT INTO situations VALUES (@user_id, ${columns.map((c) => `@${c}`).join(', ')})`)
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const row = rowFromSituation(`u${i}`, situation(), 'x', 'x') as Record<string, unknown>
    delete row.consented_at
    delete row.updated_at
    return row
  })
  for (const row of rows) insert.run(row)
  const situations = rows.map((row) => [row.user_id as string, situationFromRow(row)] as const)

  afterAll(() => sqlite.close())

  it('keeps every resident a condition fits, at every month', () => {
    let narrowed = 0
    for (const c of conditions)
      for (const at of months) {
        const where = prefilter(c, at)
        const query = sql`SELECT user_id FROM situations WHERE ${where ?? sql`1 = 1`}`.compile(k)
        const selected = new Set(
          sqlite
            .prepare(query.sql)
            .pluck()
            .all(...(query.parameters as unknown[])) as string[],
        )
        if (selected.size < rows.length) narrowed++
        const missed = situations.filter(([id, s]) => evaluate(c, s, at).truth === 'yes' && !selected.has(id))
        expect({ c, at, missed: missed.slice(0, 2) }).toEqual({ c, at, missed: [] })
      }
    // and it does narrow: most conditions read far fewer rows than all
    expect(narrowed).toBeGreaterThan((conditions.length * months.length) / 2)
  })

  it('narrows 高龄津贴 to the over-80s and 80+ households in Taizhou', () => {
    const where = prefilter(eligibilityRules.p003.when, { year: 2026, month: 12 })!
    const query = sql`SELECT count(*) FROM situations WHERE ${where}`.compile(k)
    const n = sqlite
      .prepare(query.sql)
      .pluck()
      .get(...(query.parameters as unknown[])) as number
    const fit = situations.filter(([, s]) => evaluate(eligibilityRules.p003.when, s, { year: 2026, month: 12 }).truth === 'yes').length
    expect(n).toBeGreaterThanOrEqual(fit)
    expect(n).toBeLessThan(rows.length / 2)
  })
})
