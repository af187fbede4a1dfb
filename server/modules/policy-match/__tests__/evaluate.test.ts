import {
  and3,
  assess,
  compareRange,
  type Condition,
  evaluate,
  FACT_NAMES,
  formatAmount,
  not3,
  or3,
  ruleProblem,
  runQuestionnaire,
  type Situation,
  type Truth,
} from '../../../../common/eligibility'
import { eligibilityRules } from '../../../../mock/fixtures/eligibility'

const TRUTHS: Truth[] = ['yes', 'no', 'unknown']
const RANK: Record<Truth, number> = { no: 0, unknown: 1, yes: 2 }
const BY_RANK: Truth[] = ['no', 'unknown', 'yes']
const at = { year: 2026, month: 12 }

/** every tuple of n truths */
function tuples(n: number): Truth[][] {
  if (n === 0) return [[]]
  return tuples(n - 1).flatMap((t) => TRUTHS.map((v) => [...t, v]))
}

// leaf i is a yes/no fact: told true → yes, told false → no, untold → unknown
const LEAF_FACTS = ['disabilityCert', 'individualBusiness', 'memberOver60', 'memberOver80'] as const
function leaves(values: Truth[]): { conditions: Condition[]; situation: Situation } {
  const situation: Situation = {}
  const conditions = values.map((v, i): Condition => {
    const fact = LEAF_FACTS[i]
    if (v !== 'unknown') situation[fact] = v === 'yes'
    return { fact, op: '==', value: true, label: fact }
  })
  return { conditions, situation }
}

describe('three-valued connectives (Kleene)', () => {
  test('and, or over every tuple of 1 to 4 truths are min and max over no < unknown < yes', () => {
    for (let n = 1; n <= 4; n++)
      for (const t of tuples(n)) {
        const min = BY_RANK[Math.min(...t.map((v) => RANK[v]))]
        const max = BY_RANK[Math.max(...t.map((v) => RANK[v]))]
        expect(and3(t)).toBe(min)
        expect(or3(t)).toBe(max)
        const { conditions, situation } = leaves(t)
        expect(evaluate({ and: conditions }, situation, at).truth).toBe(min)
        expect(evaluate({ or: conditions }, situation, at).truth).toBe(max)
      }
  })

  test('not swaps yes and no, keeps unknown; twice is the identity', () => {
    expect(TRUTHS.map(not3)).toEqual(['no', 'yes', 'unknown'])
    for (const [v] of tuples(1)) {
      const { conditions, situation } = leaves([v])
      expect(evaluate({ not: conditions[0] }, situation, at).truth).toBe(not3(v))
      expect(evaluate({ not: { not: conditions[0] } }, situation, at).truth).toBe(v)
    }
  })

  test("De Morgan's laws hold for every pair and triple", () => {
    for (const n of [2, 3])
      for (const t of tuples(n)) {
        const { conditions, situation } = leaves(t)
        const negated = conditions.map((c) => ({ not: c }))
        expect(evaluate({ not: { and: conditions } }, situation, at).truth).toBe(evaluate({ or: negated }, situation, at).truth)
        expect(evaluate({ not: { or: conditions } }, situation, at).truth).toBe(evaluate({ and: negated }, situation, at).truth)
      }
  })

  test('an unknown names exactly the untold facts that could decide it; a no names what failed', () => {
    for (const n of [1, 2, 3])
      for (const t of tuples(n)) {
        const { conditions, situation } = leaves(t)
        const untold = t.flatMap((v, i) => (v === 'unknown' ? [LEAF_FACTS[i]] : []))
        const a = evaluate({ and: conditions }, situation, at)
        if (a.truth === 'unknown') expect(a.questions).toEqual(untold)
        else expect(a.questions).toEqual([])
        if (a.truth === 'no') expect(a.failed).toEqual(t.flatMap((v, i) => (v === 'no' ? [LEAF_FACTS[i]] : [])))
        const o = evaluate({ or: conditions }, situation, at)
        if (o.truth === 'unknown') expect(o.questions).toEqual(untold)
      }
  })
})

const POINTWISE = {
  '==': (a: number, b: number) => a === b,
  '!=': (a: number, b: number) => a !== b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
}

