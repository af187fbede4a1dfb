import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { UNSURE_QUESTION } from '../support/qa-questions'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { pickFirst, pickRegion } from './taro'

const session = phoneSession()

/** Pixels of the chart's canvas that are not blank (transparent or white). */
async function inkedPixels(p: Page): Promise<number> {
  return p.evaluate(() => {
    const canvas = [...document.querySelectorAll('.chart canvas')].find((c) => (c as HTMLElement).offsetParent !== null) as HTMLCanvasElement | null
    if (!canvas) return -1
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let inked = 0
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]]
      if (a > 0 && !(r > 245 && g > 245 && b > 245)) inked++
    }
    return inked
  })
}

test('解读 tab → an interpretation whose chart is drawn, with its data table and FAQ', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/`)
  await page.locator('.taro-tabbar__tabbar:visible').getByText('解读', { exact: true }).click()
  await page.waitForURL(/pages\/interpretations/)
  const card = page.locator('.interp-card:not(.interp-card--compact)', { hasText: '基础养老金' }).first()
  await card.waitFor()
  assert.match(await card.innerText(), /图解/)
  await card.click()
  await page.waitForURL(/packages\/interpretation\/pages\/detail/)
  await page
    .getByRole('heading', { name: /基础养老金/ })
    .first()
    .waitFor()

  const chart = page.locator('.chart:visible').first()
  await chart.scrollIntoViewIfNeeded()
  await page.waitForFunction(() => !![...document.querySelectorAll('.chart canvas')].find((c) => (c as HTMLElement).offsetParent !== null))
  // ECharts animates the chart in: wait until it has drawn (a chart that never draws fails below)
  await page
    .waitForFunction(
      () => {
        const canvas = [...document.querySelectorAll('.chart canvas')].find((c) => (c as HTMLElement).offsetParent !== null) as HTMLCanvasElement | null
        if (!canvas) return false
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
        let inked = 0
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) inked++
        return inked > 2000
      },
      undefined,
      { timeout: 20000 },
    )
    .catch(() => undefined)
  const inked = await inkedPixels(page)
  assert.ok(inked > 2000, `chart canvas has drawn pixels (${inked})`)
  const { width, dpr } = await page.evaluate(() => ({
    width: ([...document.querySelectorAll('.chart canvas')].find((c) => (c as HTMLElement).offsetParent !== null) as HTMLCanvasElement).width,
    dpr: window.devicePixelRatio,
  }))
  const cssWidth = await chart.evaluate((el) => el.getBoundingClientRect().width)
  assert.equal(width, Math.round(cssWidth * dpr), 'canvas backed at the device pixel ratio')
  await screenshot(page, 'interpretation')

  await page.getByRole('button', { name: '查看数据' }).first().click()
  const table = page.getByRole('table').first()
  await table.waitFor()
  assert.match(await table.innerText(), /2025[\s\S]*320/)

  const faq = page.locator('.faq__q:visible').first()
  await faq.scrollIntoViewIfNeeded()
  await faq.click()
  await page.locator('.faq__a:visible').first().waitFor()
  assert.equal(await faq.getAttribute('aria-expanded'), 'true')
})

test('a resident asks a question with no answer, consults the department and sees it in 我的咨询', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByRole('button', { name: '居民' }).click()
  await page.getByText('退出登录').waitFor()

  await page.goto(`${BASE_URL}/packages/qa/pages/ask/index`)
  const input = page.locator('.qa__input:visible input').first()
  await input.fill('医保异地')
  await page.locator('.qa-suggest__item:visible').first().waitFor()
  assert.ok((await page.locator('.qa-suggest:visible .hl').count()) > 0, 'suggestions highlight the matched words')

  // a question the FAQs only brush: the answer is labelled 可能相关 under a note leading to the department
  await input.fill(UNSURE_QUESTION)
  await page.getByRole('button', { name: '提问' }).click()
  await page.locator('.qa__unsure:visible').waitFor()
  assert.match(await page.locator('.answer-card:visible').first().innerText(), /^可能相关/)
  await screenshot(page, 'qa-unsure')

  await input.fill('火星移民签证怎么办理')
  await page.getByRole('button', { name: '提问' }).click()
  await page.getByText('没找到相关答案').waitFor()
  await page.getByRole('button', { name: '向部门咨询' }).click()
  await page.waitForURL(/packages\/qa\/pages\/consult/)

  await pickFirst(page, '选择政策领域')
  await page.locator('.consult__textarea:visible textarea').fill('我想了解外地户籍老人在台州能不能申请高龄津贴，需要什么材料？')
  await pickRegion(page, '椒江', '椒江区')
  await page.locator('.consult__input:visible input').fill('13812345678')
  await screenshot(page, 'consult-form')
  await page.getByRole('button', { name: '提交咨询' }).click()
  await page.waitForURL(/packages\/qa\/pages\/mine/)
  const item = page.locator('.consultation:visible').first()
  await item.waitFor()
  const text = await item.innerText()
  assert.match(text, /待回复/)
  assert.match(text, /高龄津贴/)
  assert.match(text, /138\*\*\*\*5678/)
  assert.doesNotMatch(text, /13812345678/)
  await screenshot(page, 'my-consultations')
})
