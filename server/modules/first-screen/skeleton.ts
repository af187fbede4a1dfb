/** The skeleton layer for the pages the server does not draw (routes.ts' fallback). */
/**
 * Every other page of the app, opened from a link: a skeleton in the page's colours — a title bar
 * of grey, three card shapes and 「正在加载…」 (text, so the browser paints it as content) — in place
 * of a blank screen while the code downloads. The page removes it as soon as it draws anything,
 * its own loading state included (ThemePage, src/utils/first-screen.ts).
 */
export function skeletonFirstScreen(): string {
  const card = `<div class="zct-skeleton__card"><div class="zct-skeleton__line zct-skeleton__line--wide"></div><div class="zct-skeleton__line"></div><div class="zct-skeleton__line zct-skeleton__line--short"></div></div>`
  return (
    `<div class="zct-skeleton" aria-label="页面加载中"><div class="zct-skeleton__bar"></div>` +
    `${card}${card}${card}<span class="zct-skeleton__note">正在加载…</span></div>`
  )
}

/** its styles (rem of Taro's H5 root size: 1 rem = 20 design px); the layer's text size applies */
export const SKELETON_CSS =
  `.zct-skeleton{padding:.8rem}` +
  `.zct-skeleton__bar{height:1.6rem;width:40%;margin:.2rem 0 .8rem;border-radius:.3rem;background:#dfe4ec}` +
  `.zct-skeleton__card{padding:.8rem;margin-bottom:.6rem;border-radius:.6rem;background:#fff}` +
  `.zct-skeleton__line{height:.8rem;width:70%;margin-bottom:.5rem;border-radius:.2rem;background:#e8ecf2}` +
  `.zct-skeleton__line--wide{width:90%;height:1rem}.zct-skeleton__line--short{width:40%;margin-bottom:0}` +
  `.zct-skeleton__note{display:block;text-align:center;color:#5c6370;font-size:var(--fs-md,.8rem)}`