describe('comparisons over what is known', () => {
  test('an interval compares as yes or no only when every point agrees', () => {
    for (let lo = 0; lo <= 4; lo++)
      for (let hi = lo; hi <= 4; hi++)
        for (const op of ['==', '!=', '<', '<=', '>', '>='] as const)
          for (let v = -1; v <= 5; v++) {
            const points = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map((x) => POINTWISE[op](x, v))
            const expected: Truth = points.every(Boolean) ? 'yes' : points.some(Boolean) ? 'unknown' : 'no'
            expect(compareRange(lo, hi, op, v)).toBe(expected)
          }
  })

  test('facts: untold is unknown; in; every comparison', () => {
    expect(evaluate({ fact: 'landMu', op: '>', value: 0 }, {}, at)).toEqual({ truth: 'unknown', questions: ['landMu'], failed: [] })
    expect(evaluate({ fact: 'landMu', op: '>', value: 0 }, { landMu: 3 }, at).truth).toBe('yes')
    expect(evaluate({ fact: 'landMu', op: '<=', value: 0 }, { landMu: 3 }, at).truth).toBe('no')
    expect(evaluate({ fact: 'employment', in: ['flexible', 'unemployed'] }, { employment: 'unemployed' }, at).truth).toBe('yes')
    expect(evaluate({ fact: 'employment', in: ['flexible', 'unemployed'] }, { employment: 'retired' }, at).truth).toBe('no')
  })

  test('age from a birth year at a month: exact in December, else the birth month decides', () => {
    const adult = (s: Situation, m: number) => evaluate({ age: '>=', value: 80 }, s, { year: 2028, month: m })
    expect(adult({ birthYear: 1948 }, 12).truth).toBe('yes')
    expect(adult({ birthYear: 1948 }, 6)).toEqual({ truth: 'unknown', questions: ['birthMonth'], failed: [] })
    expect(adult({ birthYear: 1948, birthMonth: 5 }, 6).truth).toBe('yes')
    expect(adult({ birthYear: 1948, birthMonth: 7 }, 6).truth).toBe('no')
    expect(adult({ birthYear: 1949 }, 6).truth).toBe('no')
    expect(adult({}, 6).questions).toEqual(['birthYear'])
  })

  test('school age: the child’s age on 31 August of the coming school year', () => {
    const primary: Condition = { schoolAge: '==', value: 6 }
    expect(evaluate(primary, { childBirthYear: 2020 }, at).questions).toEqual(['childBirthMonth'])
    expect(evaluate(primary, { childBirthYear: 2020, childBirthMonth: 10 }, at).truth).toBe('yes')
    expect(evaluate(primary, { childBirthYear: 2020, childBirthMonth: 3 }, at).truth).toBe('no')
    // before September it is this year's intake
    expect(evaluate(primary, { childBirthYear: 2020, childBirthMonth: 3 }, { year: 2026, month: 4 }).truth).toBe('yes')
    expect(evaluate(primary, { child: false }, at).truth).toBe('no')
    expect(evaluate(primary, {}, at).questions).toEqual(['child', 'childBirthYear'])
  })

  test('region: county or township of 户籍, the city as a whole', () => {
    expect(evaluate({ region: '331000' }, { county: '331024' }, at).truth).toBe('yes')
    expect(evaluate({ region: '331024' }, { county: '331002' }, at).truth).toBe('no')
    expect(evaluate({ region: '331024001' }, { county: '331024' }, at).questions).toEqual(['township'])
    expect(evaluate({ region: '331024001' }, { county: '331002' }, at).truth).toBe('no')
    expect(evaluate({ region: '331024001' }, { county: '331024', township: '331024001' }, at).truth).toBe('yes')
  })
})

