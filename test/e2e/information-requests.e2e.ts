/**
 * 依申请公开 end to end: a resident applies in the H5 app (台州市 itself as the body); the city's
 * 信息公开专员 asks for 补正 in the console; the resident corrects; the officer drafts a 部分公开
 * with its legal ground; the 法律审核 reviewer approves it; the officer replies; the resident
 * downloads the 答复书 PDF; the request is counted in the 年度报告 table. Then, with the server's
 * clock moved (POST /api/v1/dev/clock), an unanswered request is flagged overdue on the board.
 * Screenshots: the form (标准 and 特大), the acknowledgement, the board, the drawer, the report.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { InformationRequestDetail, InformationRequestPage } from '../../common/contract'
import { shanghaiToday } from '../../common/shanghai-date'
import { BASE_URL, desktop, launch, phone, screenshot } from './browser'
import { setScale } from './checks'
import { pickFirst } from './taro'
import { createStaff, signInToConsole } from './helpers/staff'

const PASSWORD = 'Taizhou#2026-xinxigongkai'
const ACCOUNTS = {
  officer: { username: 'foia-officer', role: 'foia_officer', org: '331000', name: '市信息公开专员' },
  legal: { username: 'foia-legal', role: 'legal_reviewer', org: '331000', name: '市法律顾问' },
} as const
type Who = keyof typeof ACCOUNTS
const TITLE = `台州市2026年政府信息公开测试材料${Date.now() % 100000}`
const SLOW = { timeout: 30_000 }
const DAY_MS = 24 * 3600_000

let browser: Browser
let resident: Page
const pages = {} as Record<Who, Page>

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

async function clockTo(date: string) {
  const offsetDays = Math.round((Date.parse(`${date}T12:00:00+08:00`) - Date.parse(`${shanghaiToday()}T12:00:00+08:00`)) / DAY_MS)
  await api('POST', '/dev/clock', { offsetDays })
}

const signIn = (who: Who) => signInToConsole(pages[who], ACCOUNTS[who], PASSWORD)

/** the board's drawer of the request with this number, opened */
async function openOnBoard(page: Page, path: string, number: string) {
  await page.goto(`${BASE_URL}/admin${path}`)
  await page.getByTestId(`foia-row-${number}`).click(SLOW)
  await page.locator('.ant-drawer').getByText(`申请 ${number}`).waitFor(SLOW)
}

/** an antd Select in the drawer: opened by its label, the option clicked by its text */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label).first().click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click()
}

/** the resident's detail page, read afresh (the app keeps GET answers for 30 s) */
async function residentDetail(id: string) {
  await resident.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('zct-cache:'))
      .forEach((k) => localStorage.removeItem(k)),
  )
  await resident.goto(`${BASE_URL}/packages/foia/pages/detail/index?id=${id}`)
}

before(async () => {
  browser = await launch()
  for (const who of Object.keys(ACCOUNTS) as Who[]) {
    const a = ACCOUNTS[who]
    await createStaff(a, PASSWORD)
    pages[who] = (await desktop(browser)).page
  }
  resident = (await phone(browser)).page
})

after(async () => {
  await api('POST', '/dev/clock', { offsetDays: 0 }).catch(() => undefined)
  await browser?.close()
})

