/**
 * The shape of a rule as the console sends it: the server refuses a malformed one with a Chinese
 * sentence naming where it is wrong, and the editor shows the same sentence before 送审.
 */
import { COMPARISONS, type Comparison, type Condition, type EligibilityRule } from './evaluate'
import { FACT_BY_NAME, type FactName } from './facts'

const MAX_DEPTH = 8
const MAX_NODES = 200
const TEXT_MAX = 500

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown, max = TEXT_MAX): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max

function conditionProblem(c: unknown, path: string, depth: number, count: { n: number }): string | undefined {
  if (++count.n > MAX_NODES) return `条件太多（最多${MAX_NODES}个）`
  if (depth > MAX_DEPTH) return `条件嵌套太深（最多${MAX_DEPTH}层）`
  if (!isObject(c)) return `${path}：条件格式不正确`
  if (c.label !== undefined && !isText(c.label, 60)) return `${path}：说明须为1—60个字`
  for (const key of ['and', 'or'] as const) {
    if (key in c) {
      const parts = c[key]
      if (!Array.isArray(parts) || parts.length === 0) return `${path}：“${key === 'and' ? '并且' : '或者'}”至少要有一个条件`
      for (let i = 0; i < parts.length; i++) {
        const p = conditionProblem(parts[i], `${path}.${key}[${i}]`, depth + 1, count)
        if (p) return p
      }
      return undefined
    }
  }
  if ('not' in c) return conditionProblem(c.not, `${path}.not`, depth + 1, count)
  const number = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
  const op = (v: unknown): v is Comparison => COMPARISONS.includes(v as Comparison)
  if ('age' in c || 'schoolAge' in c || 'childAge' in c) {
    const cmp = 'age' in c ? c.age : 'schoolAge' in c ? c.schoolAge : c.childAge
    if (!op(cmp)) return `${path}：比较方式不正确`
    if (!number(c.value) || (c.value as number) < 0 || (c.value as number) > 150) return `${path}：年龄须为0—150`
    return undefined
  }
  if ('region' in c)
    return typeof c.region === 'string' && /^3310\d{2}(\d{3})?$/.test(c.region) ? undefined : `${path}：地区须为台州市的县（市、区）或乡镇（街道）代码`
  if ('fact' in c) {
    const spec = FACT_BY_NAME[c.fact as FactName]
    if (!spec) return `${path}：没有“${String(c.fact)}”这一情况项`
    if ('in' in c) {
      if (!Array.isArray(c.in) || c.in.length === 0 || c.in.some((v) => typeof v !== 'string' && !number(v))) return `${path}：“属于”至少要有一个值`
      if (spec.options && c.in.some((v) => !(String(v) in spec.options!))) return `${path}：${spec.label}没有这个选项`
      return undefined
    }
    if (!op(c.op)) return `${path}：比较方式不正确`
    const v = c.value
    if (spec.kind === 'yesno' ? typeof v !== 'boolean' : spec.kind === 'choice' || spec.kind === 'region' ? typeof v !== 'string' : !number(v))
      return `${path}：${spec.label}的比较值类型不对`
    if (spec.options && !(String(v) in spec.options)) return `${path}：${spec.label}没有这个选项`
    return undefined
  }
  return `${path}：条件格式不正确`
}

/** undefined when the rule may be kept, else the first problem */
export function ruleProblem(rule: unknown): string | undefined {
  if (!isObject(rule)) return '适用条件格式不正确'
  const count = { n: 0 }
  const p = conditionProblem(rule.when, 'when', 0, count)
  if (p) return `适用条件 ${p}`
  if (rule.amount !== undefined) {
    const a = rule.amount
    if (!isObject(a) || !isText(a.unit, 10) || !Array.isArray(a.bands) || a.bands.length === 0 || a.bands.length > 20) return '金额须有单位和1—20档'
    for (let i = 0; i < a.bands.length; i++) {
      const b: unknown = a.bands[i]
      if (!isObject(b) || typeof b.amount !== 'number' || !Number.isFinite(b.amount) || b.amount < 0 || b.amount > 10_000_000)
        return `金额第${i + 1}档：金额须为0—10000000`
      if (b.per !== undefined && b.per !== 'landMu') return `金额第${i + 1}档：计算方式不正确`
      if (b.step !== undefined) {
        const st = b.step
        if (
          !isObject(st) ||
          st.fact !== 'pensionYears' ||
          typeof st.over !== 'number' ||
          typeof st.each !== 'number' ||
          st.over < 0 ||
          st.each < 0 ||
          st.each > 100000
        )
          return `金额第${i + 1}档：递增方式不正确`
      }
      if (b.when !== undefined) {
        const q = conditionProblem(b.when, `amount.bands[${i}].when`, 0, count)
        if (q) return `金额第${i + 1}档 ${q}`
      }
    }
  }
  if (rule.note !== undefined && !isText(rule.note, 200)) return '说明须为1—200个字'
  if (rule.where !== undefined && !isText(rule.where, 200)) return '办理地点须为1—200个字'
  for (const key of ['steps', 'materials'] as const) {
    const list = rule[key]
    if (list !== undefined && (!Array.isArray(list) || list.length > 20 || list.some((x) => !isText(x, 200))))
      return `${key === 'steps' ? '办理步骤' : '所需材料'}最多20条，每条1—200个字`
  }
  if (rule.automatic !== undefined && typeof rule.automatic !== 'boolean') return '免申即享须为是或否'
  return undefined
}

export const isRule = (rule: unknown): rule is EligibilityRule => ruleProblem(rule) === undefined

export type { Condition }
