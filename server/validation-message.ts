/**
 * Ajv validation errors → one Chinese sentence a user (or a client developer) can act on,
 * e.g. 「参数错误：page 必须是正整数」.
 */
import { PAGE_MAX, PAGE_SIZE_MAX } from '../common/contract'

export interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message?: string
}

/** whole sentences for a field failing one keyword (`page.maximum`) */
export const FIELD_KEYWORD_MESSAGES: Readonly<Record<string, string>> = {
  'page.maximum': `页码超出范围，最大为 ${PAGE_MAX}`,
}

/** fields whose rule is better said as a whole than keyword by keyword */
export const FIELD_RULES: Readonly<Record<string, string>> = {
  page: '必须是正整数',
  pageSize: `必须是 1 到 ${PAGE_SIZE_MAX} 之间的整数`,
}

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '字符串',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
}

const CONTEXT_NAMES: Record<string, string> = {
  querystring: '查询参数',
  params: '路径参数',
  body: '请求体',
  headers: '请求头',
}

function fieldOf(issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.')
  if (issue.keyword === 'required') {
    const missing = String(issue.params.missingProperty ?? '')
    return path ? `${path}.${missing}` : missing
  }
  return path
}

function rule(issue: ValidationIssue): string {
  const p = issue.params
  switch (issue.keyword) {
    case 'required':
      return '不能为空'
    case 'type':
      return `必须是${TYPE_NAMES[String(p.type)] ?? String(p.type)}`
    case 'enum':
      return `必须是以下之一：${(p.allowedValues as unknown[]).join('、')}`
    case 'const':
      return `必须是 ${String(p.allowedValue)}`
    case 'minLength':
      return p.limit === 1 ? '不能为空' : `长度不能少于 ${String(p.limit)} 个字符`
    case 'maxLength':
      return `长度不能超过 ${String(p.limit)} 个字符`
    case 'minimum':
      return `不能小于 ${String(p.limit)}`
    case 'maximum':
      return `不能大于 ${String(p.limit)}`
    case 'exclusiveMinimum':
      return `必须大于 ${String(p.limit)}`
    case 'exclusiveMaximum':
      return `必须小于 ${String(p.limit)}`
    case 'minItems':
      return `至少需要 ${String(p.limit)} 项`
    case 'maxItems':
      return `最多 ${String(p.limit)} 项`
    case 'additionalProperties':
      return `不支持字段 ${String(p.additionalProperty)}`
    case 'pattern':
    case 'format':
      return '格式不正确'
    default:
      return '不符合要求'
  }
}

/**
 * A route's own sentences for its fields (`config.validationMessages`): keyed `field.keyword`
 * (e.g. `question.maxLength`) or just `field` for any failure of it, e.g. `phone` → 手机号格式不正确.
 */
export type FieldMessages = Readonly<Record<string, string>>

export function validationMessage(issues: readonly ValidationIssue[], context?: string, fieldMessages?: FieldMessages): string {
  const issue = issues[0]
  if (!issue) return '参数错误'
  const field = fieldOf(issue)
  const own = fieldMessages?.[`${field}.${issue.keyword}`] ?? fieldMessages?.[field]
  if (own) return own
  if (!field) return `参数错误：${CONTEXT_NAMES[context ?? ''] ?? '请求'}${rule(issue)}`
  const leaf = field.split('.').pop()!
  const whole = FIELD_KEYWORD_MESSAGES[`${leaf}.${issue.keyword}`]
  if (whole) return whole
  if ((issue.keyword === 'maximum' || issue.keyword === 'minimum') && Math.abs(Number(issue.params.limit)) === Number.MAX_SAFE_INTEGER) {
    return `参数错误：${field} 数值超出范围`
  }
  const said = issue.keyword === 'required' ? rule(issue) : (FIELD_RULES[leaf] ?? rule(issue))
  return `参数错误：${field} ${said}`
}
