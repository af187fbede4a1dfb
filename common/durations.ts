/** 3 分 18 秒 · 3 分钟 · 45 秒: a length of time in words, as people say it (never 3.3 分钟) */
export function minutesAndSeconds(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  const m = Math.floor(s / 60)
  const r = s % 60
  if (m === 0) return `${r} 秒`
  return r === 0 ? `${m} 分钟` : `${m} 分 ${r} 秒`
}
