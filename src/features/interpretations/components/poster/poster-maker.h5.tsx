import { useEffect } from 'react'
import type { PosterMakerProps } from './poster-maker'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterCtx } from './draw-poster'

/** H5: draws on a canvas that never enters the document, at 2× for printing, and hands out a PNG data URL. */
export function PosterMaker({ poster, onImage }: PosterMakerProps) {
  useEffect(() => {
    const scale = 2
    const canvas = document.createElement('canvas')
    canvas.width = POSTER_WIDTH * scale
    canvas.height = POSTER_HEIGHT * scale
    const ctx = canvas.getContext('2d')
    if (!ctx) return onImage(undefined)
    drawPoster(ctx as unknown as PosterCtx, poster, scale)
    onImage(canvas.toDataURL('image/png'))
    return undefined
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(poster)])
  return null
}


/** a window with only the poster, sized to the page, then the browser's print dialog */
export function printPoster(src: string): void {
  const w = window.open('', '_blank')
  if (!w) return
  w.document.title = '政策明白卡'
  const img = w.document.createElement('img')
  img.src = src
  img.style.cssText = 'width:100%;max-width:190mm;display:block;margin:0 auto'
  img.onload = () => {
    w.focus()
    w.print()
  }
  w.document.body.style.margin = '0'
  w.document.body.appendChild(img)
}

export async function sharePoster(src: string, title: string): Promise<boolean> {
  const nav = navigator as Navigator & { canShare?: (d: ShareData) => boolean }
  if (!nav.share || !nav.canShare) return false
  const blob = await (await fetch(src)).blob()
  const file = new File([blob], `${title}.png`, { type: 'image/png' })
  if (!nav.canShare({ files: [file] })) return false
  await nav.share({ files: [file], title })
  return true
}
