/**
 * 首页 at / and /pages/index/index: hero, search bar, 精选解读 and the topic tiles, with GET /home's answer.
 */
import fastJson from 'fast-json-stringify'
import type { Home, InterpretationSummary } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { kindLabel, kindTone } from '../../../../common/labels/interpretation-kinds'
import { composeHome } from '../../content/home'
import { Home as HomeSchema } from '../../content/schemas'
import { asServed, type FirstScreenPage } from '../page'
import { chineseDate, escapeHtml, LAYER_LINKS, safeSrc, tag } from '../markup'

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
    `<a class="search-bar search-bar--link" href="${LAYER_LINKS.search()}"><div class="search-bar__icon"></div><div class="search-bar__placeholder">搜政策、解读、问答：社保卡、医保…</div></a>` +
    `<a class="home__ask" href="${LAYER_LINKS.qa()}"><span class="home__ask-title">有问题，直接问</span><span class="home__ask-hint">“我妈82岁了，高龄津贴每月能领多少？”</span></a>` +
    `</div>` +
    featured +
    `<div class="section__title"><span>政策专题</span></div><div class="topic-grid">${topics}</div>` +
    `</div>`
  )
}

const serialiseHome = fastJson(HomeSchema)

export const homePage: FirstScreenPage = {
  page: 'pages/index/index',
  alsoAt: ['/'],
  async draw(app) {
    const data = asServed<Home>(serialiseHome, await composeHome(app.store))
    return { html: homeFirstScreen(data), data: { [`${API_PREFIX}/home`]: data } }
  },
}
