import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'

const session = phoneSession()

test('视频 tab → the feed: the first video plays with a caption; swiping up plays the next and pauses the first', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/videos/index`)
  const card = page.locator('.video-card:visible').first()
  await card.waitFor()
  await card.click()
  await page.waitForURL(/packages\/video\/pages\/feed/)
  await page
    .getByText(/第 1\/\d+ 条/)
    .first()
    .waitFor()
  const videoAt = (i: number) =>
    page.evaluate((n) => {
      const v = document.querySelector(`.feed__stage[data-index="${n}"] video`) as HTMLVideoElement | null
      return v ? { time: v.currentTime, paused: v.paused } : null
    }, i)
  await page.waitForFunction(
    () => {
      const v = document.querySelector('.feed__stage[data-index="0"] video') as HTMLVideoElement | null
      return !!v && v.currentTime > 0.2
    },
    undefined,
    { timeout: 45000 }, // a loaded CI machine decodes slowly: playing at all is what counts
  )
  await page.locator('.caption-overlay:visible').first().waitFor()
  assert.ok(((await page.locator('.caption-overlay:visible').first().innerText()) ?? '').trim().length > 0)
  await screenshot(page, 'video-feed')

  // swipe up
  const box = (await page.locator('.feed__swiper').boundingBox())!
  const x = box.x + box.width / 2
  const swipeUp = async () => {
    await page.mouse.move(x, box.y + box.height * 0.7)
    await page.mouse.down()
    await page.mouse.move(x, box.y + box.height * 0.45, { steps: 5 })
    await page.mouse.move(x, box.y + box.height * 0.2, { steps: 5 })
    await page.mouse.up()
  }
  // where the playing stage stands: the next one stands there once the feed has moved on
  const stageTop = await page.evaluate(() => document.querySelector('.feed__stage[data-index="0"]')!.getBoundingClientRect().top)
  await swipeUp()
  // on a starved CI machine the synthetic gesture is sometimes read as a tap (the base build too):
  // a resident would swipe again, and so does the test, once, if the feed has not moved on
  const moved = await page
    .waitForFunction(
      (top) => {
        const stage = document.querySelector('.feed__stage[data-index="1"]')
        return !!stage && Math.abs(stage.getBoundingClientRect().top - top) < 4
      },
      stageTop,
      { timeout: 8000 },
    )
    .then(() => true)
    .catch(() => false)
  const stillFirst = await page.evaluate(
    (top) => Math.abs(document.querySelector('.feed__stage[data-index="0"]')!.getBoundingClientRect().top - top) < 4,
    stageTop,
  )
  if (!moved && stillFirst) await swipeUp()
  await page.waitForFunction(
    () => {
      const v = document.querySelector('.feed__stage[data-index="1"] video') as HTMLVideoElement | null
      return !!v && v.currentTime > 0.2 && !v.paused
    },
    undefined,
    { timeout: 45000 },
  )
  const first = await videoAt(0)
  assert.ok(first?.paused, 'the first video paused after the swipe')
})

for (const which of ['4th', 'last'] as const) {
  test(`视频 tab → the ${which} card: the feed opens on that video and plays it`, async () => {
    const page = session.page
    const errors: string[] = []
    const onError = (e: Error) => errors.push(e.message)
    page.on('pageerror', onError)
    await page.goto(`${BASE_URL}/pages/videos/index`)
    const cards = page.locator('.video-card:visible')
    await cards.nth(3).waitFor()
    const card = which === '4th' ? cards.nth(3) : cards.last()
    const title = (await card.locator('.video-card__title').innerText()).trim()
    await card.click()
    await page.waitForURL(/packages\/video\/pages\/feed/)
    const stage = page.locator('.feed__stage', { has: page.locator('.feed__title', { hasText: title }) })
    await stage.waitFor()
    const index = Number(await stage.getAttribute('data-index'))
    if (which === '4th') assert.equal(index, 3)
    // its own player plays: the time moves on (a loaded CI machine decodes slowly)
    await page.waitForFunction(
      (n) => {
        const v = document.querySelector(`.feed__stage[data-index="${n}"] video`) as HTMLVideoElement | null
        return !!v && !v.paused && v.currentTime > 0.2
      },
      index,
      { timeout: 45000 },
    )
    // and no other player does
    const others = await page.evaluate(
      (n) =>
        [...document.querySelectorAll<HTMLVideoElement>('.feed__stage video')].filter(
          (v) => !v.paused && v.closest('.feed__stage')?.getAttribute('data-index') !== String(n),
        ).length,
      index,
    )
    assert.equal(others, 0)
    page.off('pageerror', onError)
    assert.deepEqual(
      errors.filter((m) => /reading '(play|pause)'/.test(m)),
      [],
    )
    await screenshot(page, `video-feed-${which}`)
  })
}

test('the player page: a video plays with a caption, speed and transcript', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/packages/video/pages/play/index?id=v001`)
  const video = page.locator('.video-play__video:visible video')
  await video.waitFor({ state: 'attached' })
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true
    await v.play()
  })
  await page.waitForFunction(
    () => {
      const v = [...document.querySelectorAll('.video-play__video video')].find((x) => (x as HTMLElement).offsetParent !== null) as HTMLVideoElement | undefined
      return !!v && v.currentTime > 0.2
    },
    undefined,
    { timeout: 45000 },
  )
  await page.locator('.caption-overlay:visible').waitFor()
  await screenshot(page, 'video-play')
})

