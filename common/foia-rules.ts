/**
 * 依申请公开's pure rules (issue 20), shared by the server (which decides) and the pages (which
 * check a form before sending it): the reply deadline in working days under the 政府信息公开条例
 * (第三十三条: 20 working days from receipt, extendable once by at most 20 with approval; 第三十条:
 * a 补正 restarts the count from the day the correction arrives), the 18-digit 居民身份证 checksum
 * (GB 11643-1999), masking, and the fee thresholds of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).
 */
import { addWorkingDays, workingDaysBetween } from './working-days'

export const FOIA_REPLY_WORKING_DAYS = 20
export const FOIA_EXTENSION_WORKING_DAYS = 20

/**
 * The due date: the 20th working day after the day of receipt (that day itself not counted), plus
 * 20 more once extended. `receivedOn` is the day the clock runs from: the application's receipt,
 * or the day its correction arrived.
 */
export function foiaDueDate(receivedOn: string, extended = false): string {
  const due = addWorkingDays(receivedOn, FOIA_REPLY_WORKING_DAYS)
  return extended ? addWorkingDays(due, FOIA_EXTENSION_WORKING_DAYS) : due
}

/** working days from today to the due date: 0 on the due date itself, negative once past it */
export function workingDaysLeft(today: string, due: string): number {
  return today <= due ? workingDaysBetween(today, due) : -workingDaysBetween(due, today)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** an 18-digit 居民身份证 number: its pattern, a real date of birth and the check character */
export function isValidIdCard(raw: string): boolean {
  const id = raw.toUpperCase()
  if (!/^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dX]$/.test(id)) return false
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11] === id[17]
}

/** the 统一社会信用代码 (GB 32100-2015): 18 characters and its check character */
export function isValidCreditCode(raw: string): boolean {
  const code = raw.toUpperCase()
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(code[i]) * weights[i]
  const check = (31 - (sum % 31)) % 31
  return chars[check] === code[17]
}

/** why an ID number is refused, or undefined when it is fine */
export function idNumberProblem(idType: string, raw: string): string | undefined {
  const id = raw.trim()
  if (!id) return '请填写证件号码'
  if (idType === 'id_card') return isValidIdCard(id) ? undefined : '居民身份证号码不正确，请核对'
  if (idType === 'credit_code') return isValidCreditCode(id) ? undefined : '统一社会信用代码不正确，请核对'
  return /^[A-Za-z0-9]{5,20}$/.test(id) ? undefined : '证件号码应为5到20位字母或数字'
}

/** 331002199001011234 → 331***********1234: the region's first digits and the last four */
export function maskIdNumber(raw: string): string {
  const id = raw.trim()
  if (id.length <= 6) return '*'.repeat(id.length)
  const head = id.length >= 15 ? 3 : 1
  return id.slice(0, head) + '*'.repeat(id.length - head - 4) + id.slice(-4)
}

/** 13812345678 → 138****5678 */
export function maskPhone(raw: string): string {
  const p = raw.trim()
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****'
}

export interface FoiaFee {
  amount: number
  basis: string
}

/**
 * 信息处理费 (国办函〔2020〕109号), charged only past its thresholds:
 * - 按件计收: the same applicant's applications in one calendar month — 10 or fewer free; the
 *   11th to 30th 100 元 each; from the 31st, 100 元 more per band of 10 (31–40: 200, 41–50: 300 …);
 * - 按量计收: pages of one application — 30 or fewer free; 31–100 at 10 元 a page; 101–200 at
 *   20 元; beyond 200 at 40 元.
 * An office charges one way for one application: by pages when the pages pass their threshold
 * (the larger burden the 办法 aims at), otherwise by count. Undefined: nothing is due.
 */
export function foiaFee(pages: number, nthThisMonth: number): FoiaFee | undefined {
  if (pages > 30) {
    const band = (from: number, to: number, price: number) => Math.max(0, Math.min(pages, to) - from) * price
    const amount = band(30, 100, 10) + band(100, 200, 20) + band(200, Infinity, 40)
    return { amount, basis: `按量计收：共${pages}页，超过30页的部分按标准收费` }
  }
  if (nthThisMonth > 10) {
    const amount = nthThisMonth <= 30 ? 100 : 100 * (Math.floor((nthThisMonth - 31) / 10) + 2)
    return { amount, basis: `按件计收：本月第${nthThisMonth}件申请，超过10件的部分按标准收费` }
  }
  return undefined
}
