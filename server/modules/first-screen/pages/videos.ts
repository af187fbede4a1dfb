/**
 * 视频 (pages/videos/index): the search bar, the topic chips (全部 on), the 网络课堂 link and the
 * first two rows of video cards, with the answers the page asks for on load: GET /topics and the
 * first page of GET /videos.
 */
import { Type } from '@sinclair/typebox'
import fastJson from 'fast-json-stringify'
import type { Page, Topic, Video } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { formatCount } from '../../../../common/counts'
import { formatDuration } from '../../../../common/durations'
import { PageOf } from '../../../schemas/common'
import { Topic as TopicSchema } from '../../content/schemas'
import { Video as VideoSchema } from '../../media/schemas'
import { asServed, type FirstScreenPage } from '../page'
import { escapeHtml, LAYER_LINKS, safeSrc } from '../markup'
import { chipBar, emptyState, LIST_PAGE_SIZE, searchLink } from './tab-parts'

/** two columns of cards about 320 px high: the second row begins on a 844-high phone */
export const VIDEOS_ON_FIRST_SCREEN = 4

/** VideoCard: poster with its length, title and plays; the whole card a link to the video feed */
function card(video: Video): string {
  const poster = safeSrc(video.poster)
  return (
    `<a class="video-card" href="${escapeHtml(LAYER_LINKS.videoFeed(video.id))}"><div class="video-card__poster-wrap">` +
    (poster ? `<img class="video-card__poster" src="${poster}" alt="">` : '') +
    `<span class="video-card__duration">▶ ${formatDuration(video.durationSec)}</span></div>` +
    `<span class="video-card__title">${escapeHtml(video.title)}</span>` +
    `<span class="video-card__meta">${formatCount(video.views)} 次播放</span></a>`
  )
}

export function videosFirstScreen(topics: Topic[], list: Page<Video>): string {
  return (
    `<div class="page">${searchLink(LAYER_LINKS.search('video'), '搜视频和网络课堂')}${chipBar(topics)}` +
    (list.items.length ? '' : emptyState('这个专题还没有视频', '看看其他专题吧')) +
    `<a class="videos__courses" href="${LAYER_LINKS.courses}">网络课堂：系统学政策 ›</a>` +
    `<div class="videos__grid">${list.items.slice(0, VIDEOS_ON_FIRST_SCREEN).map(card).join('')}</div></div>`
  )
}

const serialiseTopics = fastJson(Type.Array(TopicSchema))
const serialiseList = fastJson(PageOf(VideoSchema))

export const videosPage: FirstScreenPage = {
  page: 'pages/videos/index',
  async draw(app) {
    const [topics, list] = await Promise.all([app.store.content.listTopics(), app.store.media.listVideos({ page: 1, pageSize: LIST_PAGE_SIZE })])
    const servedTopics = asServed<Topic[]>(serialiseTopics, topics)
    const servedList = asServed<Page<Video>>(serialiseList, list)
    return {
      html: videosFirstScreen(servedTopics, servedList),
      data: {
        [`${API_PREFIX}/topics`]: servedTopics,
        [`${API_PREFIX}/videos?page=1&pageSize=${LIST_PAGE_SIZE}`]: servedList,
      },
    }
  },
}