test('a course lesson: seek, leave, come back, and it resumes at the saved position', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByRole('button', { name: '居民' }).click()
  await page.getByText('退出登录').waitFor()
  await page.goto(`${BASE_URL}/packages/course/pages/list/index`)
  await page.locator('.course-card:visible').first().click()
  await page.waitForURL(/packages\/course\/pages\/detail/)
  await page.locator('.lesson-row:visible').first().click()
  await page.waitForURL(/packages\/course\/pages\/lesson/)
  const lessonVideo = () => page.locator('.lesson__video:visible video')
  await lessonVideo().waitFor({ state: 'attached' })
  // the pause saves the position at once: wait for that save, not for a while
  const saved = page.waitForResponse((r) => {
    if (r.request().method() !== 'PUT' || !/\/api\/v1\/courses\/[^/]+\/progress$/.test(new URL(r.url()).pathname)) return false
    return (JSON.parse(r.request().postData() ?? '{}') as { positionSec?: number }).positionSec! >= 17
  })
  saved.catch(() => undefined) // awaited below; not an unhandled rejection if the test fails first
  await lessonVideo().evaluate(async (v: HTMLVideoElement) => {
    // (no named helper in here: tsx would wrap it in a __name the page does not have)
    v.muted = true
    await v.play()
    await new Promise((r) => v.addEventListener('timeupdate', r, { once: true }))
    v.currentTime = 17
    await new Promise((r) => v.addEventListener('seeked', r, { once: true }))
    // the page has seen the new position (its onTimeUpdate) before the pause
    await new Promise((r) => v.addEventListener('timeupdate', r, { once: true }))
    v.pause()
  })
  assert.ok((await saved).ok())
  await page.goBack()
  await page.waitForURL(/packages\/course\/pages\/detail/)
  await page.getByText(/学到 0:1[7-9]/).waitFor()
  await page.locator('.lesson-row:visible').first().click()
  await page.waitForURL(/packages\/course\/pages\/lesson/)
  await page.getByText(/已从上次的 0:1[7-9] 处继续播放/).waitFor()
  await lessonVideo().evaluate(async (v: HTMLVideoElement) => {
    v.muted = true
    await v.play().catch(() => undefined)
  })
  await page.waitForFunction(
    () => {
      const v = [...document.querySelectorAll('.lesson__video video')].find((x) => (x as HTMLElement).offsetParent !== null) as HTMLVideoElement | undefined
      return !!v && v.currentTime >= 16.5
    },
    undefined,
    { timeout: 30000 },
  )
  await screenshot(page, 'lesson-resumed')
})
