import type { ChartSource } from '@common/charts/chart-spec'

/** one row of the chart editor's grid as typed: the value stays text until it is a number */
export interface GridRow {
  category: string
  value: string
}

/** a typed value as a number: 1,200 and １２ count; empty or anything else is NaN (a problem to show, never a 0) */
export function parseValue(text: string): number {
  const plain = text.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '')
  return plain === '' ? Number.NaN : Number(plain)
}

export function rowsOf(source: ChartSource): GridRow[] {
  return source.data.map(([category, value]) => ({
    category: String(category ?? ''),
    value: typeof value === 'number' && Number.isFinite(value) ? String(value) : '',
  }))
}

export function sourceOf(meta: Omit<ChartSource, 'data'>, rows: GridRow[]): ChartSource {
  return { ...meta, data: rows.map((r) => [r.category.trim(), parseValue(r.value)]) }
}

export interface PastedGrid {
  rows: GridRow[]
  /** the first line, when it names the columns rather than holding a number */
  header?: [string, string]
}

/**
 * Cells copied from Excel or WPS: rows by newline, cells by tab (or a comma when there is no tab).
 * A first line whose value is no number is the header.
 */
export function parsePastedGrid(text: string): PastedGrid {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
  const cells = lines.map((line) => (line.includes('\t') ? line.split('\t') : line.split(/[,，]/)).map((c) => c.trim()))
  let header: [string, string] | undefined
  if (cells.length > 1 && Number.isNaN(parseValue(cells[0][1] ?? ''))) {
    const [first] = cells.splice(0, 1)
    header = [first[0] ?? '', first[1] ?? '']
  }
  return { rows: cells.map(([category = '', value = '']) => ({ category, value })), header }
}

/** whether a paste is more than one cell's worth (a grid rather than a value) */
export function isGridPaste(text: string): boolean {
  return /[\t\n]/.test(text.trim())
}
