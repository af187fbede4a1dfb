/**
 * What the server-drawn subpages share (pages/policy.ts, video.ts, campaign.ts, lecture-menu.ts,
 * qa-ask.ts): the H5 title bar, the Card surface and the addresses their taps open — each as the
 * app draws it, so the page's own stylesheet styles it. Every text goes through escapeHtml.
 */
import { escapeHtml, LAYER_LINKS } from './markup'

/** a real link that looks like the view it stands for (role="link": 长辈模式's tap-target rule applies to it as to the app's) */
export const link = (className: string, href: string, inner: string, style?: string) =>
  `<a class="${className}" role="link" href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${inner}</a>`

/** how titleBar() ends (demo-banner.ts puts the 演示模式 banner right after it, as the app does) */
export const TITLE_BAR_END = '<div class="title-bar__spacer"></div></div>'

/**
 * H5's title bar of a subpage (src/components/title-bar): opened from a link there is no page to
 * go back to, so its button says 首页 and goes there
 */
export function titleBar(title: string): string {
  return (
    `<div class="title-bar">${link('title-bar__back', LAYER_LINKS.home, '<span class="title-bar__arrow">‹</span><span>首页</span>')}` +
    `<span class="title-bar__title">${escapeHtml(title)}</span>${TITLE_BAR_END}`
  )
}

/**
 * the Card surface (src/components/card), with its optional heading; `attributes`: the layer's own
 * markers on it (` data-signed-out=""`, written by the caller, never user text)
 */
export function card(
  inner: string,
  options: { className?: string; title?: string; layout?: 'inset' | 'flush'; padding?: 'md' | 'none'; attributes?: string } = {},
): string {
  const { className = '', title, layout = 'inset', padding = 'md', attributes = '' } = options
  const head = title ? `<div class="card__head"><span class="card__title">${escapeHtml(title)}</span></div>` : ''
  return `<div class="card card--pad-${padding} card--${layout}${className ? ` ${className}` : ''}"${attributes}>${head}${inner}</div>`
}

/**
 * a button of the page that needs the app's code (分享, 收藏 …): drawn at its size (长辈模式's
 * tap-target rule keys on the role, as the app's buttons have it) but with nothing to do yet
 */
export const inertButton = (className: string, text: string, style?: string) =>
  `<div class="${className}" role="button" aria-disabled="true"${style ? ` style="${style}"` : ''}>${text}</div>`

/** a subpage's root, as ThemePage draws it (the layer script adds the saved text size's class) */
export const subpage = (title: string, className: string, inner: string) =>
  `<div class="page${className ? ` ${className}` : ''}">${titleBar(title)}${inner}</div>`
