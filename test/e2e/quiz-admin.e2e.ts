/**
 * Issue 15's 知识竞赛 in the console end to end, at 1366×768 against the real server: a 椒江区
 * editor (made with `npm run admin -- create-user`) creates a question bank, imports 5 questions
 * from a CSV file through 导入题目 (预检, then 导入), creates a campaign from that bank version that
 * runs now; a resident of 椒江区 answers it in the H5 app and gets a score; the bank now refuses
 * edits (409, 已锁定) while the campaign runs.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { pickRegion } from './taro'
import { BASE_URL, desktop, launch, phoneSession, screenshot } from './browser'
import { createStaff, signInToConsole } from './helpers/staff'

const PASSWORD = 'Taizhou#2026-tiku-jingsai'
const EDITOR = { username: 'jj-quiz-editor', role: 'editor', org: '331002', name: '椒江题库编辑' }
const BANK_NAME = '椒江区民生政策题库（端到端）'
const CAMPAIGN_TITLE = '椒江区民生政策知识竞赛（端到端）'
const SLOW = { timeout: 30_000 }
const CSV = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,解析,主题,政策编号',
  '单选,椒江区参保居民门诊报销比例是多少？,50%,60%,70%,80%,B,按椒江区政策执行。,医疗保障,',
  '多选,以下哪些可以办理医保转移？,线上办理,窗口办理,电话办理,邮寄办理,AB,线上和窗口均可。,医疗保障,',
  '单选,高龄津贴发放对象年满多少周岁？,70,80,90,100,B,年满80周岁。,养老服务,',
  '单选,灵活就业人员可以参加哪类保险？,职工养老保险,商业保险,都不能,仅工伤保险,A,可以参加职工养老保险。,就业创业,',
  '多选,创业补贴包括哪些？,一次性创业补贴,创业带动就业补贴,房租补贴,个税全免,ABC,个税不属于补贴。,就业创业,',
].join('\r\n')

let browser: Browser
let console_: Page
const resident = phoneSession()

async function pickOption(page: Page, text: string | RegExp) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first()
  await option.waitFor(SLOW)
  await option.click()
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Beijing wall-clock time as the console's pickers take it */
function beijing(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

before(async () => {
  browser = await launch()
  await createStaff(EDITOR, PASSWORD)
  console_ = (await desktop(browser, { timezoneId: 'Asia/Shanghai' })).page
})

after(async () => {
  await browser?.close()
})

let campaignId = ''
let token = ''

test('a 椒江区 editor imports 5 questions from a CSV and creates a running campaign from the bank', async () => {
  const page = console_
  await signInToConsole(page, EDITOR, PASSWORD)
  token = (await page.evaluate(() => sessionStorage.getItem('zct-admin-token'))) ?? ''
  assert.ok(token)

  // 竞赛题库 → 新建题库
  await page.getByRole('menuitem', { name: '竞赛题库' }).click()
  await page.getByRole('button', { name: /新建题库/ }).click()
  const dialog = page.getByRole('dialog', { name: '新建题库' })
  await dialog.getByLabel('题库名称').fill(BANK_NAME)
  await dialog.getByLabel('主题').click()
  await pickOption(page, '医疗保障')
  await dialog.getByRole('button', { name: /创\s*建/ }).click()
  await page.waitForURL(/\/admin\/question-banks\/qb/, SLOW)

  // 导入题目: the CSV file, 预检, 导入
  await page.getByRole('button', { name: /导入题目/ }).click()
  const importer = page.getByRole('dialog', { name: '导入题目' })
  await importer.locator('input[type=file]').setInputFiles({ name: '题目.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${CSV}\r\n`, 'utf8') })
  await importer.getByRole('button', { name: /预\s*检/ }).click()
  await importer.getByText('共 5 行，全部可以导入').waitFor(SLOW)
  await screenshot(page, 'console-question-bank-import')
  await importer.getByRole('button', { name: /导\s*入/ }).click()
  await page.getByText('已导入 5 题').waitFor(SLOW)
  await page.getByText('创业补贴包括哪些？').first().waitFor(SLOW)

  // 知识竞赛 → 新建竞赛 from this bank, running from a minute ago for a week
  await page.getByRole('menuitem', { name: '知识竞赛' }).click()
  await page.getByRole('button', { name: /新建竞赛/ }).click()
  await page.getByLabel('竞赛名称').fill(CAMPAIGN_TITLE)
  await page.getByLabel('活动规则').fill('每人每天可答 3 次，取最高分。')
  const range = page.locator('.ant-picker-range input')
  await range.first().click()
  await range.first().fill(beijing(Date.now() - 60_000))
  await range.first().press('Enter')
  await range.last().fill(beijing(Date.now() + 7 * 86400_000))
  await range.last().press('Enter')
  await page.getByRole('combobox', { name: '题库', exact: true }).click()
  await pickOption(page, BANK_NAME)
  await page.getByRole('combobox', { name: '题库版本' }).click()
  await pickOption(page, '第 1 版')
  await page.getByLabel('医疗保障题数').fill('2')
  await page.getByLabel('养老服务题数').fill('1')
  await page.getByLabel('就业创业题数').fill('2')
  await page.getByRole('button', { name: /创建竞赛/ }).click()
  await page.waitForURL(/\/admin\/campaigns\/c[0-9a-f]+\/edit/, SLOW)
  campaignId = /campaigns\/(c[0-9a-f]+)\/edit/.exec(page.url())![1]
  await page.getByText('进行中').first().waitFor(SLOW)
  await screenshot(page, 'console-campaign-form')
})

test('a resident of 椒江区 answers the campaign in the H5 app and gets a score', async () => {
  assert.ok(campaignId, 'the campaign was created')
  const page = resident.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByRole('button', { name: '居民' }).click()
  await page.getByText('退出登录').waitFor()
  await page.goto(`${BASE_URL}/packages/quiz/pages/detail/index?id=${campaignId}`)
  await page.getByText(CAMPAIGN_TITLE).first().waitFor(SLOW)
  // the region with the one RegionPicker: type 海门 and pick 椒江区 海门街道
  await pickRegion(page, '海门', '椒江区 · 海门街道')
  await page.getByRole('button', { name: '开始答题' }).click()
  await page.waitForURL(/packages\/quiz\/pages\/attempt/)
  const total = 5
  for (let i = 0; i < total; i++) {
    await page.getByText(`第 ${i + 1} 题 / 共 ${total} 题`).waitFor()
    await page.locator('.question__option:visible').first().click()
    if (i < total - 1) await page.getByRole('button', { name: '下一题' }).click()
  }
  await page.getByRole('button', { name: '交卷' }).first().click()
  await page.waitForURL(/packages\/quiz\/pages\/result/)
  const score = Number(await page.locator('.quiz-score__value:visible').innerText())
  assert.ok(score >= 0 && score <= 100)
  assert.equal(await page.locator('.review-item:visible').count(), total)
})

test('while the campaign runs, its bank refuses edits (409) and shows 已锁定', async () => {
  const page = console_
  await page.getByRole('menuitem', { name: '竞赛题库' }).click()
  const row = page.locator('tr', { hasText: BANK_NAME })
  await row.getByText('已锁定').waitFor(SLOW)
  await row.getByRole('link', { name: BANK_NAME }).click()
  await page.waitForURL(/\/admin\/question-banks\/qb/, SLOW)
  const bankId = /question-banks\/(qb[0-9a-f]+)/.exec(page.url())![1]
  const questions = (await (
    await fetch(`${BASE_URL}/api/v1/admin/question-banks/${bankId}/questions`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    items: { id: string; type: string; stem: string; options: { text: string }[]; answer: string[]; explanation: string; topic: string }[]
  }
  const q = questions.items[0]
  const res = await fetch(`${BASE_URL}/api/v1/admin/question-banks/${bankId}/questions/${q.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: q.type,
      stem: `${q.stem}（改）`,
      options: q.options.map((o) => o.text),
      answer: q.answer,
      explanation: q.explanation,
      topic: q.topic,
    }),
  })
  assert.equal(res.status, 409)
  assert.match(((await res.json()) as { error: { message: string } }).error.message, /已锁定/)
  await page.getByText('该版本正被竞赛使用或已用于往期竞赛，不能直接修改').waitFor(SLOW)
  await screenshot(page, 'console-question-bank-locked')
})
