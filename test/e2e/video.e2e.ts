import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, launch, phone, screenshot } from './browser'

let browser: Browser
let page: Page

before(async () => {
  browser = await launch()
  page = (await phone(browser)).page
})

after(async () => {
  await browser?.close()
})

test('视频 tab → a video plays (its time advances) with a caption drawn over it', async () => {
  await page.goto(`${BASE_URL}/pages/videos/index`)
  const card = page.locator('.video-card:visible').first()
  await card.waitFor()
  await card.click()
  await page.waitForURL(/packages\/video\/pages\/play/)
  const video = page.locator('.video-play__video:visible video')
  await video.waitFor({ state: 'attached' })
  // autoplay needs muted in Chromium without a user gesture on the page
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true
    await v.play()
  })
  await page.waitForFunction(() => {
    const v = [...document.querySelectorAll('.video-play__video video')].find((x) => (x as HTMLElement).offsetParent !== null) as HTMLVideoElement | undefined
    return !!v && v.currentTime > 1
  }, undefined, { timeout: 15000 })
  const caption = page.locator('.caption-overlay:visible')
  await caption.waitFor()
  assert.ok((await caption.innerText()).trim().length > 0)
  await screenshot(page, 'video-play')
})
