/**
 * 宣讲菜单 opened from a link (/packages/lecture/pages/menu/index, ?topic= for one field): the
 * field and format chips, the shortcuts and the first lecture cards, with the answers the page asks
 * for (GET /topics and GET /lecture-topics). Its taps are real links: a field's chip opens the menu
 * on that field, 我要点单 the order form on that lecture.
 */
import fastJson from 'fast-json-stringify'
import { Type } from '@sinclair/typebox'
import type { LectureTopic, Topic } from '../../../../common/contract'
import { API_PREFIX, lectureFormatLabel } from '../../../../common/contract'
import { FilterKey } from '../../../schemas/common'
import { Topic as TopicSchema } from '../../content/schemas'
import { lectureMenu } from '../../lectures/topic-routes'
import { LectureTopic as LectureTopicSchema } from '../../lectures/topic-schemas'
import { escapeHtml, LAYER_LINKS, tag } from '../markup'
import { asServed, type FirstScreenPage } from '../page'
import { card, inertButton, link, subpage } from '../subpage'

/** a card is about 300 px high: two fill the phone's screen below the filters, a third only costs bytes */
export const LECTURES_ON_FIRST_SCREEN = 3

const chip = (name: string, on: boolean, href?: string) =>
  href ? link(`chip${on ? ' chip--on' : ''}`, href, escapeHtml(name)) : `<div class="chip${on ? ' chip--on' : ''}">${escapeHtml(name)}</div>`

/** src/features/lectures/components/topic-card.tsx, with 往期评价 folded as the page first shows it */
function lectureCard(t: LectureTopic): string {
  const lecturers = t.lecturers.map((l) => `${l.name}（${l.title}）`).join('；') || '待定'
  const rating = t.rating.count ? `★ ${t.rating.average.toFixed(1)}（${t.rating.count}次评价）` : '暂无评价'
  return card(
    `<div><span class="lec-card__title">${escapeHtml(t.title)}</span>` +
      `<span class="lec-card__meta">${escapeHtml(t.department)} · 约${t.durationMin}分钟</span>` +
      `<span class="lec-card__summary">${escapeHtml(t.summary)}</span>` +
      `<div class="lec-card__tags">${t.formats.map((f) => tag(lectureFormatLabel[f], 'neutral')).join('')}</div>` +
      `<span class="lec-card__meta">宣讲员：${escapeHtml(lecturers)}</span>` +
      `<div class="lec-card__head" style="align-items:center;margin-top:8px"><span class="lec-rating">${rating}</span>` +
      `${link('lec-btn', LAYER_LINKS.lectureOrder(t.id), '我要点单', 'width:100%')}</div>` +
      `<div>${inertButton('lec-link', '查看往期评价')}</div></div>`,
    { className: 'lec-card' },
  )
}

export function lectureMenuFirstScreen(topics: Topic[], lectures: LectureTopic[], field?: string): string {
  const fields = [chip('全部', !field, LAYER_LINKS.lectureMenu()), ...topics.map((t) => chip(t.name, field === t.id, LAYER_LINKS.lectureMenu(t.id)))].join('')
  const formats = [chip('全部形式', true), chip('到村现场', false), chip('线上直播', false)].join('')
  const shortcuts = [
    ['我的点单', LAYER_LINKS.lectureMine],
    ['宣讲日历', LAYER_LINKS.lectureCalendar],
    ['现场签到', LAYER_LINKS.lectureSignIn],
  ]
    .map(([name, href]) => link('lec-link', href, `${name} ›`))
    .join('')
  const list = lectures.length
    ? lectures.slice(0, LECTURES_ON_FIRST_SCREEN).map(lectureCard).join('')
    : `<div class="state"><div class="state__icon" aria-hidden="true">空</div><span class="state__title">该领域暂无宣讲专题</span><span class="state__hint">换个领域或形式看看</span></div>`
  return subpage(
    '宣讲菜单',
    '',
    `<div class="page__filters"><div class="chip-bar">${fields}</div><div class="chip-bar">${formats}</div></div>` +
      `<div class="lec-row" style="margin:0 12px">${shortcuts}</div><div>${list}</div>`,
  )
}

const serialiseTopics = fastJson(Type.Array(TopicSchema))
const serialiseLectures = fastJson(Type.Array(LectureTopicSchema))

export const lectureMenuPage: FirstScreenPage = {
  page: 'packages/lecture/pages/menu/index',
  async draw(app, query) {
    const field = typeof query.topic === 'string' && query.topic ? query.topic : undefined
    // what GET /lecture-topics would refuse (FilterKey) is not drawn: the page shows the API's answer
    if (field && field.length > (FilterKey.maxLength ?? 0)) return undefined
    const [topics, lectures] = await Promise.all([app.store.content.listTopics(), lectureMenu(app.store, { topic: field })])
    const topicData = asServed<Topic[]>(serialiseTopics, topics)
    const lectureData = asServed<LectureTopic[]>(serialiseLectures, lectures)
    // the URLs as the page asks for them (src/features/topics, src/features/lectures/api)
    const listUrl = `${API_PREFIX}/lecture-topics${field ? `?topic=${encodeURIComponent(field)}` : ''}`
    return { html: lectureMenuFirstScreen(topicData, lectureData, field), data: { [`${API_PREFIX}/topics`]: topicData, [listUrl]: lectureData } }
  },
}
