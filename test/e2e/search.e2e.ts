import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { axeProblems, fullScreenshot, overflowing, setScale, smallTargets } from './checks'

const session = phoneSession()

async function searchFor(text: string) {
  const page = session.page
  const input = page.locator('.search-page .search-bar__input:visible input').first()
  await input.fill(text)
  await page.locator('.search-page .search-bar__button:visible').first().click()
}

test('首页 search: 社保卡丢了 gets the 智能问答 answer on top, with its source, and opens it', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/`)
  await page.locator('.search-bar--link:visible').click()
  await page.waitForURL(/packages\/search\/pages\/results/)
  await searchFor('社保卡丢了')
  const answer = page.locator('[data-testid="search-answer"]:visible')
  await answer.waitFor()
  assert.match(await answer.innerText(), /社保卡丢了怎么挂失和补办/)
  // the matched words are emphasised spans of text
  assert.match(await answer.locator('.search-hl').first().innerText(), /社保卡/)
  await screenshot(page, 'search-answer')
  await answer.getByText('查看完整回答 ›').click()
  await page.waitForURL(/packages\/qa\/pages\/ask/)
  await page.locator('.answer-card:visible', { hasText: '12333' }).waitFor()
})

test('a query nothing is about leads to 问政策 and 向部门咨询, the question prefilled', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/packages/search/pages/results/index`)
  await searchFor('量子纠缠火星旅行')
  await page.getByText('没有找到与“量子纠缠火星旅行”相关的内容').waitFor()
  assert.ok(await page.getByRole('button', { name: '问政策' }).isVisible())
  await screenshot(page, 'search-empty')
  await page.getByRole('button', { name: '向部门咨询' }).click()
  await page.waitForURL(/packages\/qa\/pages\/consult/)
  await page.waitForFunction(() => [...document.querySelectorAll('textarea')].some((t) => t.value === '量子纠缠火星旅行'))
})

test('grouped results with 查看全部 read in 特大 text: no small targets, nothing off the side, axe clean', async () => {
  const page = session.page
  await setScale(page, 'elder')
  try {
    await page.goto(`${BASE_URL}/packages/search/pages/results/index?q=${encodeURIComponent('社保卡丢了怎么补办')}`)
    await page.locator('[data-testid="search-group-faq"]:visible').waitFor()
    await page.locator('[data-testid="search-answer"]:visible').waitFor()
    const problems = [...(await smallTargets(page, 60)), ...(await overflowing(page)), ...(await axeProblems(page))]
    assert.deepEqual(problems, [])
    await fullScreenshot(page, 'search-elder')
    await page.locator('[data-testid="search-group-faq"] .section__more:visible').click()
    await page.locator('.chip--on', { hasText: /^问答 \d+$/ }).waitFor()
    await page.locator('[data-testid="search-hit-faq"]:visible').first().waitFor()
  } finally {
    await setScale(page, 'normal')
  }
})
