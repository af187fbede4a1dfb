/**
 * The 演示模式 banner in a first screen, where and as the app draws it: ThemePage puts DemoBanner
 * (src/components/demo-banner) first in every page's root, after the H5 title bar of a subpage.
 * The app draws it from its first frame when the HTML says demo (GET /app-config's answer comes
 * with it), so with it here nothing moves when the layer goes.
 */
import { demoBannerText, demoBannerTitle } from '../../../common/labels/demo-mode'
import { escapeHtml } from './markup'
import { TITLE_BAR_END } from './subpage'

export function demoBanner(): string {
  return (
    `<div class="demo-banner" role="region" aria-label="${escapeHtml(demoBannerTitle)}">` +
    `<span class="demo-banner__title">${escapeHtml(demoBannerTitle)}</span><span class="demo-banner__text">${escapeHtml(demoBannerText)}</span></div>`
  )
}

const PAGE_ROOT = /^<div class="page[ "][^>]*>/

/**
 * `screen` (a page's root, `<div class="page …">`) with the banner first in it, after its title bar
 * when it has one (subpage.ts titleBar)
 */
export function withDemoBanner(screen: string): string {
  const root = PAGE_ROOT.exec(screen)
  if (!root) throw new Error('a first screen is one page root, <div class="page …">')
  let at = root[0].length
  if (screen.startsWith('<div class="title-bar">', at)) at = screen.indexOf(TITLE_BAR_END, at) + TITLE_BAR_END.length
  return screen.slice(0, at) + demoBanner() + screen.slice(at)
}
