/** H5: print the poster alone, or hand it to the system share sheet. */

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
