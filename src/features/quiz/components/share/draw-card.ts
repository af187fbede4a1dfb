/**
 * The shareable result card and the participation certificate, drawn with the 2D canvas API that
 * both the browser and WeChat's `canvas type="2d"` offer. Size in canvas units (CSS px × scale).
 */
import { type Canvas2D, wrapLines } from '@/components/canvas-image/canvas-2d'

export interface CardData {
  kind: 'result' | 'certificate'
  campaignTitle: string
  department: string
  name: string
  score: number
  maxScore: number
  correctCount: number
  total: number
  timeUsed: string
  rank?: number
  certificateText?: string
  date: string
}

export const CARD_WIDTH = 300
export const CARD_HEIGHT = 420
const FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"

function text(ctx: Canvas2D, value: string, x: number, y: number, size: number, color: string, weight = 'normal', align: CanvasTextAlign = 'center') {
  ctx.font = `${weight} ${size}px ${FONT}`
  ctx.fillStyle = color
  ctx.textAlign = align
  ctx.fillText(value, x, y)
}

function paragraph(ctx: Canvas2D, value: string, y: number, size: number, color: string, width: number, maxLines = 4): number {
  ctx.font = `normal ${size}px ${FONT}`
  const lines = wrapLines(ctx, value, width).slice(0, maxLines)
  lines.forEach((l, i) => text(ctx, l, CARD_WIDTH / 2, y + i * size * 1.5, size, color))
  return y + lines.length * size * 1.5
}

export function drawCard(ctx: Canvas2D, d: CardData, scale = 1): void {
  ctx.scale(scale, scale)
  ctx.textBaseline = 'middle'
  const certificate = d.kind === 'certificate'
  ctx.fillStyle = certificate ? '#fffaf0' : '#1659c7'
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT)
  if (certificate) {
    ctx.strokeStyle = '#b8860b'
    ctx.lineWidth = 4
    ctx.strokeRect(10, 10, CARD_WIDTH - 20, CARD_HEIGHT - 20)
    ctx.lineWidth = 1
    ctx.strokeRect(18, 18, CARD_WIDTH - 36, CARD_HEIGHT - 36)
    text(ctx, '参 与 证 书', CARD_WIDTH / 2, 62, 26, '#8b1a1a', 'bold')
    let y = paragraph(ctx, d.campaignTitle, 104, 14, '#5f4b32', 240, 2)
    text(ctx, d.name, CARD_WIDTH / 2, y + 30, 22, '#1f2329', 'bold')
    y = paragraph(ctx, d.certificateText ?? '', y + 70, 14, '#1f2329', 236, 5)
    text(ctx, `成绩 ${d.score} 分 · 答对 ${d.correctCount}/${d.total} 题`, CARD_WIDTH / 2, y + 24, 14, '#8b1a1a')
    text(ctx, d.department, CARD_WIDTH / 2, CARD_HEIGHT - 70, 12, '#5f4b32')
    text(ctx, d.date, CARD_WIDTH / 2, CARD_HEIGHT - 48, 12, '#5f4b32')
    return
  }
  text(ctx, '政策通 · 知识竞赛', CARD_WIDTH / 2, 36, 14, '#dbe7fb')
  paragraph(ctx, d.campaignTitle, 68, 17, '#ffffff', 260, 2)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(20, 120, CARD_WIDTH - 40, 230)
  text(ctx, `${d.name} 的成绩`, CARD_WIDTH / 2, 148, 15, '#4e5560')
  text(ctx, String(d.score), CARD_WIDTH / 2, 205, 64, '#c2410c', 'bold')
  text(ctx, `满分 ${d.maxScore} 分`, CARD_WIDTH / 2, 250, 13, '#5f6673')
  text(ctx, `答对 ${d.correctCount}/${d.total} 题 · 用时 ${d.timeUsed}`, CARD_WIDTH / 2, 290, 15, '#1f2329')
  text(ctx, d.rank ? `当前排名 第 ${d.rank} 名` : '排名计算中', CARD_WIDTH / 2, 322, 15, '#1659c7', 'bold')
  text(ctx, '学政策 · 懂政策 · 用政策', CARD_WIDTH / 2, 378, 14, '#ffffff')
  text(ctx, `${d.department} · ${d.date}`, CARD_WIDTH / 2, 402, 11, '#dbe7fb')
}
