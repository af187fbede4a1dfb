import { API_BASE, ApiRequestError, queryString, session } from '../api/client'

/** saves `blob` as `filename` through a temporary link */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** GETs a file of the API with the session's token and saves it */
export async function downloadFromApi(path: string, query: Record<string, string | undefined>, filename: string): Promise<void> {
  const token = session.token()
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}${queryString(query)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch {
    throw new ApiRequestError(0, 'network', '网络连接失败，请检查网络后重试')
  }
  if (!response.ok) {
    let message = `导出失败（${response.status}）`
    try {
      message = ((await response.json()) as { error?: { message?: string } }).error?.message ?? message
    } catch {
      // not JSON: keep the status
    }
    throw new ApiRequestError(response.status, 'internal', message)
  }
  saveBlob(await response.blob(), filename)
}

/** one CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}

/** a CSV file Excel opens as UTF-8 (with a BOM) */
export function csvBlob(header: string[], rows: unknown[][]): Blob {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','))
  return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' })
}
