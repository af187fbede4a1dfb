/**
 * 首屏直出's markup helpers, shared by every page the server draws (pages/*.ts): escaping, safe
 * picture addresses, inline JSON, Chinese dates, tag chips and the addresses the layer links to.
 *
 * Every piece of text is HTML-escaped here; the data goes into a <script> as JSON with `<` escaped,
 * so no content can close the script or add markup. Nothing drawn is personal: it is the public
 * content any visitor gets from the API routes the pages call.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** text for HTML content or a quoted attribute */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** a media path or an http(s) URL for src=; anything else (javascript:, data:) is dropped */
export function safeSrc(src: string): string | undefined {
  return /^(\/(?!\/)|https?:\/\/)/.test(src) ? escapeHtml(src) : undefined
}

/** JSON for an inline <script>: `<`, U+2028 and U+2029 escaped, so no value can end the script */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** 2021年5月20日, as src/utils/date.ts formatDate shows a date-only ISO string */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : escapeHtml(iso)
}

/** a query string as src/utils/routes.ts writes it: empty values left out, values encoded */
function qs(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/**
 * Where the layer's links go: the pages 首页 opens on a tap (src/utils/routes.ts, which the server
 * may not import). The layer's links are real `<a href>`s, so a tap before the app has taken over
 * still opens the page, by an ordinary page load.
 */
export const LAYER_LINKS = {
  home: '/pages/index/index',
  interpretations: '/pages/interpretations/index',
  interpretation: (id: string) => `/packages/interpretation/pages/detail/index${qs({ id })}`,
  policyList: (topic?: string) => `/packages/policy/pages/list/index${qs({ topic })}`,
  policy: (id: string) => `/packages/policy/pages/detail/index${qs({ id })}`,
  video: (id: string) => `/packages/video/pages/play/index${qs({ id })}`,
  videoFeed: (id: string) => `/packages/video/pages/feed/index${qs({ id })}`,
  courses: '/packages/course/pages/list/index',
  search: (type?: string) => `/packages/search/pages/results/index${qs({ type })}`,
  qa: (q?: string) => `/packages/qa/pages/ask/index${qs({ q })}`,
  consult: (q?: string) => `/packages/qa/pages/consult/index${qs({ q })}`,
  myConsultations: '/packages/qa/pages/mine/index',
  campaign: (id: string) => `/packages/quiz/pages/detail/index${qs({ id })}`,
  quizLeaderboard: (id: string) => `/packages/quiz/pages/leaderboard/index${qs({ id })}`,
  quizPractice: (topic?: string) => `/packages/quiz/pages/practice/index${qs({ topic })}`,
  quizMistakes: '/packages/quiz/pages/mistakes/index',
  lectureMenu: (topic?: string) => `/packages/lecture/pages/menu/index${qs({ topic })}`,
  lectureOrder: (topic?: string) => `/packages/lecture/pages/order/index${qs({ topic })}`,
  lectureMine: '/packages/lecture/pages/mine/index',
  lectureCalendar: '/packages/lecture/pages/calendar/index',
  lectureSignIn: '/packages/lecture/pages/sign-in/index',
}

/** a tag chip as the app draws it (src/components/tag) */
export const tag = (text: string, tone: string) => `<span class="tag tag--${tone}">${escapeHtml(text)}</span>`
