/**
 * 我的情况: the facts a resident may give (every one optional) and the question that asks each,
 * in plain words. The evaluator reads these; the questionnaire asks them; the server stores them.
 */

export const EMPLOYMENTS = ['employed', 'flexible', 'unemployed', 'retired', 'farming', 'student'] as const
export type Employment = (typeof EMPLOYMENTS)[number]
export const EMPLOYMENT_LABELS: Record<Employment, string> = {
  employed: '在职',
  flexible: '灵活就业',
  unemployed: '失业',
  retired: '退休',
  farming: '务农',
  student: '学生',
}

export const INSURANCES = ['employee', 'resident', 'none'] as const
export type Insurance = (typeof INSURANCES)[number]
export const INSURANCE_LABELS: Record<Insurance, string> = {
  employee: '职工医保',
  resident: '城乡居民医保',
  none: '没有参保',
}

export const ASSISTANCES = ['dibao', 'dibian', 'none'] as const
export type Assistance = (typeof ASSISTANCES)[number]
export const ASSISTANCE_LABELS: Record<Assistance, string> = {
  dibao: '低保户',
  dibian: '低保边缘户',
  none: '都不是',
}

export const MATERNITIES = ['pregnant', 'newborn', 'none'] as const
export type Maternity = (typeof MATERNITIES)[number]
export const MATERNITY_LABELS: Record<Maternity, string> = {
  pregnant: '正在怀孕',
  newborn: '一年内生了孩子',
  none: '都没有',
}

/** what a resident tells about themselves and their household; absent = not told */
export interface Situation {
  birthYear?: number
  /** 1..12; decides the age in the year of a birthday */
  birthMonth?: number
  /** 户籍所在县（市、区）, a region code (331024 仙居县) */
  county?: string
  /** 户籍所在乡镇（街道）, a region code */
  township?: string
  employment?: Employment
  insurance?: Insurance
  assistance?: Assistance
  disabilityCert?: boolean
  /** 残疾等级 1..4 (一级 most severe) */
  disabilityGrade?: number
  memberOver60?: boolean
  memberOver80?: boolean
  /** a child aged 0–15 in the household */
  child?: boolean
  childBirthYear?: number
  childBirthMonth?: number
  maternity?: Maternity
  /** 承包地 (亩) */
  landMu?: number
  individualBusiness?: boolean
  /** 城乡居民养老保险缴费年限 */
  pensionYears?: number
}

export type FactName = keyof Situation

export type FactKind = 'year' | 'month' | 'region' | 'choice' | 'yesno' | 'number'

export interface FactSpec {
  name: FactName
  kind: FactKind
  /** the question as the questionnaire asks it */
  question: string
  /** a short name for lists and the console (出生年份) */
  label: string
  options?: Readonly<Record<string, string>>
  min?: number
  max?: number
  /** what the unit is, after the number (亩, 年) */
  unit?: string
}

/** in the order the questionnaire prefers when several questions would decide as much */
export const FACTS: readonly FactSpec[] = [
  { name: 'birthYear', kind: 'year', label: '出生年份', question: '您是哪一年出生的？', min: 1900, max: 2100 },
  { name: 'county', kind: 'region', label: '户籍所在县（市、区）', question: '您的户籍在台州哪个县（市、区）？' },
  { name: 'township', kind: 'region', label: '户籍所在乡镇（街道）', question: '您的户籍在哪个乡镇（街道）？' },
  { name: 'employment', kind: 'choice', label: '就业情况', question: '您现在的工作情况是？', options: EMPLOYMENT_LABELS },
  { name: 'insurance', kind: 'choice', label: '医保类型', question: '您参加的是哪种医疗保险？', options: INSURANCE_LABELS },
  { name: 'assistance', kind: 'choice', label: '低保/低边', question: '您家是低保户或低保边缘户吗？', options: ASSISTANCE_LABELS },
  { name: 'disabilityCert', kind: 'yesno', label: '残疾人证', question: '您本人有残疾人证吗？' },
  { name: 'disabilityGrade', kind: 'number', label: '残疾等级', question: '残疾人证上写的是几级？（一级最重）', min: 1, max: 4, unit: '级' },
  { name: 'memberOver80', kind: 'yesno', label: '家有80岁以上老人', question: '您家里有80周岁以上的老人吗？' },
  { name: 'memberOver60', kind: 'yesno', label: '家有60岁以上老人', question: '您家里有60周岁以上的老人吗？' },
  { name: 'child', kind: 'yesno', label: '家有15岁以下孩子', question: '您家里有15周岁以下的孩子吗？' },
  { name: 'childBirthYear', kind: 'year', label: '孩子出生年份', question: '孩子是哪一年出生的？（有几个孩子的，填最小的）', min: 2000, max: 2100 },
  { name: 'childBirthMonth', kind: 'month', label: '孩子出生月份', question: '孩子是几月出生的？', min: 1, max: 12 },
  { name: 'maternity', kind: 'choice', label: '怀孕/生育', question: '您家里有人正在怀孕，或一年内生了孩子吗？', options: MATERNITY_LABELS },
  { name: 'landMu', kind: 'number', label: '承包地面积', question: '您家承包了多少亩地？（没有就填0）', min: 0, max: 100000, unit: '亩' },
  { name: 'individualBusiness', kind: 'yesno', label: '个体工商户', question: '您自己开了个体工商户（办了营业执照）吗？' },
  { name: 'pensionYears', kind: 'number', label: '养老保险缴费年限', question: '您交城乡居民养老保险交了多少年？', min: 0, max: 80, unit: '年' },
  { name: 'birthMonth', kind: 'month', label: '出生月份', question: '您是几月出生的？', min: 1, max: 12 },
]

export const FACT_BY_NAME: Readonly<Record<FactName, FactSpec>> = Object.fromEntries(FACTS.map((f) => [f.name, f])) as Record<FactName, FactSpec>

export const FACT_NAMES: readonly FactName[] = FACTS.map((f) => f.name)

/** the refusal of a fact's value, or undefined when it may be kept */
export function factProblem(name: FactName, value: unknown): string | undefined {
  const spec = FACT_BY_NAME[name]
  if (!spec) return '未知的情况项'
  switch (spec.kind) {
    case 'year':
    case 'month':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.label}必须是数字`
      if (spec.kind !== 'number' && !Number.isInteger(value)) return `${spec.label}必须是整数`
      if (spec.min !== undefined && value < spec.min) return `${spec.label}不能小于${spec.min}`
      if (spec.max !== undefined && value > spec.max) return `${spec.label}不能大于${spec.max}`
      return undefined
    case 'yesno':
      return typeof value === 'boolean' ? undefined : `${spec.label}只能是“是”或“否”`
    case 'choice':
      return typeof value === 'string' && spec.options && value in spec.options ? undefined : `${spec.label}的选项不正确`
    case 'region':
      return typeof value === 'string' && /^\d{6}(\d{3})?$/.test(value) ? undefined : `${spec.label}不正确`
  }
}
