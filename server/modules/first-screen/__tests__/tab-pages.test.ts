/** The tab pages' first screens (解读, 视频, 答题, 我的) never turn content into markup, and link where a tap goes. */
import type { AuthMethods, CampaignSummary, InterpretationSummary, Page, Topic, Video } from '../../../../common/contract'
import { countdown } from '../../../../common/durations'
import { INTERPRETATIONS_ON_FIRST_SCREEN, interpretationsFirstScreen } from '../pages/interpretations'
import { MINE_LAYER_SCRIPT, mineFirstScreen } from '../pages/mine'
import { CAMPAIGNS_ON_FIRST_SCREEN, quizFirstScreen } from '../pages/quiz'
import { VIDEOS_ON_FIRST_SCREEN, videosFirstScreen } from '../pages/videos'

const hostile = '<img src=x onerror=alert(1)>"\'&</script>'
const escaped = '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/script&gt;'

const topics: Topic[] = [
  { id: 'yibao', name: `医疗保障${hostile}`, icon: 'medical' },
  { id: 'jiaoyu', name: '教育', icon: 'school' },
]
const pageOf = <T>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 10 })

/** every <a>'s class and href, in order */
const links = (html: string) => [...html.matchAll(/<a class="([\w-]+)[^"]*" href="([^"]*)"/g)].map((m) => [m[1], m[2]])

function interpretation(n: number, over: Partial<InterpretationSummary> = {}): InterpretationSummary {
  return {
    id: `i${n}`,
    title: `解读${n}${hostile}`,
    summary: `摘要${hostile}`,
    kind: 'illustrated',
    topic: 'yibao',
    department: '台州市医疗保障局',
    policyId: 'p001',
    cover: `/media/covers/i${n}.jpg`,
    publishedAt: '2025-09-01',
    featured: false,
    ...over,
  } as InterpretationSummary
}

function video(n: number, over: Partial<Video> = {}): Video {
  return {
    id: `v${n}`,
    title: `视频${n}${hostile}`,
    topic: 'yibao',
    src: `/media/videos/v${n}.mp4`,
    poster: `/media/posters/v${n}.jpg`,
    captions: `/media/captions/v${n}.vtt`,
    durationSec: 65,
    views: 38190,
    likes: 3,
    publishedAt: '2025-09-05',
    ...over,
  } as Video
}

const NOW = new Date('2026-12-06T01:00:00.000Z')
function campaign(n: number, over: Partial<CampaignSummary> = {}): CampaignSummary {
  return {
    id: `q${n}`,
    title: `竞赛${n}${hostile}`,
    department: `台州市司法局${hostile}`,
    cover: `/media/covers/q${n}.jpg`,
    startsAt: '2026-11-26T01:00:00.000Z',
    endsAt: '2026-12-09T06:30:00.000Z',
    status: 'ongoing',
    participants: 123456,
    ...over,
  }
}

describe('解读 first screen', () => {
  const html = interpretationsFirstScreen(topics, pageOf([1, 2, 3, 4, 5, 6].map((n) => interpretation(n))))

  it('escapes every text: titles, summaries, topic names', () => {
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('</script>')
    expect(html).toContain(`解读1${escaped}`)
    expect(html).toContain(`摘要${escaped}`)
    expect(html).toContain(`医疗保障${escaped}`)
  })

  it('shows the search bar, 全部 on and the first cards only, each a link to its interpretation', () => {
    expect(html).toContain('<span class="chip chip--on">全部</span><span class="chip">医疗保障')
    expect(html.match(/interp-card__title/g)).toHaveLength(INTERPRETATIONS_ON_FIRST_SCREEN)
    expect(html).toContain('<span class="tag tag--primary">图解</span><span class="interp-card__date">2025年9月1日</span>')
    expect(links(html)).toEqual([
      ['search-bar', '/packages/search/pages/results/index?type=interpretation'],
      ...[1, 2, 3, 4].map((n) => ['interp-card', `/packages/interpretation/pages/detail/index?id=i${n}`]),
    ])
  })

  it('escapes ids in links and drops pictures that are not a path or http(s)', () => {
    const odd = interpretationsFirstScreen([], pageOf([interpretation(1, { id: 'a"><script>', cover: 'javascript:alert(1)' })]))
    expect(links(odd)[1]).toEqual(['interp-card', '/packages/interpretation/pages/detail/index?id=a%22%3E%3Cscript%3E'])
    expect(odd).not.toContain('javascript:')
    expect(odd).toContain('<div class="interp-card__cover"></div>')
  })

  it('says so when there is nothing yet', () => {
    expect(interpretationsFirstScreen(topics, pageOf([]))).toContain('这个专题还没有解读')
  })
})

describe('视频 first screen', () => {
  const html = videosFirstScreen(topics, pageOf([1, 2, 3, 4, 5, 6].map((n) => video(n))))

  it('escapes every text and shows length and plays as the app does', () => {
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('</script>')
    expect(html).toContain(`视频1${escaped}`)
    expect(html).toContain('<span class="video-card__duration">▶ 1:05</span>')
    expect(html).toContain('3.8万 次播放')
  })

  it('links 网络课堂 and each of the first cards to its video', () => {
    expect(html.match(/class="video-card"/g)).toHaveLength(VIDEOS_ON_FIRST_SCREEN)
    expect(links(html)).toEqual([
      ['search-bar', '/packages/search/pages/results/index?type=video'],
      ['videos__courses', '/packages/course/pages/list/index'],
      ...[1, 2, 3, 4].map((n) => ['video-card', `/packages/video/pages/feed/index?id=v${n}`]),
    ])
  })

  it('drops a poster that is not a path or http(s), and says so when there is nothing', () => {
    expect(videosFirstScreen([], pageOf([video(1, { poster: 'data:image/svg+xml,<svg onload=alert(1)>' })]))).not.toContain('data:')
    expect(videosFirstScreen(topics, pageOf([]))).toContain('这个专题还没有视频')
  })
})

describe('答题 first screen', () => {
  const html = quizFirstScreen(
    [1, 2, 3, 4].map((n) => campaign(n)),
    NOW,
  )

  it('escapes titles and departments', () => {
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('</script>')
    expect(html).toContain(`竞赛1${escaped}`)
    expect(html).toContain(`台州市司法局${escaped}`)
  })

  it('opens on 进行中, with the countdown and participants as the card shows them', () => {
    expect(html).toContain('<span class="chip">全部</span><span class="chip chip--on">进行中</span>')
    expect(html.match(/campaign-card__title/g)).toHaveLength(CAMPAIGNS_ON_FIRST_SCREEN)
    expect(html).toContain('<span class="tag tag--success">进行中</span><span class="campaign-card__timing">距结束 3天5小时</span>')
    expect(html).toContain('12万 人参与')
    expect(countdown('2026-12-09T06:30:00.000Z', NOW)).toBe('3天5小时')
  })

  it('links 练习, 错题本 and each campaign', () => {
    expect(links(html)).toEqual([
      ['quiz-entry__link', '/packages/quiz/pages/practice/index'],
      ['quiz-entry__link', '/packages/quiz/pages/mistakes/index'],
      ...[1, 2, 3].map((n) => ['campaign-card__link', `/packages/quiz/pages/detail/index?id=q${n}`]),
    ])
  })

  it('words other states as the card does, dates in Beijing time, and says so when there is none', () => {
    const ended = quizFirstScreen([campaign(9, { status: 'ended', endsAt: '2026-11-30T17:00:00.000Z' })], NOW)
    expect(ended).toContain('<span class="tag tag--neutral">已结束</span><span class="campaign-card__timing">已于 2026年12月1日 结束</span>')
    expect(quizFirstScreen([], NOW)).toContain('暂无竞赛')
  })
})

describe('我的 first screen', () => {
  const sms: AuthMethods = { sms: true, smsDemo: false, wechatOa: false, wechat: false }
  const text = (html: string) =>
    html
      .replace(/<style>.*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')

  it('draws, for a visitor not signed in, the head, 手机号登录, 工作人员登录 and the menu, in the app order', () => {
    const html = mineFirstScreen({ methods: sms, demo: false })
    expect(text(html)).toMatch(
      /访 未登录 登录后可咨询、点单、参加竞赛 手机号登录 请输入手机号 6位验证码 获取验证码 登录 未注册的手机号验证后自动创建账号。手机号仅用于登录，不对外显示。 修改昵称 › 工作人员登录 › 登录设备 › 修改密码 › 我的消息 › 我的收藏/,
    )
    // rows for a signed-in user are there for the layer script, hidden until it shows them
    for (const mark of ['data-resident', 'data-staff', 'data-signed-in', 'data-point-staff'])
      expect(html).toMatch(new RegExp(`${mark}=""[^>]*style="display:none"`))
    expect(html).not.toMatch(/data-(not-staff|signed-out)=""[^>]*style=/)
    expect(links(html)).toEqual([
      ['mine__item', '/packages/staff/pages/login/index'],
      ['mine__item', '/packages/staff/pages/sessions/index'],
      ['mine__item', '/packages/staff/pages/password/index'],
      ['mine__item', '/packages/messages/pages/inbox/index'],
      ['mine__item', '/packages/favourites/pages/list/index'],
      ['mine__item', '/packages/interpretation/pages/reading/index?tab=history'],
      ['mine__item', '/packages/qa/pages/mine/index'],
      ['mine__item', '/packages/foia/pages/mine/index'],
      ['mine__item', '/packages/course/pages/list/index'],
      ['mine__item', '/packages/qa/pages/ask/index'],
      ['mine__item', '/packages/policy/pages/list/index'],
      ['mine__item', '/packages/policy/pages/match/index'],
      ['mine__item', '/packages/policy/pages/situation/index'],
      ['mine__item', '/packages/service-point/pages/bind/index'],
    ])
  })

  it("draws the form's fields and buttons inert: nothing typed into the layer would reach the app", () => {
    const html = mineFirstScreen({ methods: sms, demo: true })
    expect(html).not.toMatch(/<(input|button|form)\b/)
    expect(html.match(/class="form-field sign-in__input[^"]*" aria-disabled="true"/g)).toHaveLength(2)
    for (const label of ['获取验证码', '登录', '居民', '法律审核']) expect(html).toContain(`role="button" aria-disabled="true">${label}</div>`)
  })

  it('says SMS is off when the server offers none, as the page does once GET /auth/methods has said so', () => {
    const off = mineFirstScreen({ methods: { ...sms, sms: false }, demo: false })
    expect(off).toContain(
      '<div class="card card--pad-md card--inset sign-in"><span class="sign-in__hint">短信登录暂未开通，请在微信中打开或使用「政策通」小程序。</span></div>',
    )
    expect(off).not.toContain('手机号登录')
  })

  it('offers 选择身份登录 with every role in the demo only, and 微信授权登录 hidden for the layer script to show inside WeChat', () => {
    const demo = mineFirstScreen({ methods: sms, demo: true })
    expect(text(demo)).toMatch(
      /不对外显示。 选择身份登录（开发模式） 居民 便民服务点工作人员 宣讲派单员 宣讲员 部门答复人员 管理员 编辑 审核 信息公开专员 法律审核 修改昵称/,
    )
    expect(mineFirstScreen({ methods: sms, demo: false })).not.toContain('选择身份登录')
    const oa = mineFirstScreen({ methods: { ...sms, wechatOa: true }, demo: false })
    expect(oa).toMatch(/data-wechat-oa="" style="display:none"><div class="sign-in__submit sign-in__wechat" role="button" aria-disabled="true">微信授权登录/)
    expect(mineFirstScreen({ methods: sms, demo: false })).not.toContain('微信授权登录')
    expect(MINE_LAYER_SCRIPT).toContain("keep('[data-wechat-oa]',!si&&/MicroMessenger/i.test(navigator.userAgent))")
  })

  it('its layer script reads only whether a session is stored and its role, and writes no stored value into the page', () => {
    expect(MINE_LAYER_SCRIPT).toContain("read('zct-session')")
    expect(MINE_LAYER_SCRIPT).not.toMatch(/nickname|phone|mobile|\.user\.(?!role)|innerHTML/)
    expect(MINE_LAYER_SCRIPT.match(/textContent='([^']*)'/g)).toEqual(["textContent=''", "textContent='已登录'", "textContent=''"])
  })
})
