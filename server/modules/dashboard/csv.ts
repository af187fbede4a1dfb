/**
 * The dashboard as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), CRLF lines, three sections (解读率（按单位）, 解读率（按部门）, 待复核). A cell that
 * would start a formula (= + - @) is prefixed with an apostrophe, so a title cannot run in Excel.
 */
import { EDITORIAL_STATUS_LABELS, EDITORIAL_TYPE_LABELS, type CoverageRow, type Dashboard } from '../../../common/contract'

const BOM = '\uFEFF'

export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const line = (cells: (string | number)[]) => cells.map(csvCell).join(',')
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`
const coverageCells = (r: CoverageRow) => [r.policies, r.interpreted, percent(r.rate), r.synced, percent(r.syncRate)]

export function dashboardCsv(d: Dashboard): string {
  const period = d.from || d.to ? `${d.from ?? '不限'} 至 ${d.to ?? '不限'}` : '全部'
  const lines = [
    line(['单位', `${d.org.name}（${d.org.code}）`, '发布日期', period]),
    '',
    '解读率（按单位）',
    line(['单位', '单位代码', '政策数', '已解读', '解读率', '同步解读', '同步解读率']),
    ...d.coverageByOrg.map((r) => line([r.org.name, r.org.code, ...coverageCells(r)])),
    '',
    '解读率（按部门）',
    line(['部门', '政策数', '已解读', '解读率', '同步解读', '同步解读率']),
    ...d.coverageByDepartment.map((r) => line([r.org.department ?? '', ...coverageCells(r)])),
    '',
    '待复核',
    line(['类型', '标题', '单位', '复核日期', '状态']),
    ...d.dueForReview.map((item) =>
      line([EDITORIAL_TYPE_LABELS[item.type], item.title, item.org.name, item.reviewDate ?? '', EDITORIAL_STATUS_LABELS[item.status]]),
    ),
  ]
  return `${BOM}${lines.join('\r\n')}\r\n`
}
