/**
 * Issue 15's 问答缺口 end to end: a resident asks the H5 智能问答 a question nobody can answer; it
 * appears in the console's 问答缺口 (a city editor at 1366×768); the editor 转为问答 with an answer,
 * 送审; a reviewer 审核通过 and 发布; the resident, asking the same question again, gets that answer.
 * Staff accounts are made with `npm run admin -- create-user`, as an operator does.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, desktop, launch, phone, screenshot, takeCspViolations } from './browser'
import { createStaff, signInToConsole } from './helpers/staff'

const PASSWORD = 'Taizhou#2026-wendaquekou'
const ACCOUNTS = {
  editor: { username: 'qa-gap-editor', role: 'editor', org: '331000', name: '问答编辑' },
  reviewer: { username: 'qa-gap-reviewer', role: 'reviewer', org: '331000', name: '问答审核' },
} as const
type Who = keyof typeof ACCOUNTS

/** no FAQ of the fixtures answers it */
const QUESTION = '家里养的猫咪能领宠物补贴吗'
const ANSWER = '本市目前没有针对家养宠物的补贴。犬只需按规定办理登记和免疫，猫咪鼓励到定点医院免疫。'
const SLOW = { timeout: 30_000 }

let browser: Browser
const pages = {} as Record<Who, Page>
let faqPath = ''

const signIn = (page: Page, who: Who) => signInToConsole(page, ACCOUNTS[who], PASSWORD)

async function waitForStatus(page: Page, status: string) {
  await page.getByRole('toolbar', { name: '审核发布' }).getByText(status, { exact: true }).first().waitFor(SLOW)
}

/** the resident's ask page in a fresh phone window (no answer kept from an earlier visit), the question asked */
async function ask(): Promise<Page> {
  const { page } = await phone(browser)
  await page.goto(`${BASE_URL}/packages/qa/pages/ask/index`)
  const input = page.locator('.qa__input:visible input').first()
  await input.waitFor(SLOW)
  await input.fill(QUESTION)
  await page.getByRole('button', { name: '提问' }).click()
  return page
}

before(async () => {
  browser = await launch()
  for (const who of Object.keys(ACCOUNTS) as Who[]) {
    const a = ACCOUNTS[who]
    await createStaff(a, PASSWORD)
    pages[who] = (await desktop(browser)).page
  }
})

after(async () => {
  for (const [who, page] of Object.entries(pages)) assert.deepEqual([...new Set(takeCspViolations(page))], [], `CSP violations in the ${who}'s window`)
  await browser?.close()
})

test('a question nobody can answer gets no confident answer in the app', async () => {
  const page = await ask()
  await page.getByText('没找到相关答案').or(page.locator('.qa__unsure:visible')).first().waitFor(SLOW)
  await screenshot(page, 'qa-gap-unanswered')
  await page.context().close()
})

test('searched in 一站搜索, it is logged too (issue 16)', async () => {
  const { page } = await phone(browser)
  await page.goto(`${BASE_URL}/packages/search/pages/results/index?q=${encodeURIComponent(QUESTION)}`)
  await page
    .locator('.search-page__group:visible')
    .or(page.getByText(`没有找到与“${QUESTION}”相关的内容`))
    .first()
    .waitFor(SLOW)
  assert.equal(await page.locator('[data-testid="search-answer"]:visible').count(), 0)
  await page.context().close()
})

test('it appears in 问答缺口 and the editor turns it into a FAQ draft, sent for review', async () => {
  const page = pages.editor
  await signIn(page, 'editor')
  await page.getByRole('menuitem', { name: '问答缺口' }).click()
  await page.waitForURL(/\/admin\/qa-gaps/)
  const row = page.locator('tr', { hasText: QUESTION }).first()
  await row.waitFor(SLOW)
  assert.match(await row.innerText(), /待处理/)
  // asked once in 智能问答 and searched once in 一站搜索: one group, both sources
  await row.getByText('问答 1').waitFor(SLOW)
  await row.getByText('搜索 1').waitFor(SLOW)
  await screenshot(page, 'console-qa-gaps')

  await row.getByRole('button', { name: '转为问答' }).click()
  const dialog = page.getByRole('dialog', { name: '转为问答' })
  assert.equal(await dialog.getByLabel('问题').inputValue(), QUESTION)
  await dialog.getByLabel(/回答/).fill(ANSWER)
  await dialog.getByLabel('主题').click()
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click()
  await dialog.getByRole('button', { name: '创建问答草稿' }).click()
  await page.getByRole('button', { name: '去编辑并送审' }).click()
  await page.waitForURL(/\/admin\/faqs\/[^/]+$/, SLOW)
  faqPath = new URL(page.url()).pathname
  await waitForStatus(page, '草稿')
  await page.getByRole('button', { name: '送审', exact: true }).click()
  await waitForStatus(page, '待审核')
})

test('a reviewer approves and publishes it', async () => {
  const page = pages.reviewer
  await signIn(page, 'reviewer')
  await page.goto(`${BASE_URL}${faqPath}`)
  await waitForStatus(page, '待审核')
  await page.getByRole('button', { name: '审核通过', exact: true }).click()
  await waitForStatus(page, '审核通过')
  await page.getByRole('button', { name: '发布', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '发布' })
  await dialog.getByRole('button', { name: '发布', exact: true }).click()
  await waitForStatus(page, '已发布')
})

test('the same question now gets that answer in the app, and the group shows the published FAQ', async () => {
  const page = await ask()
  const card = page.locator('.answer-card:visible').first()
  await card.waitFor(SLOW)
  assert.equal(await page.locator('.qa__unsure:visible').count(), 0, 'answered with confidence')
  assert.match(await card.innerText(), /本市目前没有针对家养宠物的补贴/)
  await screenshot(page, 'qa-gap-answered')
  await page.context().close()

  const desk = pages.editor
  await desk.goto(`${BASE_URL}/admin/qa-gaps?status=faq`)
  const row = desk.locator('tr', { hasText: QUESTION }).first()
  await row.waitFor(SLOW)
  assert.match(await row.innerText(), /已转为问答[\s\S]*已发布/)
})
