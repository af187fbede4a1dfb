/** 138****5678 — a mainland mobile number with the middle four digits hidden. */
export function maskPhone(phone: string): string {
  return phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')
}

/** 1.2万 for large counts, as Chinese apps show views. */
export function formatCount(n: number): string {
  if (n >= 10000) return `${(n / 10000).toFixed(n >= 100000 ? 0 : 1)}万`
  return String(n)
}

/** 1:05 */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** 3 分 18 秒 · 3 分钟 · 45 秒: a length of time in words, as people say it (never 3.3 分钟) */
export function minutesAndSeconds(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  const m = Math.floor(s / 60)
  const r = s % 60
  if (m === 0) return `${r} 秒`
  return r === 0 ? `${m} 分钟` : `${m} 分 ${r} 秒`
}
