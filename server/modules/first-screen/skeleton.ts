/** The skeleton layer for the pages the server does not draw (routes.ts' fallback). */
import { demoBanner } from './demo-banner'

/**
 * Every other page of the app (all of them subpages), opened from a link: a skeleton in the page's
 * colours — the H5 title bar's blue strip at its height, the 演示模式 banner under it when the
 * server runs the demo (where the page will draw it), three card shapes and 「正在加载…」 (text, so
 * the browser paints it as content) — in place of a blank screen while the code downloads. The page
 * removes it as soon as it draws anything, its own loading state included (ThemePage,
 * src/utils/first-screen.ts).
 */
export function skeletonFirstScreen(options: { demo: boolean }): string {
  const card = `<div class="zct-skeleton__card"><div class="zct-skeleton__line zct-skeleton__line--wide"></div><div class="zct-skeleton__line"></div><div class="zct-skeleton__line zct-skeleton__line--short"></div></div>`
  return (
    `<div class="zct-skeleton" aria-label="页面加载中"><div class="zct-skeleton__bar"></div>${options.demo ? demoBanner() : ''}` +
    `<div class="zct-skeleton__body">${card}${card}${card}<span class="zct-skeleton__note">正在加载…</span></div></div>`
  )
}

/**
 * its styles (rem of Taro's H5 root size: 1 rem = 20 design px); the layer's text size applies. The
 * bar is src/components/title-bar's height and colour; the banner's own styles are the app's (app.css)
 */
export const SKELETON_CSS =
  `.zct-skeleton__bar{min-height:var(--tap,2.2rem);background:#1659c7}` +
  `.zct-skeleton__body{padding:.8rem}` +
  `.zct-skeleton__card{padding:.8rem;margin-bottom:.6rem;border-radius:.6rem;background:#fff}` +
  `.zct-skeleton__line{height:.8rem;width:70%;margin-bottom:.5rem;border-radius:.2rem;background:#e8ecf2}` +
  `.zct-skeleton__line--wide{width:90%;height:1rem}.zct-skeleton__line--short{width:40%;margin-bottom:0}` +
  `.zct-skeleton__note{display:block;text-align:center;color:#5c6370;font-size:var(--fs-md,.8rem)}`
