import { encode } from 'uqr'
import { fixtures } from '../../../../../../mock/fixtures'
import { drawPoster, drawQr, fitText, POSTER_HEIGHT, POSTER_WIDTH, posterData, wrapText, type PosterCtx } from '../draw-poster'

/** a 2D context that records text and rectangles; a character is as wide as the font size */
function recorder() {
  const texts: { text: string; x: number; y: number; font: string }[] = []
  const rects: { x: number; y: number; w: number; h: number; fill: string }[] = []
  const ctx = {
    fillStyle: '#000',
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'top',
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ x, y, w, h, fill: String(this.fillStyle) })
    },
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, font: this.font })
    },
    measureText(text: string) {
      const px = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10)
      return { width: [...text].length * px }
    },
    scale: jest.fn(),
  }
  return { ctx: ctx as unknown as PosterCtx & { scale: jest.Mock }, texts, rects }
}

const i001 = fixtures.interpretations.find((x) => x.id === 'i001')!
const url = 'http://127.0.0.1:8080/packages/interpretation/pages/detail/index?id=i001'

describe('明白卡 poster', () => {
  it('draws the title, up to three key figures with units, the summary and the footer, inside the poster', () => {
    const { ctx, texts } = recorder()
    const data = posterData(i001, url, '2026年11月28日')
    drawPoster(ctx, data, 2)
    expect(ctx.scale).toHaveBeenCalledWith(2, 2)
    const all = texts.map((t) => t.text).join('')
    expect(all).toContain('政策明白卡')
    expect(all.replace(/…/g, '')).toContain(i001.title.slice(0, 12))
    const figures = i001.blocks.flatMap((b) => (b.type === 'keyFigures' ? b.items : [])).slice(0, 3)
    expect(figures.length).toBeGreaterThan(0)
    for (const f of figures) expect(texts.some((t) => t.text === f.value)).toBe(true)
    expect(all).toContain('扫码看完整图解')
    expect(all).toContain('台州市政务公开 · 政策通 · 2026年11月28日')
    for (const t of texts) {
      expect(t.y).toBeGreaterThanOrEqual(0)
      expect(t.y).toBeLessThan(POSTER_HEIGHT)
      expect(t.x).toBeLessThanOrEqual(POSTER_WIDTH)
    }
  })

  it('draws the QR code of the interpretation link: one dark square per dark module', () => {
    const { ctx, rects } = recorder()
    const dark = drawQr(ctx, url, 40, 600, 200)
    const expected = encode(url, { ecc: 'M', border: 0 }).data.flat().filter(Boolean).length
    expect(dark).toBe(expected)
    expect(rects.filter((r) => r.fill === '#000000')).toHaveLength(expected)
    // all inside the white square
    for (const r of rects.slice(1)) expect(r.x + r.w).toBeLessThanOrEqual(40 + 200 + 1)
  })

  it('wraps Chinese text between characters and ends a cut line with …', () => {
    const { ctx } = recorder()
    ctx.font = '10px x'
    expect(wrapText(ctx, '一二三四五六七', 30)).toEqual(['一二三', '四五六', '七'])
    expect(wrapText(ctx, '一二三四五六七', 30, 2)).toEqual(['一二三', '四五…'])
  })
})

describe('明白卡 text fits its boxes', () => {
  const i002 = fixtures.interpretations.find((x) => x.id === 'i002')!

  it('a key figure caption wraps onto more lines instead of being cut (「每多缴1年加发」 whole)', () => {
    const { ctx, texts } = recorder()
    drawPoster(ctx, posterData(i002, url, '2026年12月4日'))
    expect(texts.some((t) => t.text.includes('…'))).toBe(false)
    const figures = posterData(i002, url, '').figures
    for (const f of figures) {
      // the caption's lines, joined, are the caption
      const inBoxes = texts.filter((t) => f.caption.startsWith(t.text) || f.caption.includes(t.text)).map((t) => t.text)
      expect(inBoxes.join('')).toContain(f.caption)
    }
  })

  it('a number too wide for its box is drawn smaller, inside the box', () => {
    const { ctx, texts } = recorder()
    const data = {
      ...posterData(i002, url, ''),
      figures: [{ value: '123456789', unit: '元/月', caption: '很长的数字' }, ...posterData(i002, url, '').figures.slice(0, 2)],
    }
    drawPoster(ctx, data)
    const value = texts.find((t) => t.text === '123456789')!
    const px = Number(/(\d+)px/.exec(value.font)![1])
    expect(px).toBeLessThan(44)
  })

  it('fitText takes the largest size that fits, and cuts only at the smallest', () => {
    const { ctx } = recorder()
    const font = (px: number) => `${px}px x`
    expect(fitText(ctx, '一二三四五六', 60, 1, [20, 10], font)).toEqual({ size: 10, lines: ['一二三四五六'] })
    expect(fitText(ctx, '一二三四五六', 60, 2, [20, 10], font)).toEqual({ size: 20, lines: ['一二三', '四五六'] })
    expect(fitText(ctx, '一二三四五六七八', 30, 1, [20, 10], font)).toEqual({ size: 10, lines: ['一二…'] })
  })
})
