/**
 * The rules of a question and of a campaign, once, in Chinese: the routes answer 400 with these per
 * field, the import reports them per row (row number + column + reason). Pure functions over what
 * the route read (known topics, existing policies).
 */
import {
  BANK_IMPORT_COLUMNS,
  BANK_LIMITS,
  BANK_QUESTION_TYPES,
  type AdminCampaignInput,
  type BankQuestionInput,
  CAMPAIGN_LIMITS,
  OPTION_KEYS,
} from '../../../common/contract'

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const length = (s: string) => [...s].length

export interface FieldError {
  /** the input's field (stem, options.1, answer …) */
  field: string
  /** the column's Chinese name, as the import file names it */
  column: string
  message: string
}

function textRule(value: string, column: string, max: number, required: boolean): string | undefined {
  if (CONTROL.test(value)) return `${column}包含不可见的控制字符`
  if (required && value.trim() === '') return `请填写${column}`
  if (length(value) > max) return `${column}不能超过 ${max} 个字`
  return undefined
}

/** every problem of a question, field by field (empty when it is fine) */
export function questionErrors(q: BankQuestionInput, topics: ReadonlyMap<string, string>, policies: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = []
  const add = (field: string, column: string, message: string | undefined) => {
    if (message) errors.push({ field, column, message })
  }
  if (!BANK_QUESTION_TYPES.includes(q.type)) add('type', BANK_IMPORT_COLUMNS.type, '题型只能是单选或多选')
  add('stem', BANK_IMPORT_COLUMNS.stem, textRule(q.stem, '题干', BANK_LIMITS.stem, true))
  const options = q.options
  if (options.length < BANK_LIMITS.minOptions) add('options', '选项', `至少需要 ${BANK_LIMITS.minOptions} 个选项`)
  if (options.length > BANK_LIMITS.maxOptions) add('options', '选项', `最多 ${BANK_LIMITS.maxOptions} 个选项`)
  options.slice(0, BANK_LIMITS.maxOptions).forEach((text, i) => {
    const column = `选项${OPTION_KEYS[i]}`
    add(`options.${i}`, column, textRule(text, column, BANK_LIMITS.option, true))
  })
  const seen = new Map<string, number>()
  options.forEach((text, i) => {
    const key = text.trim()
    if (!key) return
    const first = seen.get(key)
    if (first !== undefined) add(`options.${i}`, `选项${OPTION_KEYS[i]}`, `与选项${OPTION_KEYS[first]}内容相同`)
    else seen.set(key, i)
  })
  const keys = OPTION_KEYS.slice(0, options.length) as readonly string[]
  const answer = q.answer
  if (answer.length === 0) add('answer', BANK_IMPORT_COLUMNS.answer, '请填写答案（如 A 或 AC）')
  else if (answer.some((k) => !keys.includes(k))) add('answer', BANK_IMPORT_COLUMNS.answer, `答案只能是已填写的选项（${keys.join('、')}）`)
  else if (new Set(answer).size !== answer.length) add('answer', BANK_IMPORT_COLUMNS.answer, '答案中有重复的选项')
  else if (q.type === 'single' && answer.length !== 1) add('answer', BANK_IMPORT_COLUMNS.answer, '单选题只能有一个正确答案')
  else if (q.type === 'multiple' && answer.length < 2) add('answer', BANK_IMPORT_COLUMNS.answer, '多选题至少需要两个正确答案')
  add('explanation', BANK_IMPORT_COLUMNS.explanation, textRule(q.explanation, '解析', BANK_LIMITS.explanation, true))
  if (!q.topic) add('topic', BANK_IMPORT_COLUMNS.topic, '请填写主题')
  else if (!topics.has(q.topic)) add('topic', BANK_IMPORT_COLUMNS.topic, `主题不存在（可选：${[...topics.values()].join('、')}）`)
  if (q.policyId && !policies.has(q.policyId)) add('policyId', BANK_IMPORT_COLUMNS.policyId, `政策库中没有编号为 ${q.policyId.slice(0, 40)} 的政策`)
  return errors
}

/** `{ field: message }` for a 400's `fields` */
export const fieldMap = (errors: readonly FieldError[]): Record<string, string> => Object.fromEntries(errors.map((e) => [e.field, e.message]))

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** every problem of a campaign's input (the window, the quota against the bank version's questions per topic) */
export function campaignErrors(
  c: AdminCampaignInput,
  context: { topics: ReadonlyMap<string, string>; available: ReadonlyMap<string, number>; now: Date; isNew: boolean },
): Record<string, string> {
  const fields: Record<string, string> = {}
  const add = (field: string, message: string | undefined) => {
    if (message && !fields[field]) fields[field] = message
  }
  add('title', textRule(c.title, '竞赛名称', CAMPAIGN_LIMITS.title, true))
  add('rulesText', textRule(c.rulesText, '活动规则', CAMPAIGN_LIMITS.rulesText, true))
  if (c.prizeNote !== undefined) add('prizeNote', textRule(c.prizeNote, '奖项说明', CAMPAIGN_LIMITS.prizeNote, false))
  const starts = ISO_TIME.test(c.startsAt) ? Date.parse(c.startsAt) : NaN
  const ends = ISO_TIME.test(c.endsAt) ? Date.parse(c.endsAt) : NaN
  if (Number.isNaN(starts)) add('startsAt', '开始时间格式不正确')
  if (Number.isNaN(ends)) add('endsAt', '结束时间格式不正确')
  if (!Number.isNaN(starts) && !Number.isNaN(ends) && ends <= starts) add('endsAt', '结束时间须晚于开始时间')
  if (context.isNew && !Number.isNaN(ends) && ends <= context.now.getTime()) add('endsAt', '结束时间须晚于当前时间')
  const quota = Object.entries(c.topicQuota)
  const total = quota.reduce((sum, [, n]) => sum + n, 0)
  if (quota.length === 0 || total === 0) add('topicQuota', '请至少为一个主题设置每次答题的题数')
  if (total > CAMPAIGN_LIMITS.questionsPerAttempt) add('topicQuota', `每次答题最多 ${CAMPAIGN_LIMITS.questionsPerAttempt} 题`)
  for (const [topic, n] of quota) {
    if (!context.topics.has(topic)) add(`topicQuota.${topic}`, `主题不存在：${topic.slice(0, 20)}`)
    else if (!Number.isInteger(n) || n < 0) add(`topicQuota.${topic}`, '题数须为非负整数')
    else if (n > (context.available.get(topic) ?? 0)) {
      add(`topicQuota.${topic}`, `题库中「${context.topics.get(topic)}」只有 ${context.available.get(topic) ?? 0} 题，不够每次抽 ${n} 题`)
    }
  }
  const { secondsPerQuestion: s, attemptsPerDay: a } = CAMPAIGN_LIMITS
  if (c.secondsPerQuestion < s.min || c.secondsPerQuestion > s.max) add('secondsPerQuestion', `每题限时须在 ${s.min} 到 ${s.max} 秒之间`)
  if (c.attemptsPerDay < a.min || c.attemptsPerDay > a.max) add('attemptsPerDay', `每日答题次数须在 ${a.min} 到 ${a.max} 次之间`)
  if (c.regions.length === 0) add('regions', '请选择参与地区')
  return fields
}
