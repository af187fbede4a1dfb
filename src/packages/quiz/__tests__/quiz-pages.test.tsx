/**
 * The quiz pages against the real routes (memory store): the 答题 tab, campaign detail, an attempt
 * answered and submitted (and one submitted by the clock), the result with its review and share
 * card, the boards, practice and the 错题本.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useSessionStore } from '@/api'
import type { Attempt } from '@common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { PRACTICE_REFUSALS } from '../../../../server/modules/contest-integrity/rules'
import { formatDateTime } from '@/features/quiz/format'
import { drawn } from '../../../../test/mocks/echarts'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import QuizPage from '../../../pages/quiz/index'
import AttemptPage from '../pages/attempt/index'
import CampaignDetailPage from '../pages/detail/index'
import LeaderboardPage from '../pages/leaderboard/index'
import MistakesPage from '../pages/mistakes/index'
import PracticePage from '../pages/practice/index'
import AttemptResultPage from '../pages/result/index'

const api = setupFixtureApi()
const HAIMEN = '331002001003'
const seedOf = new Map(fixtures.questions.map((q) => [q.id, q]))

afterEach(() => act(() => useSessionStore.getState().signOut()))

async function signIn(name: string) {
  const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name } })
  act(() => useSessionStore.getState().signIn(session))
  return session
}

/** the texts of the right options of a question (from the fixtures: only tests know them) */
function rightTexts(id: string): string[] {
  const seed = seedOf.get(id)!
  return seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
}

async function startedAttempt(campaign = 'q001'): Promise<Attempt> {
  await api.client.call('PUT /quiz/profile', { body: { regionCode: HAIMEN } })
  return api.client.call('POST /campaigns/:id/attempts', { params: { id: campaign }, body: {} })
}

/** answers the shown question: the right options, or the first wrong one */
function answerShown(attempt: Attempt, index: number, right: boolean) {
  const q = attempt.questions[index]
  const texts = rightTexts(q.id)
  const group = screen.getByRole(q.type === 'multiple' ? 'group' : 'radiogroup', { name: q.stem })
  const options = within(group).getAllByRole(q.type === 'multiple' ? 'checkbox' : 'radio')
  const pick = options.filter((o) => texts.some((t) => o.getAttribute('aria-label')!.endsWith(t)))
  const targets = right ? pick : [options.find((o) => !pick.includes(o))!]
  for (const o of targets) fireEvent.click(o)
}

