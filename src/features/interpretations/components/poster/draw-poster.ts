/**
 * 明白卡: a poster of an interpretation for village notice boards — title, key figures, a short
 * summary and a QR code that opens the full interpretation — drawn with the 2D canvas API that
 * the browser and WeChat's `canvas type="2d"` both have. The QR code comes from `uqr` (no
 * dependencies, ~4 KB gzip, used only in this subpackage).
 */
import { encode } from 'uqr'
import { type Canvas2D, wrapLines } from '@/components/canvas-image/canvas-2d'
import type { Interpretation, KeyFigure } from '@common/contract'

/** the part of the 2D context the poster uses */
export type PosterCtx = Pick<Canvas2D, 'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText' | 'scale'>

/** A4-like proportions, in canvas units before the pixel-ratio scale */
export const POSTER_WIDTH = 600
export const POSTER_HEIGHT = 880
const FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
const PAD = 40

export interface PosterData {
  title: string
  department: string
  summary: string
  figures: KeyFigure[]
  /** what the QR code opens */
  url: string
  date: string
}

export function posterData(item: Interpretation, url: string, date: string): PosterData {
  const figures = item.blocks.flatMap((b) => (b.type === 'keyFigures' ? b.items : [])).slice(0, 3)
  return { title: item.title, department: item.department, summary: item.summary, figures, url, date }
}

