/**
 * The subpages' first screens (policy, video, campaign, 宣讲菜单, 智能问答) never turn content into
 * markup or script, and their links are real <a href>s to where the page's taps go.
 */
import type { Campaign, InterpretationSummary, LectureTopic, Policy, PolicyRelated, Topic, Video } from '../../../../common/contract'
import { campaignFirstScreen } from '../pages/campaign'
import { LECTURES_ON_FIRST_SCREEN, lectureMenuFirstScreen } from '../pages/lecture-menu'
import { policyFirstScreen } from '../pages/policy'
import { QA_EXAMPLES, qaAskFirstScreen } from '../pages/qa-ask'
import { videoFirstScreen } from '../pages/video'

const hostile = '<img src=x onerror=alert(1)>"\'&</script>'
const escaped = '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/script&gt;'

/** no tag, attribute or script came from the content */
function expectInert(html: string) {
  expect(html).not.toContain('<img src=x')
  expect(html).not.toContain('</script>')
  expect(html).not.toContain('<script')
  expect(html).not.toContain('javascript:')
}

/** [class, href] of every link */
const links = (html: string) => [...html.matchAll(/<a class="([^"]*)" role="link" href="([^"]*)"/g)].map((m) => [m[1], m[2]])

const policy = {
  id: 'p9',
  title: `关于${hostile}的通知`,
  docNumber: `台政发〔2024〕${hostile}`,
  department: `市民政局${hostile}`,
  issuer: `台州市人民政府${hostile}`,
  topic: 'yanglao',
  publishedAt: '2024-03-05',
  effectiveFrom: '2024-04-01',
  closesAt: '2024-12-31',
  closed: true,
  validity: 'revised',
  validityNote: `被${hostile}修订`,
  replacedBy: 'p10"><script>',
  summary: '',
  sections: [{ heading: `一、${hostile}`, paragraphs: [`第一段${hostile}`, '第二段', '第三段不画'] }],
  interpretationIds: [],
} as unknown as Policy

describe('a policy', () => {
  const interpretations = [{ id: 'i1', title: `解读${hostile}` }] as InterpretationSummary[]
  const related: PolicyRelated = {
    videos: [{ id: 'v1', title: `视频${hostile}`, durationSec: 60, poster: '/p.jpg' }],
    faqs: [{ id: 'f1', question: `能领多少？${hostile}` }],
  }

  it('escapes every piece of text and shows the facts as the page does', () => {
    const html = policyFirstScreen(policy, interpretations, related)
    expectInert(html)
    expect(html).toContain(`<div class="policy-detail__title">关于${escaped}的通知</div>`)
    expect(html).toContain(`台政发〔2024〕${escaped}`)
    expect(html).toContain('<span class="policy-detail__fact-label">施行日期</span><span class="policy-detail__fact-value">2024年4月1日</span>')
    expect(html).toContain('2024年12月31日（已截止）')
    expect(html).toContain('本文件已被修订，请以新版为准')
    expect(html).toContain(`第一段${escaped}`)
    expect(html).toContain('第二段')
    expect(html).not.toContain('第三段不画')
  })

  it('links 相关解读, 相关视频, 常见问答 and the new version for real, ids and questions encoded', () => {
    expect(links(policyFirstScreen(policy, interpretations, related))).toEqual([
      ['title-bar__back', '/pages/index/index'],
      ['validity-banner__link', '/packages/policy/pages/detail/index?id=p10%22%3E%3Cscript%3E'],
      ['related-section__item', '/packages/interpretation/pages/detail/index?id=i1'],
      ['related-section__item', '/packages/video/pages/play/index?id=v1'],
      ['related-section__item', `/packages/qa/pages/ask/index?q=${escapeAttr(encodeURIComponent(`能领多少？${hostile}`))}`],
    ])
  })

  it('draws no related section with nothing in it', () => {
    const html = policyFirstScreen(policy, [], { videos: [], faqs: [] })
    expect(html).not.toContain('related-section')
  })
})