test('a resident applies; the office asks 补正; the resident corrects; 部分公开 after legal review; the resident downloads the PDF; the yearly table counts it', async () => {
  // the form, at 特大 first (a screenshot), then at 标准 to fill it
  await setScale(resident, 'elder')
  await resident.goto(`${BASE_URL}/packages/foia/pages/apply/index`)
  await resident.getByText('申请人信息').waitFor(SLOW)
  await screenshot(resident, 'foia-apply-elder')
  await setScale(resident, 'normal')
  await resident.getByRole('button', { name: '居民' }).click()
  await resident.getByText('退出登录').waitFor(SLOW)
  await resident.goto(`${BASE_URL}/packages/foia/pages/apply/index`)
  await resident.getByText('申请人信息').waitFor(SLOW)
  const input = (i: number) => resident.locator('.foia__input:visible input').nth(i)
  await input(0).fill('王小明')
  await input(1).fill('331002199003071237')
  await input(2).fill('13812345678')
  await input(5).fill(TITLE)
  await pickFirst(resident, '选择申请公开的机关')
  await resident.getByRole('button', { name: '提交申请' }).click()
  // the wrong check digit is caught on the device, in Chinese
  await resident.getByText('居民身份证号码不正确，请核对').waitFor(SLOW)
  await input(1).fill('331002199003071236')
  await screenshot(resident, 'foia-apply')
  await resident.getByRole('button', { name: '提交申请' }).click()
  await resident.waitForURL(/packages\/foia\/pages\/detail/, SLOW)
  const numberText = await resident.getByText(/^申请编号 YSQ/).innerText()
  const number = numberText.replace('申请编号 ', '').trim()
  const id = new URL(resident.url()).searchParams.get('id')!
  await resident.getByText(/还有 20 个工作日/).waitFor(SLOW)
  await screenshot(resident, 'foia-acknowledged')

  // the officer asks for 补正
  await signIn('officer')
  const officer = pages.officer
  await officer.goto(`${BASE_URL}/admin/information-requests`)
  await officer.getByTestId(`foia-row-${number}`).waitFor(SLOW)
  await screenshot(officer, 'foia-board')
  await openOnBoard(officer, '/information-requests', number)
  // the handling office sees the ID number in full
  await officer.locator('.ant-drawer').getByText('331002199003071236').waitFor(SLOW)
  await officer.getByTestId('foia-open-request_correction').click()
  await officer.getByLabel('补正要求').fill('请说明所需材料的年份和具体名称')
  await officer.getByTestId('foia-submit-step').click()
  await officer.locator('.ant-drawer').getByText('待补正').first().waitFor(SLOW)

  // the resident hears of it in 我的消息 and taps through to the request
  await resident.goto(`${BASE_URL}/packages/messages/pages/inbox/index`)
  const notice = resident.getByText('您的政府信息公开申请需要补正').first()
  await notice.waitFor(SLOW)
  await resident.getByText(`申请编号${number}`, { exact: false }).first().waitFor(SLOW)
  await screenshot(resident, 'foia-message')
  await notice.click()
  await resident.waitForURL(new RegExp(`packages/foia/pages/detail/index\\?id=${id}`), SLOW)

  // the resident corrects
  await residentDetail(id)
  await resident.getByText('请说明所需材料的年份和具体名称').first().waitFor(SLOW)
  await resident.locator('.foia__textarea:visible textarea').fill('2026年度，政府信息公开工作相关材料')
  await resident.getByRole('button', { name: '提交补正' }).click()
  await resident.getByText('办理中').first().waitFor(SLOW)

  // the officer drafts a 部分公开 with its ground
  await openOnBoard(officer, '/information-requests', number)
  await officer.getByTestId('foia-open-submit_review').click()
  await choose(officer, '答复类型', '部分公开')
  await choose(officer, '法律依据', '个人隐私')
  await officer.getByLabel('答复正文（模板之外的说明）').fill('现将可以公开的部分提供给您，涉及个人信息的部分不予公开。')
  await officer.getByTestId('foia-submit-step').click()
  await officer.locator('.ant-drawer').getByText('法律审核中').first().waitFor(SLOW)
  await screenshot(officer, 'foia-drawer')

  // 法律审核 approves from its queue
  await signIn('legal')
  await openOnBoard(pages.legal, '/information-review', number)
  await pages.legal.getByTestId('foia-do-approve').click()
  await pages.legal.locator('.ant-drawer').getByText('待答复').first().waitFor(SLOW)

  // the officer replies
  await openOnBoard(officer, '/information-requests', number)
  await officer.getByTestId('foia-do-reply').click()
  await officer.locator('.ant-drawer').getByText('已答复').first().waitFor(SLOW)

  // the resident downloads the 答复书
  await residentDetail(id)
  await resident.getByText('答复：部分公开').waitFor(SLOW)
  await screenshot(resident, 'foia-answered')
  const [download] = await Promise.all([resident.waitForEvent('download', SLOW), resident.getByRole('button', { name: '下载答复书（PDF）' }).click()])
  assert.equal(download.suggestedFilename(), `答复书-${number}.pdf`)
  const file = await download.path()
  const { readFileSync } = await import('node:fs')
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-')

  // the 年度报告 table counts it
  await officer.goto(`${BASE_URL}/admin/information-report`)
  const row = officer.getByTestId('foia-report').locator('tr', { hasText: '部分公开' })
  await row.waitFor(SLOW)
  const cells = await row.locator('td').allInnerTexts()
  assert.ok(Number(cells[3]) >= 1, `部分公开 counted: ${cells.join(' | ')}`)
  await screenshot(officer, 'foia-report')
})

test('with the clock moved past its due date, an unanswered request is flagged overdue', async () => {
  const residentToken = await devToken('resident', '331000', '逾期测试居民')
  const r = await api<InformationRequestDetail>(
    'POST',
    '/information-requests',
    {
      applicantType: 'citizen',
      name: '赵六',
      idType: 'id_card',
      idNumber: '11010519491231002X',
      phone: '13900001111',
      infoTitle: `逾期测试信息${Date.now() % 100000}`,
      orgCode: '331000',
      format: 'electronic',
      delivery: 'online',
    },
    residentToken,
  )
  assert.ok(r.dueDate)
  // the day after its due date
  const after = new Date(Date.parse(`${r.dueDate}T12:00:00+08:00`) + DAY_MS)
  await clockTo(shanghaiToday(after))
  try {
    const token = await devToken('foia_officer', '331000', '市信息公开专员（接口）')
    const board = await api<InformationRequestPage>('GET', '/admin/information-requests?overdue=true&pageSize=50', undefined, token)
    const row = board.items.find((i) => i.id === r.id)
    assert.ok(row, 'listed among the overdue')
    assert.equal(row.overdue, true)
    assert.ok((row.daysLeft ?? 0) < 0)
    await signIn('officer')
    await pages.officer.goto(`${BASE_URL}/admin/information-requests`)
    await pages.officer.getByText('已超期').first().click()
    await pages.officer.getByRole('button', { name: /^查\s?询$/ }).click()
    await pages.officer
      .getByTestId(`foia-row-${r.number}`)
      .getByText(/超期 \d+ 个工作日/)
      .waitFor(SLOW)
    await screenshot(pages.officer, 'foia-board-overdue')
  } finally {
    await clockTo(shanghaiToday())
  }
})
