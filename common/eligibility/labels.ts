/** The words residents and editors read for results, amounts and conditions. */
import type { AmountRange, Comparison, Condition, Truth } from './evaluate'
import { FACT_BY_NAME } from './facts'

export const TRUTH_LABELS: Record<Truth, string> = { yes: '可以享受', no: '不符合', unknown: '还需了解' }

const OP_WORDS: Record<Comparison, string> = { '==': '等于', '!=': '不等于', '<': '小于', '<=': '不超过', '>': '大于', '>=': '不低于' }

/** 「每月60元」「60—800元/月」 */
export function formatAmount(a: AmountRange): string {
  const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2))
  if (a.max === undefined) return `${n(a.min)}${a.unit}起`
  return a.min === a.max ? `${n(a.min)}${a.unit}` : `${n(a.min)}—${n(a.max)}${a.unit}`
}

/** 「2028年1月」 from 2028-01 */
export function formatMonth(ym: string): string {
  return `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`
}

function valueWords(fact: string, v: unknown): string {
  const spec = FACT_BY_NAME[fact as keyof typeof FACT_BY_NAME]
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (spec?.options && typeof v === 'string') return spec.options[v] ?? v
  return `${String(v)}${spec?.unit ?? ''}`
}

/** a condition in words, for the console: 「年龄不低于80 并且 户籍在331000」 */
export function describeCondition(c: Condition): string {
  if ('and' in c) return c.and.map((p) => ('or' in p ? `（${describeCondition(p)}）` : describeCondition(p))).join(' 并且 ')
  if ('or' in c) return c.or.map((p) => ('and' in p ? `（${describeCondition(p)}）` : describeCondition(p))).join(' 或者 ')
  if ('not' in c) return `不是（${describeCondition(c.not)}）`
  if (c.label) return c.label
  if ('age' in c) return `年龄${OP_WORDS[c.age]}${c.value}周岁`
  if ('childAge' in c) return `孩子年龄${OP_WORDS[c.childAge]}${c.value}周岁`
  if ('schoolAge' in c) return `孩子入学年龄${OP_WORDS[c.schoolAge]}${c.value}周岁`
  if ('region' in c) return `户籍在${c.region}`
  const label = FACT_BY_NAME[c.fact]?.label ?? c.fact
  if ('in' in c) return `${label}属于${c.in.map((v) => valueWords(c.fact, v)).join('、')}`
  return `${label}${OP_WORDS[c.op]}${valueWords(c.fact, c.value)}`
}
