/**
 * A policy list as a government 政策文件库 exports it — CSV (UTF-8, with or without BOM) or XLSX,
 * columns 标题, 文号, 发文机关, 成文日期, 发布日期, 有效性, 原文链接 — read into rows, each with
 * its Chinese errors. Forgiving where offices differ (a title line above the header, 2021/3/5 or
 * 2021年3月5日 or an Excel date cell, 现行有效 or 失效), strict where a resident would be misled
 * (a date that does not exist, a link that is not a web address). Duplicates against the database
 * are the route's job; duplicates within the file are found here.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import type ExcelJS from 'exceljs'
import type { ImportRow, PolicyValidity } from '../../../common/contract'
import { isIsoDate, isWebUrl, LIMITS } from '../editorial/validate'

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
export const IMPORT_MAX_ROWS = 2000
/** what an XLSX may unpack to: a 2 MB upload must not become gigabytes in memory */
export const IMPORT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024

export const UNSUPPORTED_FILE = '仅支持 CSV 或 XLSX 文件'
export const NOT_UTF8 = 'CSV 文件须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）'
export const TOO_MANY_ROWS = `一次最多导入 ${IMPORT_MAX_ROWS} 行`
export const TOO_LARGE = `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`
export const NO_ROWS = '文件中没有可导入的政策'

/** a refusal of the whole file (400), as opposed to errors of single rows */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportFileError'
  }
}

export const COLUMNS = {
  title: '标题',
  docNumber: '文号',
  issuer: '发文机关',
  writtenAt: '成文日期',
  publishedAt: '发布日期',
  validity: '有效性',
  sourceUrl: '原文链接',
} as const
type Column = keyof typeof COLUMNS
const REQUIRED_COLUMNS: readonly Column[] = ['title', 'docNumber', 'issuer', 'publishedAt']

/** a hyperlink cell keeps both: its text for a title, its address for 原文链接 */
type Cell = string | number | Date | { text: string; link: string } | undefined

export type FileKind = 'csv' | 'xlsx'

/** by the bytes first (an XLSX is a zip), then the name: a renamed .xls or a PDF is neither */
export function fileKindOf(bytes: Buffer, filename: string): FileKind | undefined {
  const zip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50
  if (zip) return /\.xlsx$/i.test(filename) || !/\.csv$/i.test(filename) ? 'xlsx' : undefined
  if (!/\.(csv|txt)$/i.test(filename)) return undefined
  // an old .xls (OLE) or any binary named .csv
  if (bytes.includes(0)) return undefined
  return 'csv'
}

// ---------------------------------------------------------------------------------------------
// cells

function readCsv(bytes: Buffer): Cell[][] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  if (text.includes('\ufffd')) throw new ImportFileError(NOT_UTF8)
  try {
    return parseCsv(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][]
  } catch {
    throw new ImportFileError('CSV 文件格式不正确，无法读取')
  }
}

/**
 * The sum of the uncompressed sizes a zip's central directory declares (the end record is in the
 * last 64 KB + 22 bytes); undefined when there is no readable directory.
 */
export function unpackedSize(bytes: Buffer): number | undefined {
  const from = Math.max(0, bytes.length - 65_557)
  let end = -1
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) return undefined
  const entries = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined
    total += bytes.readUInt32LE(at + 24)
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return total
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('hyperlink' in value) {
      const shownText = typeof value.text === 'string' ? value.text : ''
      return { text: shownText || value.hyperlink, link: value.hyperlink }
    }
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue)
    if ('error' in value) return undefined
  }
  return String(value)
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const unpacked = unpackedSize(bytes)
  if (unpacked === undefined) throw new ImportFileError('XLSX 文件已损坏，无法读取')
  if (unpacked > IMPORT_MAX_UNPACKED_BYTES) throw new ImportFileError('XLSX 文件内容过大，请拆分后导入')
  // loaded here, not with the server: exceljs and its zip readers took a fifth of the server's start
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new ImportFileError('XLSX 文件已损坏，无法读取')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  if (sheet.rowCount > IMPORT_MAX_ROWS + 20) throw new ImportFileError(TOO_MANY_ROWS)
  const rows: Cell[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: Cell[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value))
    rows.push(cells)
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// values

