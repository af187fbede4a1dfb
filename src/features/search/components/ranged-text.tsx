import { Text } from '@tarojs/components'
import type { TextRange } from '@common/contract'

export interface Piece {
  text: string
  hit: boolean
}

/** `text` cut at the server's highlight ranges (UTF-16 offsets; out-of-order or out-of-range ones ignored) */
export function piecesOf(text: string, ranges: readonly TextRange[]): Piece[] {
  const out: Piece[] = []
  let at = 0
  for (const r of ranges) {
    const start = Math.max(r.start, at)
    const end = Math.min(r.end, text.length)
    if (end <= start) continue
    if (start > at) out.push({ text: text.slice(at, start), hit: false })
    out.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false })
  return out
}

/** Text with the matched ranges emphasised: plain text nodes only, never HTML. */
export function RangedText({ text, ranges, className }: { text: string; ranges: readonly TextRange[]; className?: string }) {
  return (
    <Text className={className}>
      {piecesOf(text, ranges).map((p, i) =>
        p.hit ? (
          <Text key={i} className='search-hl'>
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </Text>
  )
}
