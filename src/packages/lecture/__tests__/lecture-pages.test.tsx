/**
 * 宣讲点单 pages against the real routes (in-memory store, mock fixtures): the menu, the order
 * form (validation, privacy popup, a lost answer retried with the same key stores one order),
 * the detail with its timeline and steps for each role, 派单台, 我的宣讲 with the sign-in QR,
 * 签到, the calendar, and 我的消息 with its unread badge in 我的.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import type { LectureOrder, Role, Session } from '@common/contract'
import { LectureEntries } from '@/features/lectures/components/mine-entries'
import { MessagesEntry } from '@/features/messages/components/messages-entry'
import { qrRuns } from '@/features/lectures/components/qr-code'
import { PRIVACY_STORAGE_KEY } from '@/features/lectures/hooks/use-privacy-gate'
import { parseSignIn } from '@/features/lectures/sign-in-payload'
import { addDays, shanghaiToday } from '@common/shanghai-date'
import CalendarPage from '../pages/calendar/index'
import DetailPage from '../pages/detail/index'
import DispatchPage from '../pages/dispatch/index'
import LecturerPage from '../pages/lecturer/index'
import MenuPage from '../pages/menu/index'
import MessagesPage from '../pages/messages/index'
import MyOrdersPage from '../pages/mine/index'
import OrderPage from '../pages/order/index'
import SignInPage from '../pages/sign-in/index'

const api = setupFixtureApi()
// whole journeys through several pages: generous on a busy 2-core machine
jest.setTimeout(30000)
const today = shanghaiToday()

function type(label: string, value: string) {
  const host = screen.getByLabelText(label)
  fireEvent(host, new CustomEvent('input', { bubbles: true, detail: { value } }))
}

/** a Taro Picker reports a choice as a `change` event on its host with detail.value */
function pick(label: string, value: number | string) {
  // Taro's H5 picker wraps its child in a host testing-library treats as hidden
  const host = screen.getByRole('button', { name: label, hidden: true }).closest('taro-picker-core')!
  fireEvent(host, new CustomEvent('change', { bubbles: true, detail: { value } }))
}

async function signIn(role: Role, name?: string): Promise<Session> {
  const session = await api.client.call('POST /auth/dev', { body: { role, name } })
  act(() => useSessionStore.getState().signIn(session))
  return session
}

const VALID = {
  topicId: 'lt01',
  villageCode: '331002001003',
  placeName: '城隍浦社区文化家园',
  dateFrom: addDays(today, 5),
  dateTo: addDays(today, 12),
  timeOfDay: 'afternoon' as const,
  audienceSize: 60,
  contactName: '林晓燕',
  contactPhone: '13912345678',
}

/** an order placed by `who` through the API, and the session left signed in as them */
async function placeOrder(name = '林晓燕'): Promise<LectureOrder> {
  await signIn('resident', name)
  return api.client.call('POST /lecture-orders', { body: { ...VALID, placeName: `${name}家门口` }, idempotencyKey: `seed-${Math.random()}` })
}

/** the card of the order placed at `place`, among cards of the same topic */
async function cardOf(place: string): Promise<HTMLElement> {
  let card: HTMLElement | undefined
  await waitFor(() => {
    card = screen.getAllByRole('listitem', { name: '城乡居民养老保险政策解读' }).find((c) => c.textContent?.includes(place))
    expect(card).toBeDefined()
  })
  return card!
}

beforeEach(() => taroMock.reset())
afterEach(() => act(() => useSessionStore.getState().signOut()))

describe('宣讲菜单', () => {
  it('lists topics with duration, format, lecturers and ratings, filters by format, and orders', async () => {
    render(<MenuPage />)
    const card = await screen.findByRole('listitem', { name: '防范养老诈骗' }, { timeout: 5000 })
    expect(card).toHaveTextContent('台州市公安局 · 约45分钟')
    expect(card).toHaveTextContent('到村现场')
    expect(card).toHaveTextContent('周志强（市公安局反诈中心民警）')
    expect(within(card).getByLabelText('评分4.9分，143次评价')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '线上直播' }))
    await waitFor(() => expect(screen.queryByRole('listitem', { name: '防范养老诈骗' })).toBeNull())
    expect(screen.getByRole('listitem', { name: '医保参保与报销' })).toBeInTheDocument()
    fireEvent.click(within(screen.getByRole('listitem', { name: '医保参保与报销' })).getByRole('button', { name: '我要点单' }))
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/lecture/pages/order/index?topic=lt02')
  })
})

