/**
 * 我的消息 and 我的咨询 as the resident sees them, against the real routes (in-memory store, mock
 * fixtures): the badge on 我的, a reply's message opening 我的咨询 at the consultation, reading one
 * and all, the reply with its department and time, rating it once, elder mode, and the
 * subscription request on weapp only.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import type { Consultation, InformationRequestDetail, Session } from '@common/contract'
import { askForReplyMessage } from '@/features/consultations/config'
import { askForFoiaMessages } from '@/features/information-requests/config'
import { useThemeStore } from '@/features/elder-mode/stores/theme-store'
import InboxPage from '@/packages/messages/pages/inbox/index'
import MyConsultationsPage from '@/packages/qa/pages/mine/index'
import { MessagesEntry } from '../components/messages-entry'

jest.setTimeout(120_000)

const api = setupFixtureApi()

async function signIn(role: 'resident' | 'responder', name: string): Promise<Session> {
  const session = await api.client.call('POST /auth/dev', { body: { role, name } })
  act(() => useSessionStore.getState().signIn(session))
  return session
}

/** a resident's consultation answered by 台州市医疗保障局; the resident signed in after */
async function answered(name: string, question = '城乡居民医保在哪里缴费？需要带什么？'): Promise<Consultation> {
  const resident = await signIn('resident', name)
  const asked = await api.client.call('POST /consultations', {
    body: { topic: 'yibao', question, regionCode: '331002001003' },
    idempotencyKey: `k-${Math.random()}`,
  })
  await signIn('responder', '台州市医疗保障局')
  await api.client.call('POST /consultations/:id/reply', { params: { id: asked.id }, body: { text: '可在浙里办缴费，也可到村便民服务点代缴。' } })
  act(() => useSessionStore.getState().signIn(resident))
  return asked
}

function type(label: string, value: string) {
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { bubbles: true, detail: { value } }))
}

beforeEach(() => taroMock.reset())
afterEach(() => {
  act(() => useSessionStore.getState().signOut())
  act(() => useThemeStore.setState({ choice: undefined, system: 'normal' }))
})