/** how escapeHtml writes an encoded URL into an attribute (encodeURIComponent leaves ' alone) */
function escapeAttr(s: string) {
  return s.replace(/'/g, '&#39;')
}

describe('a video', () => {
  const video = {
    id: 'v9',
    title: `视频${hostile}`,
    topic: 'yibao',
    src: '/media/v9.mp4',
    poster: '/media/posters/v9.jpg',
    captions: '/media/v9.vtt',
    durationSec: 65,
    views: 12345,
    likes: 7,
    interpretationId: 'i3',
    publishedAt: '2024-01-01',
    policy: { id: 'p2', title: `政策${hostile}` },
  } as Video

  it('shows the poster, title, plays and length, escaped', () => {
    const html = videoFirstScreen(video)
    expectInert(html)
    expect(html).toContain('<img class="video-play__video" src="/media/posters/v9.jpg"')
    expect(html).toContain(`<span class="video-play__title">视频${escaped}</span>`)
    expect(html).toContain('1.2万 次播放 · 1:05')
    expect(html).toContain('点赞 7')
    expect(links(html)).toEqual([
      ['title-bar__back', '/pages/index/index'],
      ['video-play__link', '/packages/interpretation/pages/detail/index?id=i3'],
      ['video-play__link', '/packages/policy/pages/detail/index?id=p2'],
    ])
    expect(html).toContain(`相关政策：《政策${escaped}》`)
  })

  it('draws no poster whose address is not a path or http(s)', () => {
    const html = videoFirstScreen({ ...video, poster: 'javascript:alert(1)' })
    expectInert(html)
    expect(html).not.toContain('<img')
  })
})

describe('a campaign', () => {
  const campaign = {
    id: 'q9',
    title: `竞赛${hostile}`,
    department: `司法局${hostile}`,
    cover: 'data:image/png;base64,xx',
    startsAt: '2026-06-01T00:00:00.000Z',
    endsAt: '2026-06-30T16:00:00.000Z',
    status: 'ongoing',
    participants: 10,
    description: `说明${hostile}`,
    rules: {
      questionsPerAttempt: 10,
      secondsPerQuestion: 20,
      attemptsPerDay: 3,
      scoreCounts: 'best',
      eligibleRegions: ['331024', '331000'],
      prizes: `奖品${hostile}`,
    },
    topics: ['yibao'],
  } as Campaign
  const now = new Date('2026-06-10T02:00:00.000Z')

  it('shows status, time left and the rules, escaped, with region names', () => {
    const html = campaignFirstScreen(campaign, now, (code) => (code === '331024' ? '仙居县' : code))
    expectInert(html)
    expect(html).not.toContain('data:image')
    expect(html).toContain(`<span class="quiz-hero__title">竞赛${escaped}</span>`)
    expect(html).toContain('<span class="tag tag--success">进行中</span><span>距结束 20天14小时</span>')
    expect(html).toContain('6月1日 08:00 至 7月1日 00:00')
    expect(html).toContain('共 3 分 20 秒')
    expect(html).toContain('仙居县、台州全市')
    expect(html).toContain(`奖品${escaped}`)
    expect(links(html)).toEqual([
      ['title-bar__back', '/pages/index/index'],
      ['quiz-btn quiz-btn--ghost', '/packages/quiz/pages/leaderboard/index?id=q9'],
      ['quiz-btn quiz-btn--ghost', '/packages/quiz/pages/practice/index?topic=yibao'],
    ])
  })

  it('draws nothing of the visitor (参加竞赛 is the page’s, once it knows who asks)', () => {
    const html = campaignFirstScreen(campaign, now)
    expect(html).not.toContain('参加竞赛')
    expect(html).not.toContain('今天还可答')
  })

  it('says when an upcoming campaign starts and that an ended one has its board', () => {
    expect(campaignFirstScreen({ ...campaign, status: 'upcoming' }, new Date('2026-05-31T15:00:00.000Z'))).toContain('距开始 9小时0分')
    expect(campaignFirstScreen({ ...campaign, status: 'ended' }, now)).toContain(
      '<span class="tag tag--neutral">已结束</span><span>已结束，可查看排行榜</span>',
    )
  })
})

describe('宣讲菜单', () => {
  const topics = [
    { id: 'yanglao', name: `养老${hostile}`, icon: '' },
    { id: 'yi"bao', name: '医保', icon: '' },
  ] as Topic[]
  const lecture = (n: number): LectureTopic => ({
    id: `lt${n}`,
    title: `专题${n}${hostile}`,
    department: `民政局${hostile}`,
    topic: 'yanglao',
    summary: `简介${hostile}`,
    durationMin: 45,
    formats: ['onsite', 'online'],
    lecturers: [{ id: 'l1', name: `王${hostile}`, title: '科长' }],
    rating: { average: 4.56, count: 12 },
  })

  it('shows the first lecture cards, escaped, with 我要点单 and the fields as real links', () => {
    const html = lectureMenuFirstScreen(topics, [lecture(1), lecture(2), lecture(3), lecture(4)], 'yanglao')
    expectInert(html)
    expect(html.match(/lec-card__title/g)).toHaveLength(LECTURES_ON_FIRST_SCREEN)
    expect(html).toContain(`专题1${escaped}`)
    expect(html).toContain('★ 4.6（12次评价）')
    expect(html).toContain('<span class="tag tag--neutral">到村现场</span><span class="tag tag--neutral">线上直播</span>')
    expect(links(html)).toEqual([
      ['title-bar__back', '/pages/index/index'],
      ['chip', '/packages/lecture/pages/menu/index'],
      ['chip chip--on', '/packages/lecture/pages/menu/index?topic=yanglao'],
      ['chip', '/packages/lecture/pages/menu/index?topic=yi%22bao'],
      ['lec-link', '/packages/lecture/pages/mine/index'],
      ['lec-link', '/packages/lecture/pages/calendar/index'],
      ['lec-link', '/packages/lecture/pages/sign-in/index'],
      ['lec-btn', '/packages/lecture/pages/order/index?topic=lt1'],
      ['lec-btn', '/packages/lecture/pages/order/index?topic=lt2'],
      ['lec-btn', '/packages/lecture/pages/order/index?topic=lt3'],
    ])
  })

  it('says so when a field has no lecture', () => {
    expect(lectureMenuFirstScreen(topics, [], 'yanglao')).toContain('该领域暂无宣讲专题')
  })
})

describe('智能问答', () => {
  it('offers the examples as links that ask them, and the box as a form', () => {
    const html = qaAskFirstScreen()
    expect(html).toContain('<form class="qa__box" role="search" method="get" action="/packages/qa/pages/ask/index">')
    expect(links(html)).toEqual([
      ['title-bar__back', '/pages/index/index'],
      ...QA_EXAMPLES.map((q) => ['qa__example', `/packages/qa/pages/ask/index?q=${encodeURIComponent(q)}`]),
      ['qa__consult', '/packages/qa/pages/consult/index'],
      ['qa__mine', '/packages/qa/pages/mine/index'],
    ])
  })

  it('puts a question from the link in the box, escaped, with the answer’s placeholder', () => {
    const html = qaAskFirstScreen(hostile)
    expectInert(html)
    expect(html).toContain(`value="${escaped}"`)
    expect(html).toContain('aria-label="正在查找答案"')
    expect(html).not.toContain('大家都在问')
  })
})