/** lines of at most `width`, broken between characters; the last kept line ends with … */
export function wrapText(ctx: Pick<PosterCtx, 'measureText'>, text: string, width: number, maxLines = Infinity): string[] {
  const lines = wrapLines(ctx, text, width)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`
  return kept
}

export interface Fitted {
  size: number
  lines: string[]
}

/**
 * The largest of `sizes` (px, largest first) at which the text wraps into `maxLines` lines of at
 * most `width`; only when even the smallest size cannot hold it is the last line cut with ….
 * Sets ctx.font to the size found.
 */
export function fitText(
  ctx: Pick<PosterCtx, 'measureText' | 'font'>,
  text: string,
  width: number,
  maxLines: number,
  sizes: number[],
  font: (size: number) => string,
): Fitted {
  for (const size of sizes) {
    ctx.font = font(size)
    const lines = wrapLines(ctx, text, width)
    if (lines.length <= maxLines) return { size, lines }
  }
  const size = sizes[sizes.length - 1]
  ctx.font = font(size)
  return { size, lines: wrapText(ctx, text, width, maxLines) }
}

/** the QR modules, black on white, with a quiet zone of 2 modules; returns the dark module count */
export function drawQr(ctx: PosterCtx, text: string, x: number, y: number, size: number): number {
  const qr = encode(text, { ecc: 'M', border: 0 })
  const cell = size / (qr.size + 4)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x, y, size, size)
  ctx.fillStyle = '#000000'
  let dark = 0
  qr.data.forEach((row, r) =>
    row.forEach((on, c) => {
      if (!on) return
      dark++
      // a hair wider than the cell, so antialiasing leaves no seams between modules
      ctx.fillRect(x + (c + 2) * cell, y + (r + 2) * cell, cell + 0.5, cell + 0.5)
    }),
  )
  return dark
}

export function drawPoster(ctx: PosterCtx, p: PosterData, scale = 1): void {
  ctx.scale(scale, scale)
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)

  // header band
  ctx.fillStyle = '#1659c7'
  ctx.fillRect(0, 0, POSTER_WIDTH, 96)
  ctx.fillStyle = '#ffffff'
  ctx.font = `bold 40px ${FONT}`
  ctx.fillText('政策明白卡', PAD, 26)
  ctx.font = `20px ${FONT}`
  ctx.textAlign = 'right'
  ctx.fillText(p.department, POSTER_WIDTH - PAD, 40)
  ctx.textAlign = 'left'

  // title
  let y = 124
  ctx.fillStyle = '#111418'
  const title = fitText(ctx, p.title, POSTER_WIDTH - PAD * 2, 3, [34, 30, 26], (px) => `bold ${px}px ${FONT}`)
  for (const line of title.lines) {
    ctx.fillText(line, PAD, y)
    y += Math.round(title.size * 1.35)
  }

  // key figures, side by side: the number shrinks to fit its box, the caption wraps (up to three
  // lines, smaller if need be) and every box is as tall as the tallest caption needs
  if (p.figures.length) {
    y += 12
    const gap = 12
    const w = (POSTER_WIDTH - PAD * 2 - gap * (p.figures.length - 1)) / p.figures.length
    const inner = w - 24
    const captions = p.figures.map((f) => fitText(ctx, f.caption, inner, 3, [20, 18, 16], (px) => `${px}px ${FONT}`))
    const capSize = Math.min(...captions.map((c) => c.size))
    // one caption size for all boxes, so they read as a row
    const capLines = p.figures.map((f) => fitText(ctx, f.caption, inner, 3, [capSize], (px) => `${px}px ${FONT}`))
    const lineH = Math.round(capSize * 1.3)
    const boxH = 70 + Math.max(...capLines.map((c) => c.lines.length)) * lineH + 12
    p.figures.forEach((f, i) => {
      const x = PAD + i * (w + gap)
      ctx.fillStyle = '#e8f0fd'
      ctx.fillRect(x, y, w, boxH)
      ctx.fillStyle = '#1659c7'
      let valueSize = 44
      const unitSize = () => Math.max(14, Math.round(valueSize * 0.45))
      const widthAt = () => {
        ctx.font = `bold ${unitSize()}px ${FONT}`
        const uw = f.unit ? ctx.measureText(f.unit).width + 4 : 0
        ctx.font = `bold ${valueSize}px ${FONT}`
        return ctx.measureText(f.value).width + uw
      }
      while (valueSize > 24 && widthAt() > inner + 4) valueSize -= 2
      ctx.font = `bold ${valueSize}px ${FONT}`
      ctx.fillText(f.value, x + 12, y + 14 + (44 - valueSize) / 2)
      const vw = ctx.measureText(f.value).width
      ctx.font = `bold ${unitSize()}px ${FONT}`
      ctx.fillText(f.unit ?? '', x + 16 + vw, y + 14 + 44 - unitSize() - 6)
      ctx.fillStyle = '#30353d'
      ctx.font = `${capSize}px ${FONT}`
      capLines[i].lines.forEach((line, j) => ctx.fillText(line, x + 12, y + 70 + j * lineH))
    })
    y += boxH + 20
  }

  // summary: as large as the room above the QR code allows
  const qrSize = 200
  const qrY = POSTER_HEIGHT - qrSize - 70
  ctx.fillStyle = '#30353d'
  const room = qrY - 16 - y
  const summary = fitText(ctx, p.summary, POSTER_WIDTH - PAD * 2, Math.max(1, Math.floor(room / 30)), [24, 22, 20], (px) => `${px}px ${FONT}`)
  const summaryLineH = Math.min(Math.round(summary.size * 1.5), Math.floor(room / Math.max(1, summary.lines.length)))
  for (const line of summary.lines) {
    ctx.fillText(line, PAD, y)
    y += summaryLineH
  }

  // QR code and how to use it
  drawQr(ctx, p.url, PAD, qrY, qrSize)
  ctx.fillStyle = '#111418'
  ctx.font = `bold 28px ${FONT}`
  ctx.fillText('扫码看完整图解', PAD + qrSize + 24, qrY + 40)
  ctx.fillStyle = '#30353d'
  ctx.font = `22px ${FONT}`
  wrapText(ctx, '用微信或手机相机扫一扫，可听朗读、看视频、在线咨询', POSTER_WIDTH - PAD * 2 - qrSize - 24, 3).forEach((line, j) =>
    ctx.fillText(line, PAD + qrSize + 24, qrY + 88 + j * 32),
  )

  // footer
  ctx.fillStyle = '#f4f6fa'
  ctx.fillRect(0, POSTER_HEIGHT - 50, POSTER_WIDTH, 50)
  ctx.fillStyle = '#4e5560'
  ctx.font = `18px ${FONT}`
  ctx.fillText(`台州市政务公开 · 政策通 · ${p.date}`, PAD, POSTER_HEIGHT - 36)
}
