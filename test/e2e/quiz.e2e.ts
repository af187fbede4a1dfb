/**
 * 知识竞赛 on H5 against the real server: open a campaign, answer every question, submit, see the
 * score and the review (right or wrong, the key withheld while the campaign runs), find yourself on
 * the leaderboard, then practise a wrong question from the 错题本. Screenshots: the question page (标准 and 特大) and the result.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page, Request } from 'playwright-core'
import { pickRegion } from './taro'
import { BASE_URL, phoneSession, screenshot } from './browser'

/** q001 in mock/fixtures/campaigns.ts: running, 10 questions an attempt */
const FIXTURE_CAMPAIGN = '2026年台州市民生政策知识竞赛'

const session = phoneSession()

async function setScale(page: Page, scale: 'normal' | 'elder') {
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByRole('radio', { name: scale === 'elder' ? '特大（长辈模式）' : '标准' }).click()
}

test('a resident answers a campaign, sees score and review, finds themselves on the board and re-practises a mistake', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByRole('button', { name: '居民' }).click()
  await page.getByText('退出登录').waitFor()

  // the 答题 tab → the campaign
  await page.goto(`${BASE_URL}/pages/quiz/index`)
  // the fixtures' 10-question campaign by name: the console's e2e may have created another running one
  const card = page.locator('.campaign-card:visible', { hasText: FIXTURE_CAMPAIGN }).first()
  await card.waitFor()
  const title = (await card.locator('.campaign-card__title').innerText()).trim()
  // the campaign page (city-wide) names no county: no region list is loaded until the picker opens
  const regionLists: string[] = []
  const onRequest = (r: Request) => {
    if (/\/api\/v1\/regions(\/children|\/search|\?|$)/.test(r.url())) regionLists.push(r.url())
  }
  page.on('request', onRequest)
  await card.click()
  await page.waitForURL(/packages\/quiz\/pages\/detail/)
  await page.getByText('竞赛规则').waitFor()
  await page.locator('[data-testid="region-picker"]:visible').first().waitFor()
  page.off('request', onRequest)
  assert.deepEqual(regionLists, [])

  // the region with the one RegionPicker: type 海门 and pick 椒江区 海门街道
  await pickRegion(page, '海门', '椒江区 · 海门街道')
  await screenshot(page, 'quiz-detail')
  await page.getByRole('button', { name: '开始答题' }).click()
  await page.waitForURL(/packages\/quiz\/pages\/attempt/)

  // answer every question: the first option (a judge question's 正确)
  const total = 10
  for (let i = 0; i < total; i++) {
    await page.getByText(`第 ${i + 1} 题 / 共 ${total} 题`).waitFor()
    const option = page.locator('.question__option:visible').first()
    await option.click()
    assert.equal(await option.getAttribute('aria-checked'), 'true')
    if (i === 0) {
      await page
        .getByText(/^(单选题|多选题|判断题)$/)
        .first()
        .waitFor()
      await screenshot(page, 'quiz-question')
    }
    if (i < total - 1) await page.getByRole('button', { name: '下一题' }).click()
  }
  await page.getByText(`进度 ${total}/${total}`).waitFor()
  assert.equal(await page.getByRole('button', { name: /^第\d+题，已答$/ }).count(), total)
  await page.getByRole('button', { name: '交卷' }).first().click()

  // the result: score, review, rank
  await page.waitForURL(/packages\/quiz\/pages\/result/)
  const scoreText = await page.locator('.quiz-score__value:visible').innerText()
  const score = Number(scoreText)
  assert.ok(score >= 0 && score <= 100)
  // the campaign runs: right or wrong per question, never the key (keys and explanations after its end)
  await page.getByText('答题情况').waitFor()
  assert.equal(await page.locator('.review-item:visible').count(), total)
  assert.equal(await page.getByText(/^你的答案：/).count(), total)
  assert.equal(await page.getByText(/^(正确答案|解析)：/).count(), 0)
  await page.getByText(/^竞赛结束后公布正确答案和解析（\d+月\d+日 \d\d:\d\d 后）$/).waitFor()
  await page.getByRole('button', { name: '成绩卡片' }).click()
  const image = page.locator('[aria-label="成绩卡片图片"]:visible')
  await image.waitFor()
  assert.match((await image.locator('img').getAttribute('src')) ?? '', /^data:image\/png;base64,/)
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'quiz-result')

  // the board: find myself
  await page.getByRole('button', { name: '查看排行榜' }).click()
  await page.waitForURL(/packages\/quiz\/pages\/leaderboard/)
  await page.getByText('我的排名').waitFor()
  const mine = page.locator('.board-row--mine:visible')
  assert.match(await mine.innerText(), new RegExp(`测试居民[\\s\\S]*${score}分`))
  assert.ok((await page.locator('.board-row--me:visible').count()) >= 1, 'my row is marked in the top 100')
  await page.getByRole('button', { name: '县市区' }).click()
  await page.getByText('我所在的地区').waitFor()
  await page.locator('canvas:visible').first().waitFor()
  assert.match(await page.locator('.board-row--mine:visible').innerText(), /椒江区/)
  await screenshot(page, 'quiz-leaderboard-county')

  // the 错题本: practise a wrong question (with 10 first options, some are wrong). The campaign's stay
  // locked until it ends, so first miss one of practice's own questions (first options until one is wrong)
  assert.ok(score < 100, `a first-option run should miss some questions of ${title}`)
  await page.goto(`${BASE_URL}/packages/quiz/pages/practice/index`)
  for (let i = 0; ; i++) {
    assert.ok(i < 25, 'a first-option run of practice should miss a question')
    await page.locator('.question__option:visible').first().click()
    await page.getByRole('button', { name: '确定' }).click()
    const verdict = page.getByText(/^(回答正确|回答错误)$/)
    await verdict.waitFor()
    if ((await verdict.innerText()) === '回答错误') break
    await page.getByRole('button', { name: /^(下一题|完成)$/ }).click()
    if (await page.getByRole('button', { name: '再练一组' }).isVisible()) await page.getByRole('button', { name: '再练一组' }).click()
  }
  await page.goto(`${BASE_URL}/packages/quiz/pages/mistakes/index`)
  await page.getByText(/共 \d+ 道错题/).waitFor()
  await screenshot(page, 'quiz-mistakes')
  await page.getByRole('button', { name: '全部重练' }).click()
  await page.waitForURL(/packages\/quiz\/pages\/practice/)
  await page.getByText('错题重练 · 连续答对两次即移出错题本').waitFor()
  await page.locator('.question__option:visible').first().click()
  await page.getByRole('button', { name: '确定' }).click()
  await page.getByText(/^(回答正确|回答错误)$/).waitFor()
  await page.getByText(/^解析：/).waitFor()
  await page.getByText(/^正确答案：/).waitFor()
  await screenshot(page, 'quiz-practice-mistake')
})

test('the question page in 特大 (长辈模式) text', async () => {
  const page = session.page
  await setScale(page, 'elder')
  try {
    await page.goto(`${BASE_URL}/pages/quiz/index`)
    await page.locator('.campaign-card:visible', { hasText: FIXTURE_CAMPAIGN }).first().click()
    await page.waitForURL(/packages\/quiz\/pages\/detail/)
    // the region saved by the first attempt is filled in
    await page.locator('[aria-label^="所在地区：椒江区 · 海门街道"]:visible').waitFor()
    const start = page.getByRole('button', { name: /开始答题|继续答题/ })
    await start.click()
    await page.waitForURL(/packages\/quiz\/pages\/attempt/)
    await page.getByText(/第 1 题 \/ 共 10 题/).waitFor()
    const size = await page.locator('.question__stem:visible').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok(size >= 20, `stem text ${size}px in elder mode`)
    await screenshot(page, 'quiz-question-elder')
  } finally {
    await setScale(page, 'normal')
  }
})