describe('答题 tab', () => {
  it('lists running campaigns with a countdown and opens a campaign, 练习 and 错题本', async () => {
    render(<QuizPage />)
    const running = fixtures.campaigns.filter((c) => c.status === 'ongoing')
    for (const c of running) expect(await screen.findByRole('link', { name: c.title })).toBeInTheDocument()
    expect(screen.getAllByText(/距结束 \d+天/).length).toBe(running.length)
    fireEvent.click(screen.getByRole('link', { name: running[0].title }))
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/quiz/pages/detail/index?id=${running[0].id}`)
    fireEvent.click(screen.getByRole('link', { name: /^练习/ }))
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/quiz/pages/practice/index')
    fireEvent.click(screen.getByRole('link', { name: /^错题本/ }))
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/quiz/pages/mistakes/index')
    fireEvent.click(screen.getByRole('button', { name: '即将开始' }))
    expect(await screen.findByText(/距开始 \d+天/)).toBeInTheDocument()
  })
})

describe('campaign detail', () => {
  it('shows the rules and asks to sign in', async () => {
    taroMock.routerParams = { id: 'q001' }
    render(<CampaignDetailPage />)
    expect(await screen.findByText('2026年台州市民生政策知识竞赛')).toBeInTheDocument()
    expect(screen.getByText(/10 道题（单选、多选、判断），每题 20 秒/)).toBeInTheDocument()
    expect(screen.getByText('每天最多 3 次（按北京时间计）')).toBeInTheDocument()
    expect(screen.getByText(/取最好一次成绩/)).toBeInTheDocument()
    expect(await screen.findByText('台州全市')).toBeInTheDocument()
    expect(screen.getByText(/距结束/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '去登录' }))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/sign-in/pages/resident/index' })
    // a city-wide campaign, nobody signed in: no region is named or picked, so none is asked for
    expect(api.requests.filter((r) => r.includes('/regions'))).toEqual([])
  })

  it('names the counties a campaign is open to with one request for the county list', async () => {
    taroMock.routerParams = { id: 'q003' }
    render(<CampaignDetailPage />)
    expect(await screen.findByText('临海市、天台县、仙居县、三门县')).toBeInTheDocument()
    expect(api.requests.filter((r) => r.includes('/regions'))).toEqual([expect.stringMatching(/^GET \S*\/regions\/children$/)])
  })

  it('starts an attempt for the saved region', async () => {
    await signIn('详情页居民')
    await api.client.call('PUT /quiz/profile', { body: { regionCode: HAIMEN } })
    taroMock.routerParams = { id: 'q001' }
    render(<CampaignDetailPage />)
    expect(await screen.findByText(/今天还可答 3 次/)).toBeInTheDocument()
    expect(await screen.findByLabelText(/^所在地区：椒江区 · 海门街道/)).toBeInTheDocument()
    // the saved region's name only: the picker's lists load when it opens
    expect(api.requests.filter((r) => r.includes('/regions'))).toEqual([expect.stringMatching(/\/regions\/331002001003$/)])
    fireEvent.click(screen.getByRole('button', { name: /^所在地区：/ }))
    await waitFor(() => expect(api.requests.filter((r) => r.includes('/regions/children'))).toHaveLength(1))
    fireEvent.click(screen.getByRole('button', { name: '收起' }))
    fireEvent.click(screen.getByRole('button', { name: '开始答题' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/quiz\/pages\/attempt\/index\?id=[0-9a-f-]{36}$/))
  })
})

describe('an attempt', () => {
  it('answers every question through the answer card, submits, and shows score, review and share card', async () => {
    await signIn('答题居民')
    const attempt = await startedAttempt()
    taroMock.routerParams = { id: attempt.id }
    const page = render(<AttemptPage />)
    const first = attempt.questions[0]
    expect(await screen.findByText(first.stem)).toBeInTheDocument()
    expect(screen.getAllByText(/^(单选题|多选题|判断题)$/).length).toBe(1)
    expect(screen.getByText('第 1 题 / 共 10 题')).toBeInTheDocument()
    expect(screen.getByLabelText(/本题剩余(19|20)秒/)).toBeInTheDocument()
    expect(screen.getByLabelText(/总剩余3:(19|20)/)).toBeInTheDocument()

    for (let i = 0; i < 10; i++) {
      fireEvent.click(screen.getByRole('button', { name: new RegExp(`^第${i + 1}题，`) }))
      await screen.findByText(attempt.questions[i].stem)
      answerShown(attempt, i, i < 8)
    }
    expect(screen.getByText('进度 10/10')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '第3题，已答' })).toBeInTheDocument()
    fireEvent.click(screen.getAllByRole('button', { name: '交卷' })[0])
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: `/packages/quiz/pages/result/index?id=${attempt.id}` }))
    page.unmount()
    // the time each question was on screen went with the submit (the console's 可疑答题 checks read it), in the attempt's order
    const kept = await api.store.quiz.db.kysely.selectFrom('quiz_attempts').select('question_ms').where('id', '=', attempt.id).executeTakeFirstOrThrow()
    const questionMs = JSON.parse(kept.question_ms!) as number[]
    expect(questionMs).toHaveLength(10)
    for (const ms of questionMs) expect(Number.isInteger(ms) && ms >= 0).toBe(true)

    // the result
    const ctx = { calls: [] as string[] }
    const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        new Proxy(
          {},
          {
            get: (_t, prop) =>
              prop === 'measureText' ? (s: string) => ({ width: s.length * 14 }) : prop === 'fillText' ? (s: string) => ctx.calls.push(s) : () => undefined,
            set: () => true,
          },
        ) as never,
    )
    const toDataURL = jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA')
    render(<AttemptResultPage />)
    expect(await screen.findByLabelText('得分 80 分')).toBeInTheDocument()
    expect(screen.getByText('8/10')).toBeInTheDocument()
    expect(screen.getByText('第1名')).toBeInTheDocument()
    // q001 runs: right or wrong per question and what was chosen, never the key or the explanation
    expect(screen.getByText('答题情况')).toBeInTheDocument()
    expect(screen.getAllByText('回答正确')).toHaveLength(8)
    expect(screen.getAllByText(/^(回答错误|未作答)$/)).toHaveLength(2)
    expect(screen.getAllByText(/^你的答案：/)).toHaveLength(10)
    const end = fixtures.campaigns.find((c) => c.id === 'q001')!.endsAt
    const withheld = await api.client.call('GET /attempts/:id', { params: { id: attempt.id } })
    expect(Date.parse(withheld.result!.keyWithheld!.until!)).toBeGreaterThanOrEqual(Date.parse(end))
    expect(screen.getByRole('note')).toHaveTextContent(`竞赛结束后公布正确答案和解析（${formatDateTime(withheld.result!.keyWithheld!.until!)} 后）`)
    for (const q of attempt.questions) expect(screen.queryByText(`解析：${seedOf.get(q.id)!.explanation}`)).toBeNull()
    expect(screen.queryByText(/^正确答案：/)).toBeNull()
    expect(screen.queryByText(/^解析：/)).toBeNull()
    expect(screen.queryByRole('link', { name: '查看政策解读 ›' })).toBeNull()
    expect(document.querySelectorAll('.question__option--right')).toHaveLength(0)

    fireEvent.click(screen.getByRole('button', { name: '成绩卡片' }))
    expect(await screen.findByLabelText('成绩卡片图片')).toBeInTheDocument()
    expect(ctx.calls).toEqual(expect.arrayContaining(['80', '当前排名 第 1 名', '答题居民 的成绩']))
    expect(ctx.calls.find((c) => c.startsWith('答对'))).toMatch(/^答对 8\/10 题 · 用时 [\d.]+秒$/)
    fireEvent.click(screen.getByRole('button', { name: '参与证书' }))
    expect(await screen.findByLabelText('参与证书图片')).toBeInTheDocument()
    expect(ctx.calls).toContain('参 与 证 书')
    expect(screen.getByRole('button', { name: '下载图片' })).toBeInTheDocument()
    getContext.mockRestore()
    toDataURL.mockRestore()
  })

  it('closes a question when its own time runs out and submits by itself at the deadline', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    try {
      await signIn('超时居民')
      const attempt = await startedAttempt()
      taroMock.routerParams = { id: attempt.id }
      render(<AttemptPage />)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(50)
      })
      expect(screen.getByText(attempt.questions[0].stem)).toBeInTheDocument()
      answerShown(attempt, 0, true)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(21_000)
      })
      // the first question's 20 s are up: the second shows, the first is closed on the card
      expect(screen.getByText(attempt.questions[1].stem)).toBeInTheDocument()
      expect(screen.getByRole('button', { name: '第1题，已超时' })).toBeInTheDocument()
      await act(async () => {
        await jest.advanceTimersByTimeAsync(200_000)
      })
      await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: `/packages/quiz/pages/result/index?id=${attempt.id}` }))
      const view = await api.client.call('GET /attempts/:id', { params: { id: attempt.id } })
      expect(view.result).toMatchObject({ correctCount: 1, score: 10 })
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('leaderboard', () => {
  it('shows three scopes, finds the caller, hides the name and charts participation by county', async () => {
    await signIn('排行居民')
    const attempt = await startedAttempt()
    await api.client.call('POST /attempts/:id/submit', { params: { id: attempt.id }, body: { answers: {} }, idempotencyKey: 'lb-1' })
    taroMock.routerParams = { id: 'q001' }
    render(<LeaderboardPage />)
    const mine = await screen.findByText('我的排名')
    expect(mine).toBeInTheDocument()
    expect(screen.getAllByLabelText(/排行居民（我） 0分$/).length).toBeGreaterThan(0)
    fireEvent.click(screen.getByRole('switch', { name: '在个人排行榜隐藏我的姓名' }))
    await waitFor(() => expect(screen.getAllByLabelText(/匿名用户（我）/).length).toBeGreaterThan(0))
    expect(taroMock.toasts).toContain('已在排行榜隐藏姓名')

    fireEvent.click(screen.getByRole('button', { name: '县市区' }))
    expect(await screen.findByText('我所在的地区')).toBeInTheDocument()
    expect(screen.getAllByLabelText(/椒江区（我）/).length).toBeGreaterThan(0)
    expect(screen.getByText(/按每万名常住人口的得分排名/)).toBeInTheDocument()
    await waitFor(() => expect(drawn.at(-1)?.option).toMatchObject({ series: [{ name: '参与人数' }, { name: '每万人参与' }] }))
    const names = (drawn.at(-1)!.option.xAxis as { data: string[] }).data
    // only counties somebody took part from are on the board (and in the chart)
    expect(names).toEqual(['椒江区'])
    expect(screen.getByRole('img', { name: /各县市区参与人数/ })).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '乡镇街道' }))
    expect(await screen.findAllByLabelText(/椒江区 海门街道（我）/)).not.toHaveLength(0)
  })
})

describe('practice and 错题本', () => {
  it('gives instant feedback; a wrong answer goes to the 错题本, grouped by policy; two right answers take it out', async () => {
    await signIn('练习居民')
    taroMock.routerParams = { topic: 'yibao' }
    const practice = render(<PracticePage />)
    const chips = await screen.findByRole('button', { name: '医疗保障' })
    expect(chips).toHaveAttribute('aria-pressed', 'true')
    const stem = document.querySelector('.question__stem')!.textContent!
    const seed = fixtures.questions.find((q) => q.stem === stem)!
    const group = screen.getByRole(seed.type === 'multiple' ? 'group' : 'radiogroup', { name: stem })
    const options = within(group).getAllByRole(seed.type === 'multiple' ? 'checkbox' : 'radio')
    const wrongOption = options.find((o) => !rightTexts(seed.id).some((t) => o.getAttribute('aria-label')!.endsWith(t)))!
    fireEvent.click(wrongOption)
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    expect(await screen.findByText('回答错误')).toBeInTheDocument()
    expect(screen.getByText(`解析：${seed.explanation}`)).toBeInTheDocument()
    expect(screen.getByText('已收入错题本')).toBeInTheDocument()
    practice.unmount()

    const book = render(<MistakesPage />)
    const policyId = seedOf.get(seed.id)!.interpretationId ? fixtures.interpretations.find((i) => i.id === seed.interpretationId)!.policyId : undefined
    const title = fixtures.policies.find((p) => p.id === policyId)?.title ?? '其他政策'
    const groupEl = await screen.findByRole('group', { name: title })
    expect(within(groupEl).getByText(stem)).toBeInTheDocument()
    expect(within(groupEl).getByText(/答错 1 次/)).toBeInTheDocument()
    fireEvent.click(within(groupEl).getByRole('button', { name: /重练本组/ }))
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/quiz/pages/practice/index?source=mistakes${policyId ? `&policyId=${policyId}` : ''}`)
    book.unmount()

    // re-practice from the book: right twice in a row
    for (const round of [1, 2]) {
      taroMock.routerParams = { source: 'mistakes', ...(policyId ? { policyId } : {}) }
      const redo = render(<PracticePage />)
      expect(await screen.findByText('错题重练 · 连续答对两次即移出错题本')).toBeInTheDocument()
      expect(await screen.findByText(stem)).toBeInTheDocument()
      answerShown({ questions: [{ ...seed }] } as unknown as Attempt, 0, true)
      fireEvent.click(screen.getByRole('button', { name: '确定' }))
      expect(await screen.findByText('回答正确')).toBeInTheDocument()
      expect(screen.getByText(round === 1 ? '再答对 1 次即可移出错题本' : '已连续答对两次，移出错题本')).toBeInTheDocument()
      redo.unmount()
    }
    render(<MistakesPage />)
    expect(await screen.findByText('错题本是空的')).toBeInTheDocument()
  })
})

