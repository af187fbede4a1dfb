import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'

const session = phoneSession()

test('首页 shows featured interpretations, topics, latest policies and campaigns from the API', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/`)
  await page.getByText('精选解读').waitFor()
  await page.getByText('政策专题').waitFor()
  await page.getByText('最新政策').waitFor()
  for (const topic of ['医疗保障', '养老服务', '惠农补贴']) {
    assert.ok(await page.getByText(topic, { exact: true }).first().isVisible(), `topic ${topic} visible`)
  }
  // A policy card carries a 文号 like 台政办发〔2021〕28号.
  await page.locator('.policy-card__doc').first().waitFor()
  assert.match(await page.locator('.policy-card__doc').first().innerText(), /〔\d{4}〕\d+号/)
  await page.getByText('正在进行的知识竞赛').waitFor()
  await page.waitForLoadState('networkidle')
  await screenshot(page, 'home')
})

test('the policy library searches and opens a policy with its 文号 and validity', async () => {
  const page = session.page
  await page.getByRole('link', { name: '政策库 ›' }).click()
  await page.waitForURL(/packages\/policy\/pages\/list/)
  await page.getByText(/共 \d+ 条政策/).waitFor()
  const input = page.locator('.search-bar__input:visible input').first()
  await input.fill('台政办发〔2021〕28号')
  await page.getByRole('button', { name: '搜索' }).click()
  const count = page.getByText(/“台政办发〔2021〕28号”共 \d+ 条政策/)
  await count.waitFor()
  const total = Number((await count.innerText()).match(/共 (\d+) 条/)?.[1])
  assert.ok(total >= 1 && total < 14, `a narrowed result (${total})`)
  assert.equal(await page.locator('.policy-card:visible').count(), total)
  // the document itself, and any policy whose text cites it
  const first = page.locator('.policy-card:visible', { has: page.locator('.policy-card__doc', { hasText: '台政办发〔2021〕28号' }) })
  assert.match(await first.innerText(), /政务公开工作/)
  await screenshot(page, 'policy-list')

  await first.click()
  await page.waitForURL(/packages\/policy\/pages\/detail/)
  const facts = page.locator('.policy-detail__facts:visible')
  await facts.waitFor()
  assert.match(await facts.innerText(), /文号\s*台政办发〔2021〕28号/)
  assert.match(await facts.innerText(), /发布日期\s*2021年/)
  assert.match(await page.locator('.validity-banner:visible').innerText(), /有效/)
  await page.locator('.policy-text__heading:visible', { hasText: '主要任务' }).first().waitFor()
  await screenshot(page, 'policy-detail')
})

test('an unknown policy shows the error state with a retry button, not a blank page', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/packages/policy/pages/detail/index?id=p999`)
  await page.getByText('找不到该政策').waitFor()
  assert.ok(await page.getByRole('button', { name: '重新加载' }).isVisible())
})