describe('the fixture rules', () => {
  const rule = (id: string) => eligibilityRules[id]

  test('at least 12 policies have rules, each well formed', () => {
    expect(Object.keys(eligibilityRules).length).toBeGreaterThanOrEqual(12)
    for (const [id, r] of Object.entries(eligibilityRules)) expect([id, ruleProblem(r)]).toEqual([id, undefined])
  })

  test('高龄津贴: 78 in 仙居 is 不符合 now and may apply from 2028; bands by age', () => {
    const r = assess(rule('p003'), { birthYear: 1948, county: '331024', memberOver80: false }, at)
    expect(r.truth).toBe('no')
    expect(r.failed).toContain('年满80周岁')
    expect(r.from).toBe('2028-01')
    expect(assess(rule('p003'), { birthYear: 1948, birthMonth: 5, county: '331024', memberOver80: false }, at).from).toBe('2028-05')
    expect(formatAmount(assess(rule('p003'), { birthYear: 1940, county: '331024' }, at).amount!)).toBe('60元/月')
    expect(formatAmount(assess(rule('p003'), { birthYear: 1930, county: '331024' }, at).amount!)).toBe('200元/月')
    expect(formatAmount(assess(rule('p003'), { birthYear: 1920, county: '331024' }, at).amount!)).toBe('800元/月')
    expect(formatAmount(assess(rule('p003'), { birthYear: 1937, county: '331024' }, at).amount!)).toBe('60元/月')
  })

  test('基础养老金 by contribution years; 耕地地力 per 亩; 两项补贴 both or one', () => {
    const base = { birthYear: 1960, county: '331002', employment: 'farming' as const }
    expect(formatAmount(assess(rule('p002'), base, at).amount!)).toBe('320元/月起')
    expect(formatAmount(assess(rule('p002'), { ...base, pensionYears: 25 }, at).amount!)).toBe('370元/月')
    expect(formatAmount(assess(rule('p002'), { ...base, pensionYears: 10 }, at).amount!)).toBe('320元/月')
    expect(formatAmount(assess(rule('p008'), { county: '331024', landMu: 4.5 }, at).amount!)).toBe('337.50元/年')
    const disabled = { county: '331024', disabilityCert: true, assistance: 'dibao' as const }
    expect(formatAmount(assess(rule('p018'), disabled, at).amount!)).toBe('369—984元/月')
    expect(formatAmount(assess(rule('p018'), { ...disabled, disabilityGrade: 1 }, at).amount!)).toBe('984元/月')
    expect(formatAmount(assess(rule('p018'), { ...disabled, disabilityGrade: 3 }, at).amount!)).toBe('369元/月')
  })

  test('小学入学: a child born in 2020 is asked the month; born October 2020 in 椒江 goes in 2027', () => {
    expect(assess(rule('p010'), { county: '331002', childBirthYear: 2020 }, at).questions).toEqual(['childBirthMonth'])
    expect(assess(rule('p010'), { county: '331002', childBirthYear: 2020, childBirthMonth: 10 }, at).truth).toBe('yes')
    const toddler = assess(rule('p010'), { county: '331002', childBirthYear: 2023, childBirthMonth: 2 }, at)
    expect(toddler.truth).toBe('no')
    expect(toddler.from).toBe('2028-09')
  })
})

describe('the questionnaire', () => {
  const policies = Object.entries(eligibilityRules).map(([policyId, rule]) => ({ policyId, rule }))

  test('asks only what an undecided policy needs, and stops when nothing is undecided', () => {
    // answering every question "no"/0/the first option: each question asked decides something
    let s: Situation = {}
    const asked: string[] = []
    for (let i = 0; i < FACT_NAMES.length + 1; i++) {
      const state = runQuestionnaire(policies, s, at)
      if (!state.next) {
        expect(state.results.every((r) => r.truth !== 'unknown')).toBe(true)
        break
      }
      const next = state.next
      expect(state.results.some((r) => r.truth === 'unknown' && r.questions.includes(next))).toBe(true)
      expect(asked).not.toContain(next)
      asked.push(next)
      const answers: Situation = {
        birthYear: 1948,
        county: '331024',
        township: '331024001',
        employment: 'farming',
        insurance: 'resident',
        assistance: 'none',
        disabilityCert: false,
        memberOver80: false,
        child: false,
        maternity: 'none',
        landMu: 2,
        individualBusiness: false,
        pensionYears: 15,
        birthMonth: 3,
      }
      s = { ...s, [next]: answers[next] ?? 0 }
    }
    expect(asked.length).toBeLessThan(FACT_NAMES.length)
    expect(asked).not.toContain('childBirthYear')
  })

  test('a skipped question is not asked again; with everything skipped nothing is asked', () => {
    const first = runQuestionnaire(policies, {}, at).next!
    expect(runQuestionnaire(policies, {}, at, [first]).next).not.toBe(first)
    expect(runQuestionnaire(policies, {}, at, [...FACT_NAMES]).next).toBeUndefined()
  })
})

describe('rule shapes the server refuses', () => {
  test.each([
    [null, '适用条件格式不正确'],
    [{ when: { and: [] } }, '至少要有一个条件'],
    [{ when: { fact: 'nope', op: '==', value: 1 } }, '没有“nope”这一情况项'],
    [{ when: { fact: 'employment', op: '==', value: 'boss' } }, '没有这个选项'],
    [{ when: { age: '=~', value: 3 } }, '比较方式不正确'],
    [{ when: { region: '110000' } }, '台州市'],
    [{ when: { fact: 'landMu', op: '>', value: 0 }, amount: { unit: '元', bands: [] } }, '1—20档'],
  ])('%j', (rule, message) => {
    expect(ruleProblem(rule)).toContain(message)
  })

  test('nesting is bounded', () => {
    let c: Condition = { fact: 'landMu', op: '>', value: 0 }
    for (let i = 0; i < 10; i++) c = { not: c }
    expect(ruleProblem({ when: c })).toContain('嵌套太深')
  })
})
