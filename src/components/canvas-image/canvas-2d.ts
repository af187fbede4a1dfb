/** What the app's pictures draw with, on either platform, and the text wrapping they share. */

/** the part of CanvasRenderingContext2D the pictures use (WeChat's 2d context has all of it) */
export interface Canvas2D {
  fillStyle: string | CanvasGradient | CanvasPattern
  strokeStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  scale(x: number, y: number): void
}

/** lines of at most `width`, broken between characters (Chinese has no spaces) */
export function wrapLines(ctx: Pick<Canvas2D, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  if (line) lines.push(line)
  return lines
}
