/**
 * A question list in CSV or XLSX — columns 题型, 题干, 选项A … 选项F, 答案, 解析, 主题, 政策编号 —
 * read with policy-import's table reader into questions, each row with its errors in Chinese
 * (column + reason; the route adds nothing but the row number the file has). Forgiving where
 * offices differ (单选/单选题/single, 答案 "A,C" or "AC" or "a c", 主题 by name or id), strict where a
 * contestant would be misled (an answer that names no option, a duplicate stem).
 */
import { BANK_IMPORT_COLUMNS, type BankImportError, type BankQuestionInput, type BankQuestionType } from '../../../common/contract'
import { IMPORT_MAX_ROWS, ImportFileError, readTable } from '../policy-import/parse'
import { questionErrors } from './validate'

type Column = keyof typeof BANK_IMPORT_COLUMNS
const REQUIRED: readonly Column[] = ['type', 'stem', 'optionA', 'optionB', 'answer', 'explanation', 'topic']
const OPTION_COLUMNS: readonly Column[] = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF']

export const NO_QUESTIONS = '文件中没有可导入的题目'

/** the template the console offers for download (UTF-8 with BOM, so Excel opens it right) */
export const TEMPLATE_CSV = `\ufeff${Object.values(BANK_IMPORT_COLUMNS).join(',')}\r\n单选,城乡居民医保的缴费方式不包括以下哪项？,线上缴费,银行代扣,村（社区）代收,上门收取现金无需凭证,,,D,缴费须通过正规渠道并取得凭证。,医疗保障,\r\n多选,以下哪些属于就业创业扶持政策？,创业担保贷款,一次性创业补贴,社保补贴,个人所得税全免,,,ABC,个税不属于此类扶持。,就业创业,\r\n`

export interface ParsedRow {
  row: number
  stem: string
  question: BankQuestionInput
  errors: BankImportError[]
}

const TYPE_WORDS: Record<string, BankQuestionType> = {
  单选: 'single',
  单选题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  multiple: 'multiple',
}

function findHeader(rows: string[][]): { index: number; columns: Map<Column, number> } {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const names = rows[i].map((c) => c.replace(/\s+/g, '').toUpperCase())
    const columns = new Map<Column, number>()
    for (const [column, name] of Object.entries(BANK_IMPORT_COLUMNS) as [Column, string][]) {
      const at = names.indexOf(name.toUpperCase())
      if (at >= 0) columns.set(column, at)
    }
    if (REQUIRED.every((c) => columns.has(c))) return { index: i, columns }
    if (columns.size >= 2) {
      const absent = REQUIRED.filter((c) => !columns.has(c)).map((c) => BANK_IMPORT_COLUMNS[c])
      throw new ImportFileError(`缺少列：${absent.join('、')}`)
    }
  }
  throw new ImportFileError(`找不到表头：第一行应为 ${Object.values(BANK_IMPORT_COLUMNS).join('、')}`)
}

/** "A,C" / "AC" / "a c" / "A、C" → ['A', 'C']; anything else kept for the error */
function answerKeys(value: string): string[] {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s,，、;；]+/g, '')
    .split('')
}

/** the topic's id, given its id or its name */
function topicId(value: string, topics: ReadonlyMap<string, string>): string {
  if (topics.has(value)) return value
  for (const [id, name] of topics) if (name === value) return id
  return value
}

export async function parseQuestionList(
  bytes: Buffer,
  filename: string,
  topics: ReadonlyMap<string, string>,
): Promise<{ rows: ParsedRow[]; policyIds: string[] }> {
  const cells = await readTable(bytes, filename)
  const header = findHeader(cells)
  const rows: ParsedRow[] = []
  const cell = (line: string[], c: Column): string => {
    const at = header.columns.get(c)
    return at === undefined ? '' : (line[at] ?? '')
  }
  for (let i = header.index + 1; i < cells.length; i++) {
    const line = cells[i]
    if (line.every((c) => c === '')) continue
    if (rows.length === IMPORT_MAX_ROWS) throw new ImportFileError(`一次最多导入 ${IMPORT_MAX_ROWS} 行`)
    const errors: BankImportError[] = []
    const typeText = cell(line, 'type').replace(/\s+/g, '')
    const type = TYPE_WORDS[typeText.toLowerCase()] ?? TYPE_WORDS[typeText]
    if (!type)
      errors.push({
        field: BANK_IMPORT_COLUMNS.type,
        message: typeText ? `题型无法识别：${typeText.slice(0, 10)}（应为单选或多选）` : '请填写题型（单选或多选）',
      })
    // options up to the last one filled: a gap (A, B, 空, D) is an error, not a shift
    const texts = OPTION_COLUMNS.map((c) => cell(line, c))
    let last = texts.length - 1
    while (last >= 0 && texts[last] === '') last--
    const options = texts.slice(0, last + 1)
    const question: BankQuestionInput = {
      type: type ?? 'single',
      stem: cell(line, 'stem'),
      options,
      answer: answerKeys(cell(line, 'answer')),
      explanation: cell(line, 'explanation'),
      topic: topicId(cell(line, 'topic'), topics),
      ...(cell(line, 'policyId') ? { policyId: cell(line, 'policyId') } : {}),
    }
    rows.push({ row: i + 1, stem: question.stem, question, errors })
  }
  if (rows.length === 0) throw new ImportFileError(NO_QUESTIONS)
  return { rows, policyIds: rows.map((r) => r.question.policyId ?? '').filter(Boolean) }
}

/**
 * Each row's errors once the route knows the policies and the stems already in the bank version:
 * the question's own rules (questionErrors, with the column named), and duplicates within the
 * file and against the version.
 */
export function checkRows(rows: ParsedRow[], topics: ReadonlyMap<string, string>, policies: ReadonlySet<string>, stemsInBank: ReadonlySet<string>): void {
  const firstRowOf = new Map<string, number>()
  for (const row of rows) {
    const typeError = row.errors.some((e) => e.field === BANK_IMPORT_COLUMNS.type)
    for (const e of questionErrors(row.question, topics, policies)) {
      // a type we could not read is reported once; the answer's count rule depends on it
      if (typeError && e.field === 'answer' && /单选|多选/.test(e.message)) continue
      row.errors.push({ field: e.column, message: e.message })
    }
    const stem = row.question.stem.trim()
    if (!stem) continue
    const first = firstRowOf.get(stem)
    if (first !== undefined) row.errors.push({ field: BANK_IMPORT_COLUMNS.stem, message: `与第 ${first} 行题干重复` })
    else firstRowOf.set(stem, row.row)
    if (stemsInBank.has(stem)) row.errors.push({ field: BANK_IMPORT_COLUMNS.stem, message: '题库中已有相同题干的题目' })
  }
}