describe('contest integrity on the pages', () => {
  it('shows a practice refusal in place (a contest now uses the question) and skips it', async () => {
    const session = await signIn('被拒居民')
    taroMock.routerParams = { topic: 'yibao' }
    render(<PracticePage />)
    await screen.findByRole('button', { name: '医疗保障' })
    await waitFor(() => expect(document.querySelector('.question__stem')).not.toBeNull())
    const stem = document.querySelector('.question__stem')!.textContent!
    const seed = fixtures.questions.find((q) => q.stem === stem)!
    // meanwhile the resident started, on another device, an attempt that drew this question
    const now = Date.now()
    await api.store.quiz.insertAttempt({
      id: 'elsewhere',
      userId: session.user.id,
      campaignId: 'q002',
      startedAt: new Date(now).toISOString(),
      deadline: new Date(now + 600_000).toISOString(),
      status: 'active',
      questions: [{ id: seed.id, order: seed.options.map((o) => o.key) }],
      regionCode: HAIMEN,
    })
    const group = screen.getByRole(seed.type === 'multiple' ? 'group' : 'radiogroup', { name: stem })
    fireEvent.click(within(group).getAllByRole(seed.type === 'multiple' ? 'checkbox' : 'radio')[0])
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(PRACTICE_REFUSALS.running)
    expect(screen.queryByText(/^解析：/)).toBeNull()
    expect(screen.queryByText(/^正确答案：/)).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '跳过此题' }))
    await waitFor(() => expect(document.querySelector('.question__stem')!.textContent).not.toBe(stem))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: '确定' })).toBeInTheDocument()
  })

  it('shows an earlier result without keys while the campaign runs, every question with right or wrong', async () => {
    await signIn('复赛居民')
    const first = await startedAttempt('q002')
    await api.client.call('POST /attempts/:id/submit', { params: { id: first.id }, body: { answers: {} } })
    await api.client.call('POST /campaigns/:id/attempts', { params: { id: 'q002' }, body: {} })
    taroMock.routerParams = { id: first.id }
    render(<AttemptResultPage />)
    expect(await screen.findByRole('note')).toHaveTextContent(/^竞赛结束后公布正确答案和解析（\d+月\d+日 \d\d:\d\d 后）$/)
    for (const q of first.questions) expect(screen.getByText(q.stem)).toBeInTheDocument()
    expect(screen.getAllByText('未作答')).toHaveLength(first.questions.length)
    expect(screen.queryByText(/^(正确答案|解析)：/)).toBeNull()
  })
})
