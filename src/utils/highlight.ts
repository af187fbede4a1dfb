export interface Segment {
  text: string
  hit: boolean
}

/** Splits `text` into plain and matched segments for the given terms (longest match first, case-insensitive). */
export function highlight(text: string, terms: string[]): Segment[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length)
  if (!wanted.length || !text) return text ? [{ text, hit: false }] : []
  const escaped = wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const re = new RegExp(`(${escaped.join('|')})`, 'gi')
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0
    if (at > last) out.push({ text: text.slice(last, at), hit: false })
    out.push({ text: m[0], hit: true })
    last = at + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false })
  return out
}
