/** 3 分 18 秒 · 3 分钟 · 45 秒: a length of time in words, as people say it (never 3.3 分钟) */
export function minutesAndSeconds(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  const m = Math.floor(s / 60)
  const r = s % 60
  if (m === 0) return `${r} 秒`
  return r === 0 ? `${m} 分钟` : `${m} 分 ${r} 秒`
}

/** 1:05 — a video's length on its card */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** the time left until `targetIso`: 3天5小时 · 12小时30分 · 5分钟; '' when the moment has passed */
export function countdown(targetIso: string, now: Date = new Date()): string {
  const ms = Date.parse(targetIso) - now.getTime()
  if (!(ms > 0)) return ''
  const minutes = Math.floor(ms / 60000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${mins}分`
  return `${Math.max(mins, 1)}分钟`
}