describe('我的消息', () => {
  it('asks a signed-out visitor to sign in', async () => {
    render(<InboxPage />)
    expect(await screen.findByText('登录后查看您的消息')).toBeInTheDocument()
  })

  it('says so when there is nothing yet', async () => {
    await signIn('resident', '没有消息的人')
    render(<InboxPage />)
    expect(await screen.findByText('暂无消息')).toBeInTheDocument()
    expect(screen.getByText('咨询的答复、宣讲点单和依申请公开的每一步进展都会在这里通知您')).toBeInTheDocument()
  })

  it('a reply shows on 我的 as a badge and in the list; opening it marks it read and opens 我的咨询 at it', async () => {
    const asked = await answered('等答复的居民')
    const entry = render(<MessagesEntry />)
    expect(await screen.findByRole('listitem', { name: '我的消息，1条未读' })).toHaveTextContent('1')
    entry.unmount()

    render(<InboxPage />)
    const item = await screen.findByRole('listitem', { name: '未读，您的咨询已由台州市医疗保障局答复' })
    expect(item).toHaveTextContent('咨询答复')
    expect(item).toHaveTextContent('城乡居民医保在哪里缴费？需要带什么？')
    expect(screen.getByRole('status')).toHaveTextContent('1 条未读')
    fireEvent.click(item)
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/qa/pages/mine/index?id=${asked.id}`)
    expect(await screen.findByRole('listitem', { name: '您的咨询已由台州市医疗保障局答复' })).toBeInTheDocument()
    await waitFor(async () => expect((await api.client.call('GET /messages/unread-count')).unread).toBe(0))
  })

  it('a 依申请公开 补正 notice shows the number and opens the request', async () => {
    const resident = await signIn('resident', '申请公开的居民')
    const applied = await api.client.call('POST /information-requests', {
      body: {
        applicantType: 'citizen',
        name: '王小明',
        idType: 'id_card',
        idNumber: '331002199003071236',
        phone: '13812345678',
        infoTitle: '椒江区2026年征地补偿标准',
        orgCode: '331002',
        format: 'electronic',
        delivery: 'online',
      },
      idempotencyKey: 'k-foia',
    })
    const officer = await api.client.call('POST /auth/dev', { body: { role: 'foia_officer', org: '331002', name: '椒江公开专员' } })
    // the console's step (not in the resident app's endpoint list)
    const staffCall = api.client.call.bind(api.client) as unknown as (key: string, o: object) => Promise<InformationRequestDetail>
    await staffCall('POST /admin/information-requests/:id/:action', {
      params: { id: applied.id, action: 'request_correction' },
      body: { note: '请说明具体地块' },
      token: officer.token,
      idempotencyKey: 'k-foia-corr',
    })
    act(() => useSessionStore.getState().signIn(resident))

    render(<InboxPage />)
    const item = await screen.findByRole('listitem', { name: '未读，您的政府信息公开申请需要补正' })
    expect(item).toHaveTextContent('依申请公开')
    expect(item).toHaveTextContent(`申请编号${applied.number}`)
    expect(item).not.toHaveTextContent('王小明')
    fireEvent.click(item)
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/foia/pages/detail/index?id=${applied.id}`)
  })

  it('全部已读 marks every message read', async () => {
    await answered('两条消息的居民', '高龄津贴怎么申请？需要什么材料？')
    const me = useSessionStore.getState()
    const second = await api.client.call('POST /consultations', {
      body: { topic: 'yibao', question: '医保异地备案在哪里办理？', regionCode: '331002001003' },
      idempotencyKey: 'k-second',
    })
    await signIn('responder', '台州市医疗保障局')
    await api.client.call('POST /consultations/:id/reply', { params: { id: second.id }, body: { text: '在国家医保服务平台备案。' } })
    act(() => useSessionStore.getState().signIn({ token: me.token!, user: me.user!, expiresAt: me.expiresAt! }))

    render(<InboxPage />)
    expect(await screen.findAllByRole('listitem', { name: /^未读，/ })).toHaveLength(2)
    fireEvent.click(screen.getByRole('button', { name: '全部已读' }))
    expect(await screen.findByText('没有未读消息')).toBeInTheDocument()
    expect(screen.queryAllByRole('listitem', { name: /^未读，/ })).toHaveLength(0)
    expect((await api.client.call('GET /messages/unread-count')).unread).toBe(0)
  })
})

