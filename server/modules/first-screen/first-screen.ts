/**
 * 首屏直出 — the first screen of 首页 and of an interpretation, written into the HTML by the server.
 *
 * On a slow phone network (the bench's slow 4G: 562 ms round trips, 1.6 Mbps) the H5 app needs
 * about two seconds to download and run React, Taro and the page before it can show anything. A
 * visitor who opens a shared interpretation link, or 首页 at a village service point on weak
 * Wi-Fi, would look at a white screen all that time. So for these two landing pages the server
 * puts the real first screen — the same text, dates and picture the page will show, with the
 * page's own class names and stylesheet — into the HTML, together with the API answer the page
 * is about to ask for. The app then starts as usual; the page removes this layer
 * (src/utils/first-screen.ts) in the same frame as it renders its own content.
 *
 * Every piece of text is HTML-escaped here; the data goes into a <script> as JSON with `<` escaped,
 * so no content can close the script or add markup. Nothing here is personal: it is the public
 * content any visitor gets from GET /home and GET /interpretations/:id.
 */
import type { Block, Home, Interpretation, InterpretationSummary } from '../../../common/contract'
// the pages' own wording and colours (plain data modules of the client)
import { kindLabel, kindTone, staleNotice } from '../../../common/labels/interpretation-kinds'
import { validityLabel, validityTone } from '../../../common/labels/policy-validity'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** text for HTML content or a quoted attribute */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** a media path or an http(s) URL for src=; anything else (javascript:, data:) is dropped */
function safeSrc(src: string): string | undefined {
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

/**
 * Where the layer's links go: the pages 首页 opens on a tap (src/utils/routes.ts, which the server
 * may not import). The layer's links are real `<a href>`s, so a tap before the app has taken over
 * still opens the page, by an ordinary page load.
 */
export const LAYER_LINKS = {
  interpretations: '/pages/interpretations/index',
  interpretation: (id: string) => `/packages/interpretation/pages/detail/index?id=${encodeURIComponent(id)}`,
  policyList: (topic?: string) => `/packages/policy/pages/list/index${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`,
  ask: '/packages/qa/pages/ask/index',
  search: '/packages/search/pages/results/index',
}

const tag = (text: string, tone: string) => `<span class="tag tag--${tone}">${escapeHtml(text)}</span>`

function featuredCard(item: InterpretationSummary): string {
  const cover = safeSrc(item.cover)
  return (
    `<a class="home__featured-item" href="${escapeHtml(LAYER_LINKS.interpretation(item.id))}"><div class="interp-card interp-card--compact">` +
    (cover ? `<img class="interp-card__cover" src="${cover}" alt="">` : '') +
    `<div class="interp-card__body"><span class="interp-card__title">${escapeHtml(item.title)}</span>` +
    `<div class="interp-card__meta">${tag(kindLabel[item.kind], kindTone[item.kind])}` +
    `<span class="interp-card__date">${chineseDate(item.publishedAt)}</span></div></div></div></a>`
  )
}

/** a featured card is 82 % of the screen wide: the first shows whole, the second begins; a third would only cost bandwidth */
export const FEATURED_ON_FIRST_SCREEN = 2

/** 首页 down to 政策专题: hero, search bar, 精选解读 and the topic tiles */
export function homeFirstScreen(home: Home): string {
  const featured = home.featured.length
    ? `<div class="section__title"><span>精选解读</span><a class="section__more" href="${LAYER_LINKS.interpretations}">更多解读 ›</a></div>` +
      `<div class="home__featured">${home.featured.slice(0, FEATURED_ON_FIRST_SCREEN).map(featuredCard).join('')}</div>`
    : ''
  const topics = home.topics
    .map(
      (t) =>
        `<a class="topic-grid__item" href="${escapeHtml(LAYER_LINKS.policyList(t.id))}"><div class="topic-grid__icon topic-grid__icon--${escapeHtml(t.id)}">${escapeHtml(t.name.slice(0, 1))}</div>` +
        `<span class="topic-grid__name">${escapeHtml(t.name)}</span></a>`,
    )
    .join('')
  return (
    `<div class="page home">` +
    `<div class="home__hero"><div class="home__top"><div class="home__titles">` +
    `<span class="home__brand">政策通</span><span class="home__slogan">台州政策，一看就懂</span></div>` +
    `<div class="elder-toggle"><span class="elder-toggle__icon">大</span><span>长辈模式</span></div></div>` +
    `<a class="search-bar search-bar--link" href="${LAYER_LINKS.search}"><div class="search-bar__icon"></div><div class="search-bar__placeholder">搜政策、解读、问答：社保卡、医保…</div></a>` +
    `<a class="home__ask" href="${LAYER_LINKS.ask}"><span class="home__ask-title">有问题，直接问</span><span class="home__ask-hint">“我妈82岁了，高龄津贴每月能领多少？”</span></a>` +
    `</div>` +
    featured +
    `<div class="section__title"><span>政策专题</span></div><div class="topic-grid">${topics}</div>` +
    `</div>`
  )
}

function firstBlocks(blocks: Block[]): string {
  const out: string[] = []
  // the blocks a phone shows first: headings, paragraphs and pictures, up to the first other kind
  for (const [i, b] of blocks.entries()) {
    if (i >= 6) break
    if (b.type === 'heading') out.push(`<div class="block block--heading"><div class="block__heading">${escapeHtml(b.text)}</div></div>`)
    else if (b.type === 'paragraph') out.push(`<div class="block block--paragraph"><span class="block__paragraph">${escapeHtml(b.text)}</span></div>`)
    else if (b.type === 'image') {
      const src = safeSrc(b.src)
      if (!src) break
      out.push(
        `<div class="block block--image"><div class="block__figure"><img class="block__image" src="${src}" alt="${escapeHtml(b.alt)}">` +
          (b.caption ? `<span class="block__caption">${escapeHtml(b.caption)}</span>` : '') +
          `</div></div>`,
      )
    } else break
  }
  return `<div class="blocks">${out.join('')}</div>`
}

/** an interpretation's head (tags, title, department and date) and its first blocks */
export function interpretationFirstScreen(item: Interpretation): string {
  return (
    `<div class="page interp-detail"><div class="interp-detail__head">` +
    `<div class="interp-detail__tags">${tag(kindLabel[item.kind], 'primary')}${tag(validityLabel[item.validity], validityTone[item.validity])}</div>` +
    `<div class="interp-detail__title">${escapeHtml(item.title)}</div>` +
    `<span class="interp-detail__meta">${escapeHtml(item.department)} · ${chineseDate(item.publishedAt)}</span>` +
    `<div class="interp-detail__tools"><div class="read-aloud">▶ 朗读全文</div><div class="interp-detail__poster">生成明白卡海报</div></div>` +
    (item.validity === 'valid' ? '' : `<div class="interp-detail__stale">${staleNotice[item.validity]}</div>`) +
    `</div>${firstBlocks(item.blocks)}</div>`
  )
}

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
