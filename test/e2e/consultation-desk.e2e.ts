/**
 * 咨询工作台 end to end: a resident consults in the H5 app (政务公开, 椒江区); a 椒江区 responder
 * signs in to the console, lands on the inbox, finds it routed to 椒江区人民政府办公室 and replies;
 * the resident sees the reply and the department in 我的咨询. Then, with the server's clock moved
 * (POST /api/v1/dev/clock, dev login only), one submitted on a Monday is overdue on Friday and one
 * submitted the day before 元旦 2027 is not overdue 6 calendar days later.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { Consultation, DeskConsultationDetail } from '../../common/contract'
import { shanghaiToday } from '../../common/shanghai-date'
import { BASE_URL, desktop, launch, phone, screenshot } from './browser'
import { pickFirst, pickRegion } from './taro'
import { createStaff, signInToConsole } from './helpers/staff'

const PASSWORD = 'Taizhou#2026-zixungongzuotai'
const RESPONDER = { username: 'jj-responder', role: 'responder', org: '331002', name: '椒江答复员' }
const QUESTION = '想问一下椒江区的政府信息公开申请要在哪里提交，需要带什么材料？'
const REPLY = '可在椒江区人民政府门户网站“政府信息公开”栏目在线申请，也可到区行政服务中心窗口提交，请携带身份证。'
const SLOW = { timeout: 30_000 }
const DAY_MS = 24 * 3600_000

let browser: Browser
let resident: Page
let consoleTab: Page

async function api<T>(method: string, url: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${BASE_URL}/api/v1${url}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  assert.ok(res.ok, `${method} ${url}: ${res.status} ${text}`)
  return JSON.parse(text) as T
}

const devToken = async (role: string, org: string, name: string) => (await api<{ token: string }>('POST', '/auth/dev', { role, org, name })).token

/** moves the server's clock to the Beijing date `date` (the time of day stays the real one) */
async function clockTo(date: string) {
  const offsetDays = Math.round((Date.parse(`${date}T12:00:00+08:00`) - Date.parse(`${shanghaiToday()}T12:00:00+08:00`)) / DAY_MS)
  await api('POST', '/dev/clock', { offsetDays })
}

before(async () => {
  browser = await launch()
  await createStaff(RESPONDER, PASSWORD)
  resident = (await phone(browser)).page
  consoleTab = (await desktop(browser)).page
})

after(async () => {
  await api('POST', '/dev/clock', { offsetDays: 0 }).catch(() => undefined)
  await browser?.close()
})

test('a resident consults; the 椒江区 responder replies from the inbox; the resident sees the reply and the department', async () => {
  await resident.goto(`${BASE_URL}/pages/mine/index`)
  await resident.getByRole('button', { name: '居民' }).click()
  await resident.getByText('退出登录').waitFor(SLOW)
  await resident.goto(`${BASE_URL}/packages/qa/pages/consult/index`)
  await pickFirst(resident, '选择政策领域')
  await resident.locator('.consult__textarea:visible textarea').fill(QUESTION)
  await pickRegion(resident, '椒江', '椒江区')
  await resident.locator('.consult__input:visible input').fill('13812345678')
  await resident.getByRole('button', { name: '提交咨询' }).click()
  await resident.waitForURL(/packages\/qa\/pages\/mine/, SLOW)

  await signInToConsole(consoleTab, RESPONDER, PASSWORD)
  // a responder lands on the inbox
  await consoleTab.waitForURL(/\/admin\/consultations/, SLOW)
  await consoleTab.getByRole('heading', { name: '咨询工作台' }).waitFor(SLOW)
  const row = consoleTab.locator('tr', { hasText: QUESTION.slice(0, 12) }).first()
  await row.waitFor(SLOW)
  assert.match(await row.innerText(), /椒江区人民政府办公室/)
  assert.match(await row.innerText(), /待分派/)
  await screenshot(consoleTab, 'consultation-inbox')
  await row.click()
  const drawer = consoleTab.getByRole('dialog')
  await drawer.getByText('138****5678').waitFor(SLOW)
  await drawer.getByLabel('答复内容').fill(REPLY)
  await drawer.getByRole('button', { name: '发布答复' }).click()
  await drawer.getByText(/答复已发布 · 椒江答复员/).waitFor(SLOW)

  await resident.goto(`${BASE_URL}/packages/qa/pages/mine/index`)
  await resident
    .locator('.consultation:visible', { hasText: QUESTION.slice(0, 12) })
    .first()
    .waitFor(SLOW)
  const item = resident.locator('.consultation:visible', { hasText: REPLY.slice(0, 10) }).first()
  // the app serves a GET answer younger than 30 s from its read cache (stale-while-revalidate,
  // src/api/client.ts freshMs): the resident's list was read seconds before the reply, so come
  // back as after a while, with that cache emptied
  await resident.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('zct-cache:'))
      .forEach((k) => localStorage.removeItem(k)),
  )
  await resident.reload()
  await item.waitFor(SLOW)
  const text = await item.innerText()
  assert.match(text, /已回复/)
  assert.match(text, /椒江区人民政府办公室/)
  await screenshot(resident, 'consultation-answered')

  // 我的消息: the 我的 tab's entry counts the reply as unread; the inbox names the department and opens the consultation
  await resident.goto(`${BASE_URL}/pages/mine/index`)
  await resident
    .getByLabel(/^我的消息，\d+条未读$/)
    .first()
    .waitFor(SLOW)
  await resident.goto(`${BASE_URL}/packages/messages/pages/inbox/index`)
  const message = resident.getByText('您的咨询已由椒江区人民政府办公室答复').first()
  await message.waitFor(SLOW)
  await screenshot(resident, 'messages-inbox')
  await message.click()
  await resident.waitForURL(/packages\/qa\/pages\/mine/, SLOW)
})

test('with the clock moved: a Monday consultation is overdue on Friday, one spanning 元旦 is not after 6 days', async () => {
  const ask = async (name: string, question: string) =>
    api<Consultation>('POST', '/consultations', { topic: 'yanglao', question, regionCode: '331002001003' }, await devToken('resident', '331002', name))
  await clockTo('2026-12-14') // Monday
  const monday = await ask('周一居民', '周一提交：居家养老服务补贴怎么申请？')
  await clockTo('2026-12-31') // Thursday, the day before 元旦
  const holiday = await ask('元旦前居民', '元旦前提交：高龄津贴什么时候发？')

  const detail = async (id: string) =>
    api<DeskConsultationDetail>('GET', `/admin/consultations/${id}`, undefined, await devToken('responder', '331002', '椒江答复员（接口）'))
  await clockTo('2026-12-18') // Friday
  const late = await detail(monday.id)
  assert.equal(late.dueDate, '2026-12-17')
  assert.equal(late.overdue, true)
  await clockTo('2027-01-06') // 6 calendar days after, 3 working days after (元旦 and the weekend off)
  const onTime = await detail(holiday.id)
  assert.equal(onTime.dueDate, '2027-01-06')
  assert.equal(onTime.overdue, false)
  await clockTo(shanghaiToday())
})