describe('我的咨询: the reply and its rating', () => {
  it('shows the department, the reply time and the text, and takes one rating', async () => {
    const asked = await answered('评价的居民')
    taroMock.routerParams = { id: asked.id }
    const page = render(<MyConsultationsPage />)
    const card = await screen.findByRole('article')
    // the outline is on the Card the article stands on
    expect(card.closest('.consultation')).toHaveClass('consultation--highlighted')
    expect(card).toHaveTextContent('已回复')
    expect(card).toHaveTextContent('答复部门：台州市医疗保障局')
    expect(card).toHaveTextContent(/答复时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    expect(card).toHaveTextContent('可在浙里办缴费，也可到村便民服务点代缴。')

    fireEvent.click(within(card).getByRole('button', { name: '提交评价' }))
    expect(await within(card).findByRole('alert')).toHaveTextContent('请选择满意、基本满意或不满意')
    fireEvent.click(within(card).getByRole('radio', { name: '基本满意' }))
    type('评价内容', '答复清楚，<b>谢谢</b>')
    expect(card).toHaveTextContent('14/200')
    fireEvent.click(within(card).getByRole('button', { name: '提交评价' }))
    const done = await within(card).findByRole('status', { name: '我的评价：基本满意' })
    // the comment is text: the markup shows as typed
    expect(done).toHaveTextContent('答复清楚，<b>谢谢</b>')
    expect(done.querySelector('b')).toBeNull()
    expect(within(card).queryByRole('button', { name: '提交评价' })).toBeNull()
    page.unmount()

    // back later: the rating is the server's
    render(<MyConsultationsPage />)
    expect(await screen.findByRole('status', { name: '我的评价：基本满意' })).toBeInTheDocument()
    const again = await api.client.call('POST /consultations/:id/rating', {
      params: { id: asked.id },
      body: { level: 'basic', comment: '答复清楚，<b>谢谢</b>' },
    })
    expect(again.level).toBe('basic')
  })

  it('shows the server’s refusal in Chinese', async () => {
    const asked = await answered('被拒的居民')
    await api.client.call('POST /consultations/:id/rating', { params: { id: asked.id }, body: { level: 'satisfied' } })
    // another device rated it meanwhile: this page still shows the form
    await api.store.database.kysely.deleteFrom('consultation_ratings').where('consultation_id', '=', asked.id).execute()
    render(<MyConsultationsPage />)
    const card = await screen.findByRole('article')
    await api.client.call('POST /consultations/:id/rating', { params: { id: asked.id }, body: { level: 'satisfied' } })
    fireEvent.click(within(card).getByRole('radio', { name: '不满意' }))
    fireEvent.click(within(card).getByRole('button', { name: '提交评价' }))
    expect(await within(card).findByRole('alert')).toHaveTextContent('该答复已评价过，不能重复评价')
  })

  it('a pending consultation has no rating form, only the promise', async () => {
    await signIn('resident', '还在等的居民')
    await api.client.call('POST /consultations', {
      body: { topic: 'yibao', question: '医保断缴了怎么补缴？', regionCode: '331002001003' },
      idempotencyKey: 'k-pending',
    })
    render(<MyConsultationsPage />)
    const card = await screen.findByRole('article')
    expect(card).toHaveTextContent('待回复')
    expect(card).toHaveTextContent('一般在3个工作日内答复')
    expect(within(card).queryByRole('radiogroup')).toBeNull()
  })

  it('in elder mode the page takes the largest scale, and the rating’s styles only use its tokens', async () => {
    act(() => useThemeStore.setState({ choice: 'elder' }))
    await answered('长辈')
    const { container } = render(<MyConsultationsPage />)
    await screen.findByRole('radiogroup', { name: '评价答复' })
    const root = container.querySelector('.page') as HTMLElement
    expect(root).toHaveClass('theme--elder')
    expect(parseFloat(root.style.getPropertyValue('--fs-sm'))).toBeGreaterThanOrEqual(18)
    for (const file of ['../../consultations/components/reply-rating.scss', '../components/messages.scss']) {
      const scss = readFileSync(join(__dirname, file), 'utf8')
      // every text size and tap height follows the scale (nothing fixed in px that elder mode cannot grow)
      expect(scss.match(/font-size:\s*[^;]+/g)?.every((d) => d.includes('var(--fs-'))).toBe(true)
      expect(scss).not.toMatch(/height:\s*\d+px/)
    }
  })
})

describe('the WeChat subscription requests at 提交咨询 and 提交申请', () => {
  const env = process.env
  afterEach(() => {
    process.env = env
  })

  it('asks for the configured templates on weapp, and does nothing on H5 or without templates', () => {
    const request = jest.fn(() => Promise.resolve({}))
    process.env = { ...env, TARO_ENV: 'h5', TARO_APP_CONSULTATION_TEMPLATE_IDS: 'tmpl-a' }
    askForReplyMessage(request)
    expect(request).not.toHaveBeenCalled()
    process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_CONSULTATION_TEMPLATE_IDS: '' }
    askForReplyMessage(request)
    expect(request).not.toHaveBeenCalled()
    process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_CONSULTATION_TEMPLATE_IDS: 'tmpl-a, tmpl-b' }
    askForReplyMessage(request)
    expect(request).toHaveBeenCalledWith({ tmplIds: ['tmpl-a', 'tmpl-b'] })
  })

  it('at 提交申请 (依申请公开) asks for TARO_APP_FOIA_TEMPLATE_IDS on weapp only', () => {
    const request = jest.fn(() => Promise.resolve({}))
    process.env = { ...env, TARO_ENV: 'h5', TARO_APP_FOIA_TEMPLATE_IDS: 'tmpl-foia' }
    askForFoiaMessages(request)
    expect(request).not.toHaveBeenCalled()
    process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_FOIA_TEMPLATE_IDS: ' tmpl-foia ' }
    askForFoiaMessages(request)
    expect(request).toHaveBeenCalledWith({ tmplIds: ['tmpl-foia'] })
  })
})
