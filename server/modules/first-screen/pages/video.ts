/**
 * A short video opened from a link (/packages/video/pages/play/index?id=): its poster in the
 * player's frame, title, plays and length, the speed and caption buttons, and its interpretation
 * and policy as real links, with GET /videos/:id's answer. An unknown id gets the plain index.html.
 */
import fastJson from 'fast-json-stringify'
import type { Video } from '../../../../common/contract'
import { API_PREFIX } from '../../../../common/contract'
import { formatCount as count } from '../../../../common/counts'
import { formatDuration as duration } from '../../../../common/durations'
import { Video as VideoSchema } from '../../media/schemas'
import { escapeHtml, LAYER_LINKS, safeSrc } from '../markup'
import { asServed, queryId, type FirstScreenPage } from '../page'
import { card, inertButton, link, subpage } from '../subpage'

/** Taro's H5 Button is border-box: 长辈模式's min-width holds the padding */
const chip = (text: string, on = false) => inertButton(`video-play__chip${on ? ' video-play__chip--on' : ''}`, text, 'box-sizing:border-box')

/** the poster where the player will be, with the player's play button over it (the player itself needs the app's code) */
function frame(v: Video): string {
  const poster = safeSrc(v.poster)
  return (
    `<div class="video-play__frame">` +
    (poster ? `<img class="video-play__video" src="${poster}" alt="" style="object-fit:contain">` : '') +
    `<div class="zct-video-poster__play" aria-hidden="true"></div></div>`
  )
}

/** the play button's circle and triangle, in place of the player's own until it loads */
export const VIDEO_PLAY_CSS =
  `.zct-video-poster__play{position:absolute;left:50%;top:50%;width:3.2rem;height:3.2rem;margin:-1.6rem 0 0 -1.6rem;border-radius:50%;background:rgba(0,0,0,.45)}` +
  `.zct-video-poster__play::after{content:'';position:absolute;left:1.25rem;top:.95rem;border-style:solid;border-width:.65rem 0 .65rem 1.1rem;border-color:transparent transparent transparent #fff}`

/** what the page shows before anything is played: speed 1×, captions on, the transcript closed, not yet liked */
export function videoFirstScreen(v: Video): string {
  const info =
    `<span class="video-play__title">${escapeHtml(v.title)}</span>` +
    `<span class="video-play__meta">${count(v.views)} 次播放 · ${duration(v.durationSec)}</span>` +
    `<div class="video-play__controls">${chip('0.75×')}${chip('1×', true)}${chip('1.25×')}${chip('1.5×')}</div>` +
    `<div class="video-play__controls">${chip(`点赞 ${count(v.likes)}`)}${chip('关闭字幕')}${chip('看文字稿')}</div>` +
    (v.interpretationId
      ? link('video-play__link', LAYER_LINKS.interpretation(v.interpretationId), '<span>看图文解读</span><span aria-hidden="true">›</span>')
      : '') +
    (v.policy
      ? link('video-play__link', LAYER_LINKS.policy(v.policy.id), `<span>相关政策：《${escapeHtml(v.policy.title)}》</span><span aria-hidden="true">›</span>`)
      : '') +
    `<div class="video-play__share">${inertButton('share-button', '分享')}${inertButton('fav-button', '☆ 收藏')}</div>`
  return subpage('政策短视频', 'video-play', `<style>${VIDEO_PLAY_CSS}</style>${frame(v)}${card(info, { layout: 'flush', className: 'video-play__info' })}`)
}

const serialiseVideo = fastJson(VideoSchema)

export const videoPage: FirstScreenPage = {
  page: 'packages/video/pages/play/index',
  async draw(app, query) {
    const id = queryId(query)
    const video = id ? await app.store.media.getVideo(id) : undefined
    if (!video) return undefined
    const data = asServed<Video>(serialiseVideo, video)
    return { html: videoFirstScreen(data), data: { [`${API_PREFIX}/videos/${encodeURIComponent(id)}`]: data } }
  },
}
