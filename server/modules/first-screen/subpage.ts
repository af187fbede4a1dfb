/**
 * What the server-drawn subpages share (pages/policy.ts, video.ts, campaign.ts, lecture-menu.ts,
 * qa-ask.ts): the H5 title bar, the Card surface and the addresses their taps open — each as the
 * app draws it, so the page's own stylesheet styles it. Every text goes through escapeHtml.
 */
import { escapeHtml } from './markup'

/** a query string as src/utils/routes.ts writes it: empty values left out, values encoded */
function qs(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/**
 * The pages a subpage's taps open (src/utils/routes.ts, which the server may not import), as real
 * `<a href>`s: a tap before the app has taken over still goes there, by an ordinary page load.
 */
export const SUBPAGE_LINKS = {
  home: '/pages/index/index',
  policy: (id: string) => `/packages/policy/pages/detail/index${qs({ id })}`,
  interpretation: (id: string) => `/packages/interpretation/pages/detail/index${qs({ id })}`,
  video: (id: string) => `/packages/video/pages/play/index${qs({ id })}`,
  qa: (q?: string) => `/packages/qa/pages/ask/index${qs({ q })}`,
  consult: (q?: string) => `/packages/qa/pages/consult/index${qs({ q })}`,
  myConsultations: '/packages/qa/pages/mine/index',
  quizLeaderboard: (id: string) => `/packages/quiz/pages/leaderboard/index${qs({ id })}`,
  quizPractice: (topic?: string) => `/packages/quiz/pages/practice/index${qs({ topic })}`,
  lectureMenu: (topic?: string) => `/packages/lecture/pages/menu/index${qs({ topic })}`,
  lectureOrder: (topic?: string) => `/packages/lecture/pages/order/index${qs({ topic })}`,
  lectureMine: '/packages/lecture/pages/mine/index',
  lectureCalendar: '/packages/lecture/pages/calendar/index',
  lectureSignIn: '/packages/lecture/pages/sign-in/index',
}

/** a real link that looks like the view it stands for (role="link": 长辈模式's tap-target rule applies to it as to the app's) */
export const link = (className: string, href: string, inner: string, style?: string) =>
  `<a class="${className}" role="link" href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${inner}</a>`

/**
 * H5's title bar of a subpage (src/components/title-bar): opened from a link there is no page to
 * go back to, so its button says 首页 and goes there
 */
export function titleBar(title: string): string {
  return (
    `<div class="title-bar">${link('title-bar__back', SUBPAGE_LINKS.home, '<span class="title-bar__arrow">‹</span><span>首页</span>')}` +
    `<span class="title-bar__title">${escapeHtml(title)}</span><div class="title-bar__spacer"></div></div>`
  )
}

/** the Card surface (src/components/card), with its optional heading */
export function card(inner: string, options: { className?: string; title?: string; layout?: 'inset' | 'flush'; padding?: 'md' | 'none' } = {}): string {
  const { className = '', title, layout = 'inset', padding = 'md' } = options
  const head = title ? `<div class="card__head"><span class="card__title">${escapeHtml(title)}</span></div>` : ''
  return `<div class="card card--pad-${padding} card--${layout}${className ? ` ${className}` : ''}">${head}${inner}</div>`
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