describe('点单', () => {
  it('asks to sign in, and refuses roles that do not order', async () => {
    const { unmount } = render(<OrderPage />)
    expect(await screen.findByText('登录后即可点单')).toBeInTheDocument()
    unmount()
    await signIn('dispatcher')
    render(<OrderPage />)
    expect(await screen.findByText('点单由居民或便民服务点工作人员提交')).toBeInTheDocument()
  })

  it('checks the form, asks privacy consent before the phone, and a lost answer retried stores one order', async () => {
    const me = await signIn('resident', '点单测试居民')
    taroMock.routerParams = { topic: 'lt01' }
    render(<OrderPage />)
    await screen.findByText('宣讲专题')
    expect(screen.getByRole('button', { name: /^宣讲专题：/, hidden: true })).toHaveTextContent('城乡居民养老保险政策解读')

    fireEvent.click(screen.getByRole('button', { name: '提交点单' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择宣讲所在的村（社区）')

    // the RegionPicker: type part of the name and pick the match
    fireEvent.click(screen.getByTestId('region-picker'))
    type('搜索地区', '城隍浦')
    fireEvent.click(await screen.findByRole('button', { name: '椒江区 · 海门街道 · 城隍浦社区' }))
    expect(await screen.findByTestId('region-picker')).toHaveTextContent('椒江区 · 海门街道 · 城隍浦社区')
    type('具体地点', '城隍浦社区文化家园')
    pick('开始日期', addDays(today, 3))
    pick('结束日期', addDays(today, 10))
    fireEvent.click(screen.getByRole('radio', { name: '晚上' }))
    type('预计听众人数', '45')
    type('联系人', '林晓燕')

    // the first use of the phone field asks for consent, with the 隐私说明 at hand
    fireEvent.focus(screen.getByLabelText('联系电话'))
    const dialog = await screen.findByRole('dialog', { name: '隐私保护提示' })
    expect(dialog).toHaveTextContent('仅用于派单员和宣讲员与您约定宣讲时间地点')
    fireEvent.click(within(dialog).getByRole('link'))
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/lecture/pages/privacy/index')
    fireEvent.click(within(dialog).getByRole('button', { name: '同意并继续' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(taroMock.storage.get(PRIVACY_STORAGE_KEY)).toBe('yes')

    type('联系电话', '1391234567')
    fireEvent.click(screen.getByRole('button', { name: '提交点单' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('手机号格式不正确，请填写11位手机号')
    expect(api.requests.some((r) => r.startsWith('POST /api/v1/lecture-orders'))).toBe(false)

    type('联系电话', '13912345678')
    api.loseNextAnswer(/\/lecture-orders$/)
    fireEvent.click(screen.getByRole('button', { name: '提交点单' }))
    expect(await screen.findByRole('status', { hidden: true })).toHaveTextContent('已保存，联网后自动发送')
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '提交点单' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)?.kind).toBe('redirectTo'))

    const mine = await api.client.call('GET /lecture-orders/mine')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      regionName: '椒江区 海门街道 城隍浦社区',
      timeOfDay: 'evening',
      audienceSize: 45,
      contactPhone: '139****5678',
      dateFrom: addDays(today, 3),
    })
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/lecture/pages/detail/index?id=${mine[0].id}`)
    const posts = api.requests.filter((r) => r.startsWith('POST /api/v1/lecture-orders'))
    expect(posts).toHaveLength(2)
    expect(me.user.role).toBe('resident')
  })

  it('tells staff they order for the village (代点单)', async () => {
    await signIn('staff', '城隍浦社区便民服务点')
    render(<OrderPage />)
    expect(await screen.findByText(/本单为代村（社区）点单/)).toBeInTheDocument()
  })
})

describe('the loop across roles', () => {
  it('dispatcher assigns on 派单台, the lecturer accepts, schedules, shows the QR, an attendee signs in, the lecturer completes, the orderer rates', async () => {
    const order = await placeOrder('循环居民')
    const resident = useSessionStore.getState()

    await signIn('dispatcher', '派单员甲')
    const desk = render(<DispatchPage />)
    const card = await cardOf('循环居民家门口')
    expect(card).toHaveTextContent('联系人：林晓燕 13912345678')
    fireEvent.click(within(card).getByRole('button', { name: '派单' }))
    fireEvent.click(await within(card).findByRole('radio', { name: '陈海燕' }))
    fireEvent.click(within(card).getByRole('button', { name: '确认派单' }))
    await waitFor(() => expect(taroMock.toasts).toContain('已派单'))
    desk.unmount()

    // a lecturer account not in the directory picks its identity first (开发模式)
    await signIn('lecturer', '宣讲员')
    const mineView = render(<LecturerPage />)
    fireEvent.click(await screen.findByRole('button', { name: '陈海燕' }))
    const assigned = await cardOf('循环居民家门口')
    expect(useSessionStore.getState().user?.nickname).toBe('陈海燕')
    fireEvent.click(within(assigned).getByRole('button', { name: '接单' }))
    await waitFor(() => expect(taroMock.toasts).toContain('已接单'))
    const accepted = await cardOf('循环居民家门口')
    fireEvent.click(await within(accepted).findByRole('button', { name: '排期' }))
    const date = addDays(today, 6)
    pick('宣讲日期', date)
    fireEvent.click(within(accepted).getByRole('button', { name: '确认排期' }))
    await waitFor(() => expect(taroMock.toasts).toContain('已排期'))
    mineView.unmount()

    taroMock.routerParams = { id: order.id }
    const detail = render(<DetailPage />)
    const qr = await screen.findByRole('img', { name: /签到二维码，签到码\d{6}/ })
    const code = qr.getAttribute('aria-label')!.slice(-6)
    expect(qr.querySelectorAll('.lec-qr__row').length).toBeGreaterThan(20)
    expect(screen.getByText(/已签到 0 人/)).toBeInTheDocument()
    detail.unmount()

    await signIn('resident', '来听讲的村民')
    taroMock.routerParams = {}
    render(<SignInPage />)
    type('签到码', code)
    fireEvent.click(screen.getByRole('button', { name: '签到' }))
    expect(await screen.findByRole('status')).toHaveTextContent('签到成功')
    expect(screen.getByRole('status')).toHaveTextContent('本场已签到 1 人')

    await signIn('lecturer', '陈海燕')
    taroMock.routerParams = { id: order.id }
    const again = render(<DetailPage />)
    fireEvent.click(await screen.findByRole('button', { name: '填写完成报告' }))
    expect(screen.getByLabelText('到场人数')).toHaveValue('1')
    type('到场人数', '52')
    type('宣讲小结', '讲解了缴费档次和待遇领取，现场答疑8个问题。')
    fireEvent.click(screen.getByRole('button', { name: '提交完成报告' }))
    expect(await screen.findByText('到场 52 人（现场签到 1 人）')).toBeInTheDocument()
    again.unmount()

    act(() => useSessionStore.getState().signIn({ token: resident.token!, user: resident.user!, expiresAt: resident.expiresAt! }))
    render(<DetailPage />)
    const timeline = await screen.findByRole('list', { name: '办理进度' })
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.lec-timeline__title')!.textContent),
    ).toEqual(['点单 · 已点单', '派单 · 已派单', '接单 · 已接单', '排期 · 已排期', '完成 · 已完成'])
    expect(timeline).toHaveTextContent('派单员 派单员甲')
    expect(timeline).toHaveTextContent(`${date} 14:30`)
    expect(screen.getByText(/联系人：林晓燕 139\*\*\*\*5678/)).toBeInTheDocument()
    fireEvent.click(await screen.findByRole('button', { name: '评价' }))
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择星级')
    fireEvent.click(screen.getByRole('radio', { name: '5星' }))
    type('评价内容', '讲得实在，老人都听懂了')
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }))
    expect(await screen.findByText('我的评价')).toBeInTheDocument()
    expect(screen.getByText('讲得实在，老人都听懂了')).toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: '办理进度' })).getAllByRole('listitem')).toHaveLength(6)
  })

  it('shows a refusal from the server in words (409), e.g. cancelling what another tab already scheduled', async () => {
    const order = await placeOrder('取消居民')
    taroMock.routerParams = { id: order.id }
    render(<DetailPage />)
    const cancel = await screen.findByRole('button', { name: '取消点单' })
    // meanwhile the dispatcher, elsewhere, rejects it
    const dispatcher = await api.store.auth.upsertUser({ provider: 'dev', externalId: 'dispatcher:别处的派单员', nickname: '别处的派单员', role: 'dispatcher' })
    api.store.lectures.transition(
      order.id,
      { action: 'reject', reason: '本月已有同类宣讲' },
      { id: dispatcher.id, role: 'dispatcher', name: dispatcher.nickname },
      { wechat: 'not_sent' },
    )
    fireEvent.click(cancel)
    expect(await screen.findByRole('alert')).toHaveTextContent('该点单已驳回，不能再取消')
  })
})

describe('往期评价', () => {
  it('opens the reviews of a topic on the menu, with the village and no names', async () => {
    render(<MenuPage />)
    const card = await screen.findByRole('listitem', { name: '城乡居民养老保险政策解读' }, { timeout: 5000 })
    expect(card).toHaveTextContent(/★ 4\.8（127次评价）/)
    fireEvent.click(within(card).getByRole('button', { name: '查看往期评价' }))
    const reviews = await within(card).findByRole('list', { name: '往期评价' })
    expect(reviews).toHaveTextContent('讲得实在，老人都听懂了')
    expect(reviews).toHaveTextContent('椒江区 海门街道 城隍浦社区')
    expect(reviews).not.toHaveTextContent('林晓燕')
  })
})

describe('我的点单, 我的消息, 日历', () => {
  it('lists my orders and their status; pull to refresh reloads', async () => {
    await placeOrder('列表居民')
    render(<MyOrdersPage />)
    const card = await cardOf('列表居民家门口')
    expect(card).toHaveTextContent('已点单')
    const before = api.requests.filter((r) => r.includes('/lecture-orders/mine')).length
    act(() => taroMock.fire('pullDownRefresh'))
    await waitFor(() => expect(api.requests.filter((r) => r.includes('/lecture-orders/mine')).length).toBe(before + 1))
    fireEvent.click(within(card).getByRole('link'))
    expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/lecture\/pages\/detail\/index\?id=/)
  })

  it('counts unread messages in 我的 and marks one read when opened', async () => {
    const order = await placeOrder('消息居民')
    const me = useSessionStore.getState()
    await signIn('dispatcher')
    await api.client.call('POST /lecture-orders/:id/dispatch', { params: { id: order.id }, body: { lecturerId: 'u-lec-01' } })
    act(() => useSessionStore.getState().signIn({ token: me.token!, user: me.user!, expiresAt: me.expiresAt! }))

    // 我的消息 is one inbox now (src/features/messages), its entry beside 宣讲点单's in 我的
    const badge = render(<MessagesEntry />)
    expect(await screen.findByRole('listitem', { name: '我的消息，2条未读' })).toBeInTheDocument()
    badge.unmount()
    const entries = render(<LectureEntries />)
    expect(await screen.findByRole('listitem', { name: '我的点单' })).toBeInTheDocument()
    expect(screen.queryByRole('listitem', { name: '派单台' })).toBeNull()
    entries.unmount()

    render(<MessagesPage />)
    const first = await screen.findByRole('listitem', { name: '未读，已派单' })
    expect(first).toHaveTextContent('「城乡居民养老保险政策解读」已派给宣讲员陈海燕，等待接单')
    fireEvent.click(first)
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/lecture/pages/detail/index?id=${order.id}`)
    await waitFor(async () => expect((await api.client.call('GET /notifications/unread-count')).unread).toBe(1))
  })

  it('shows role entries: 派单台 for the dispatcher, 我的宣讲 for lecturers', async () => {
    await signIn('dispatcher')
    const a = render(<LectureEntries />)
    expect(await screen.findByRole('listitem', { name: '派单台' })).toBeInTheDocument()
    a.unmount()
    await signIn('lecturer', '陈海燕')
    render(<LectureEntries />)
    expect(await screen.findByRole('listitem', { name: '我的宣讲' })).toBeInTheDocument()
  })

  it('puts scheduled lectures on the month calendar, grouped by township', async () => {
    const order = await placeOrder('日历居民')
    await signIn('dispatcher')
    await api.client.call('POST /lecture-orders/:id/dispatch', { params: { id: order.id }, body: { lecturerId: 'u-lec-11' } })
    await signIn('lecturer', '蒋红')
    await api.client.call('POST /lecture-orders/:id/accept', { params: { id: order.id }, body: {} })
    const date = addDays(today, 2)
    await api.client.call('POST /lecture-orders/:id/schedule', { params: { id: order.id }, body: { date, time: '09:00', place: '城隍浦社区文化礼堂' } })
    render(<CalendarPage />)
    const month = date.slice(0, 7)
    if (month !== today.slice(0, 7)) fireEvent.click(await screen.findByRole('button', { name: '下个月' }))
    const day = Number(date.slice(8))
    const cell = await screen.findByRole('gridcell', { name: new RegExp(`^${day}日，\\d+场宣讲$`) })
    expect(await screen.findByText(/^海门街道（\d+场）$/)).toBeInTheDocument()
    fireEvent.click(cell)
    expect(screen.getAllByText(`${date} 09:00 · 城隍浦社区文化礼堂`).length).toBeGreaterThan(0)
  })
})

describe('sign-in codes and QR', () => {
  it('reads a scanned payload or six typed digits', () => {
    expect(parseSignIn(' 123456 ')).toEqual({ code: '123456' })
    expect(parseSignIn('zct-signin:abc-1:654321')).toEqual({ orderId: 'abc-1', code: '654321' })
    expect(parseSignIn('zct-signin:abc:12')).toBeUndefined()
    expect(parseSignIn('https://example.com')).toBeUndefined()
  })

  it('encodes a payload as square rows of dark runs', () => {
    const { modules, rows } = qrRuns('zct-signin:1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed:123456')
    expect(rows).toHaveLength(modules)
    expect(modules).toBeGreaterThanOrEqual(29)
    for (const runs of rows) for (const [x, n] of runs) expect(x + n).toBeLessThanOrEqual(modules)
    // the finder pattern: a row of 7 dark modules after the 2-module border
    expect(rows[2][0]).toEqual([2, 7])
  })
})
