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
  ctx.font = `bold 34px ${FONT}`
  for (const line of wrapText(ctx, p.title, POSTER_WIDTH - PAD * 2, 3)) {
    ctx.fillText(line, PAD, y)
    y += 46
  }

  // key figures, side by side
  if (p.figures.length) {
    y += 12
    const gap = 12
    const w = (POSTER_WIDTH - PAD * 2 - gap * (p.figures.length - 1)) / p.figures.length
    p.figures.forEach((f, i) => {
      const x = PAD + i * (w + gap)
      ctx.fillStyle = '#e8f0fd'
      ctx.fillRect(x, y, w, 128)
      ctx.fillStyle = '#1659c7'
      ctx.font = `bold 44px ${FONT}`
      ctx.fillText(f.value, x + 14, y + 14)
      const vw = ctx.measureText(f.value).width
      ctx.font = `bold 20px ${FONT}`
      ctx.fillText(f.unit ?? '', x + 18 + vw, y + 36)
      ctx.fillStyle = '#30353d'
      ctx.font = `20px ${FONT}`
      wrapText(ctx, f.caption, w - 24, 2).forEach((line, j) => ctx.fillText(line, x + 14, y + 70 + j * 26))
    })
    y += 128 + 20
  }

  // summary
  ctx.fillStyle = '#30353d'
  ctx.font = `24px ${FONT}`
  for (const line of wrapText(ctx, p.summary, POSTER_WIDTH - PAD * 2, 6)) {
    ctx.fillText(line, PAD, y)
    y += 36
  }

  // QR code and how to use it
  const qrSize = 200
  const qrY = POSTER_HEIGHT - qrSize - 70
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