const text = (cell: Cell): string => {
  if (cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (typeof cell === 'object') return cell.text.trim()
  return String(cell).replace(/\s+/g, ' ').trim()
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in) */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

/** YYYY-MM-DD from a date cell, an Excel serial number or the ways offices write dates; undefined when unreadable */
export function normaliseDate(cell: Cell): string | undefined {
  if (cell instanceof Date) {
    // exceljs gives a date cell as that day's UTC midnight
    return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10)
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return undefined
    return new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10)
  }
  const value = text(cell).normalize('NFKC')
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (!m) return undefined
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`
  return isIsoDate(iso) ? iso : undefined
}

const VALIDITY_WORDS: Record<string, PolicyValidity> = {
  有效: 'valid',
  现行有效: 'valid',
  现行: 'valid',
  有效的: 'valid',
  继续有效: 'valid',
  已修订: 'revised',
  修订: 'revised',
  已修改: 'revised',
  修改: 'revised',
  已被修订: 'revised',
  部分修订: 'revised',
  已废止: 'repealed',
  废止: 'repealed',
  失效: 'repealed',
  已失效: 'repealed',
  废止失效: 'repealed',
  已废止失效: 'repealed',
  无效: 'repealed',
  已撤销: 'repealed',
}

/** 有效 / 已修订 / 已废止 and the variants offices write; an empty cell is 有效 */
export function normaliseValidity(cell: Cell): PolicyValidity | undefined {
  const value = text(cell)
    .normalize('NFKC')
    .replace(/[\s/、,，()（）]/g, '')
  if (value === '') return 'valid'
  return VALIDITY_WORDS[value]
}

/** 文号 as compared for duplicates: widths, spaces and the bracket styles offices use folded */
export function docNumberKey(docNumber: string): string {
  return docNumber
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[【〔(（]/g, '〔')
    .replace(/[\]】〕)）]/g, '〕')
}

// ---------------------------------------------------------------------------------------------
// rows

const TEXT_LIMITS: Partial<Record<Column, number>> = { title: LIMITS.title, docNumber: LIMITS.docNumber, issuer: LIMITS.issuer, sourceUrl: LIMITS.url }
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const shown = (value: string) => ([...value].length > 20 ? `${[...value].slice(0, 20).join('')}…` : value)

/** the header: the first of the first rows that names the required columns (a title line may sit above it) */
function findHeader(rows: Cell[][]): { index: number; columns: Map<Column, number> } {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const names = rows[i].map((c) => text(c).replace(/\s+/g, ''))
    const columns = new Map<Column, number>()
    for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) {
      const at = names.indexOf(name)
      if (at >= 0) columns.set(column, at)
    }
    if (REQUIRED_COLUMNS.every((c) => columns.has(c))) return { index: i, columns }
    if (columns.size >= 2) {
      const absent = REQUIRED_COLUMNS.filter((c) => !columns.has(c)).map((c) => COLUMNS[c])
      throw new ImportFileError(`缺少列：${absent.join('、')}`)
    }
  }
  throw new ImportFileError(`找不到表头：第一行应为 ${Object.values(COLUMNS).join('、')}`)
}

function readRow(cells: Cell[], columns: Map<Column, number>, rowNumber: number): ImportRow {
  const cellOfColumn = (c: Column): Cell => {
    const at = columns.get(c)
    return at === undefined ? undefined : cells[at]
  }
  const errors: string[] = []
  const field = (c: Column): string => {
    const cell = cellOfColumn(c)
    const value = c === 'sourceUrl' && typeof cell === 'object' && !(cell instanceof Date) ? cell.link.trim() : text(cell)
    const limit = TEXT_LIMITS[c]
    if (CONTROL.test(value)) {
      errors.push(`${COLUMNS[c]}包含不可见的控制字符`)
      return ''
    }
    if (limit && [...value].length > limit) {
      errors.push(`${COLUMNS[c]}不能超过 ${limit} 个字`)
      return value.slice(0, limit)
    }
    return value
  }
  const row: ImportRow = { row: rowNumber, title: field('title'), docNumber: field('docNumber'), issuer: field('issuer'), errors }
  for (const c of ['title', 'docNumber', 'issuer'] as const) if (!row[c] && !errors.some((e) => e.startsWith(COLUMNS[c]))) errors.push(`缺少${COLUMNS[c]}`)

  for (const c of ['writtenAt', 'publishedAt'] as const) {
    const cell = cellOfColumn(c)
    if (text(cell) === '') {
      if (c === 'publishedAt') errors.push('缺少发布日期')
      continue
    }
    const date = normaliseDate(cell)
    if (date) row[c] = date
    else errors.push(`${COLUMNS[c]}无法识别：${shown(text(cell))}（应如 2021-03-05）`)
  }
  if (row.writtenAt && row.publishedAt && row.writtenAt > row.publishedAt) errors.push('成文日期晚于发布日期')

  const validity = normaliseValidity(cellOfColumn('validity'))
  if (validity) row.validity = validity
  else errors.push(`有效性无法识别：${shown(text(cellOfColumn('validity')))}（应为有效、已修订或已废止）`)

  const sourceUrl = field('sourceUrl')
  if (sourceUrl) {
    if (isWebUrl(sourceUrl, { http: true })) row.sourceUrl = sourceUrl
    else errors.push('原文链接不是有效的网址（应以 http:// 或 https:// 开头）')
  }
  return row
}

/** every non-blank row after the header, numbered as in the file (the first line is 1), with its errors */
export async function parsePolicyList(bytes: Buffer, filename: string): Promise<ImportRow[]> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new ImportFileError(TOO_LARGE)
  const kind = fileKindOf(bytes, filename)
  if (!kind) throw new ImportFileError(UNSUPPORTED_FILE)
  const cells = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes)
  const header = findHeader(cells)
  const rows: ImportRow[] = []
  for (let i = header.index + 1; i < cells.length; i++) {
    if (cells[i].every((c) => text(c) === '')) continue
    if (rows.length === IMPORT_MAX_ROWS) throw new ImportFileError(TOO_MANY_ROWS)
    rows.push(readRow(cells[i], header.columns, i + 1))
  }
  if (rows.length === 0) throw new ImportFileError(NO_ROWS)
  const firstRowOf = new Map<string, number>()
  for (const row of rows) {
    if (!row.docNumber) continue
    const key = docNumberKey(row.docNumber)
    const first = firstRowOf.get(key)
    if (first === undefined) firstRowOf.set(key, row.row)
    else row.errors.push(`文号与第 ${first} 行重复`)
  }
  return rows
}

/**
 * The table reader on its own, for other imports (question banks): a CSV or XLSX file's first
 * sheet as rows of cell texts (trimmed, blanks as ''), with the same checks of size, kind,
 * encoding and unpacked size, and the same whole-file errors (ImportFileError, in Chinese).
 */
export async function readTable(bytes: Buffer, filename: string): Promise<string[][]> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new ImportFileError(TOO_LARGE)
  const kind = fileKindOf(bytes, filename)
  if (!kind) throw new ImportFileError(UNSUPPORTED_FILE)
  const cells = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes)
  return cells.map((row) => row.map((cell) => text(cell)))
}
