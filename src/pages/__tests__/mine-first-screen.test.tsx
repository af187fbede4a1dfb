/**
 * 我的's server-drawn first screen against the page itself: the layer, after its own script has run
 * (it reads the stored session as the browser has it), says what MinePage draws — in the same
 * order, from the 演示模式 banner down to the menu — for a visitor not signed in, a resident and
 * staff, so nothing moves when the page replaces it. Only what the server cannot know differs:
 * the signed-in user's name (「已登录」) and the unread count.
 */
import { act, render, screen } from '@testing-library/react'
import type { FastifyInstance } from 'fastify'
import { setupFixtureApi } from '../../../test/support/fixture-api'
import { fakeH5Build, layer } from '../../../test/api/helpers/h5-build'
import { useSessionStore } from '@/api'
import { useDemoStore } from '@/components/demo-banner'
import { FIRST_SCREEN_ELEMENT_ID, type Role, type User } from '@common/contract'
import { withDemoBanner } from '../../../server/modules/first-screen/demo-banner'
import { H5Document } from '../../../server/modules/first-screen/document'
import type { ServerAnswers } from '../../../server/modules/first-screen/page'
import { minePage } from '../../../server/modules/first-screen/pages/mine'
import MinePage from '../mine/index'

const api = setupFixtureApi()
const h5 = fakeH5Build('zct-h5-mine-', {}, {})
afterAll(() => h5.remove())

afterEach(() => {
  act(() => {
    useSessionStore.getState().signOut()
    useDemoStore.setState({ demo: false, answered: false })
  })
  localStorage.clear()
  document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.remove()
})

/** what the fixture server says about itself, as its routes answer */
async function serverAnswers(): Promise<ServerAnswers> {
  return { appConfig: await api.client.call('GET /app-config'), authMethods: await api.client.call('GET /auth/methods') }
}

/** the visible text of `root`: hidden elements, stylesheets and the unread badge left out, an input's placeholder read */
function shown(root: Element): string {
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
    if (!(node instanceof HTMLElement)) return ''
    if (node.tagName === 'STYLE' || node.style.display === 'none' || node.classList.contains('msg-badge')) return ''
    const placeholder = node.getAttribute('placeholder')
    return placeholder ?? [...node.childNodes].map(walk).join(' ')
  }
  return walk(root).replace(/\s+/g, ' ').trim()
}

/** the layer as the HTML's scripts leave it, with `session` stored the way the app persists it */
async function layerShown(session?: { token: string; user: User }): Promise<string> {
  if (session) localStorage.setItem('zct-session', JSON.stringify({ data: JSON.stringify({ state: session, version: 0 }) }))
  const server = await serverAnswers()
  const drawn = (await minePage.draw({} as FastifyInstance, {}, server))!
  const html = new H5Document(h5.path).withFirstScreen(minePage.page, server.appConfig.demo ? withDemoBanner(drawn.html) : drawn.html, drawn.data, drawn.script)
  const holder = document.createElement('div')
  holder.innerHTML = layer(html)
  document.body.appendChild(holder.firstElementChild!)
  // the layer script, as the browser runs it right after the layer
  const script = /<script>(\(function\(\)\{try\{var el=.*?)<\/script><div id="app">/.exec(html)![1]
  ;(0, eval)(script)
  const text = shown(document.getElementById(FIRST_SCREEN_ELEMENT_ID)!)
  document.getElementById(FIRST_SCREEN_ELEMENT_ID)!.remove()
  return text
}

/** what MinePage draws, from its top down to the end of its menu (the layer is one screen: it stops there) */
async function pageShown(): Promise<string> {
  act(() => useDemoStore.setState({ demo: true, answered: true }))
  const { container } = render(<MinePage />)
  await screen.findByText('手机号登录').catch(() => undefined)
  // the sign-in methods and the unread count have answered
  await act(() => new Promise((r) => setTimeout(r, 50)))
  const root = container.querySelector('.page.mine')!
  const parts: string[] = []
  for (const child of root.children) {
    parts.push(shown(child))
    if (child.textContent?.includes('我的情况')) break
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

async function sessionAs(role: Role) {
  const res = await api.client.call('POST /auth/dev', { body: { role } })
  return { token: res.token, user: res.user }
}

it('the fixture server is the demo: the layer draws 演示模式 and 选择身份登录 as the page will', async () => {
  const layerText = await layerShown()
  expect(layerText).toMatch(
    /^演示模式 本机演示服务.* 访 未登录 .* 手机号登录 请输入手机号 6位验证码 获取验证码 登录 .* 选择身份登录（开发模式） 居民 .* 工作人员登录 ›/,
  )
})

it('a visitor not signed in: the layer says what the page says, in its order, the sign-in form included', async () => {
  const layerText = await layerShown()
  expect(await pageShown()).toBe(layerText)
})

it('a resident: no form, 修改昵称, 工作人员登录 and 我的消息 as on the page; the name only in the page', async () => {
  const session = await sessionAs('resident')
  const layerText = await layerShown(session)
  act(() => useSessionStore.setState(session))
  const pageText = await pageShown()
  expect(layerText).not.toContain(session.user.nickname)
  expect(layerText).not.toMatch(/手机号登录|选择身份登录/)
  expect(pageText.replace(`${session.user.nickname.slice(0, 1)} ${session.user.nickname} 居民`, '已登录')).toBe(layerText)
})

it('staff: 登录设备 and 修改密码 instead of 工作人员登录, as on the page', async () => {
  const session = await sessionAs('staff')
  const layerText = await layerShown(session)
  act(() => useSessionStore.setState(session))
  const pageText = await pageShown()
  expect(layerText).toMatch(/已登录 登录设备 › 修改密码 › 我的消息 ›/)
  const head = /^演示模式 \S+ (.*?) 登录设备/.exec(pageText)![1]
  expect(pageText.replace(head, '已登录')).toBe(layerText)
})
