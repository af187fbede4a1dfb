/**
 * 适老化 and accessibility on H5: every main page at 标准 and at 特大（长辈模式）— axe-core finds
 * no serious or critical violation, nothing clips sideways, every tap target is at least 44
 * (60 in elder mode) CSS px, and body text is at least 18 px in elder mode. Screenshots of each
 * page at both sizes land in test/e2e/screenshots/ (a11y-<page>-<scale>.png).
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { BASE_URL, phoneSession, SCREENSHOT_DIR, screenshot } from './browser'
import { axeProblems, bodyFontPx, fullScreenshot, overflowing, setScale, smallTargets, splitNumbers, tabLabelPx } from './checks'

const session = phoneSession()

interface PageCase {
  name: string
  /** a path, or one made with the signed-in user's token (a quiz attempt started through the API) */
  path: string | ((token: string) => Promise<string>)
  /** what shows the page has loaded */
  ready: (p: Page) => Promise<unknown>
  signedIn?: boolean
  /** a full-screen page (the video feed): the screen as it is, not grown to the content */
  screenOnly?: boolean
  /** device state for the page (e.g. bound as a 便民服务点), undone after it */
  storage?: Record<string, unknown>
}

const pages: PageCase[] = [
  { name: 'home', path: '/', ready: (p) => p.getByText('最新政策').waitFor() },
  {
    name: 'service-point-home',
    path: '/',
    storage: {
      'zct-service-point': {
        state: {
          point: {
            villageCode: '331002003201',
            villageName: '星光村',
            place: '椒江区 · 葭沚街道 · 星光村',
            staffName: '服务点小陈',
            boundAt: '2026-11-28T08:00:00Z',
          },
          idleSeconds: 0,
        },
        version: 0,
      },
    },
    ready: (p) => p.getByText('星光村便民服务点').waitFor(),
  },
  {
    name: 'interpretation',
    path: '/packages/interpretation/pages/detail/index?id=i001',
    ready: (p) => p.locator('.interp-detail:visible .key-figures').first().waitFor(),
  },
  // the 图解 with a chart of years and a table of sums (issue 17: years ran together, 27800 split)
  {
    name: 'interpretation-chart',
    path: '/packages/interpretation/pages/detail/index?id=i002',
    ready: (p) => p.locator('.interp-detail:visible .chart-block canvas').first().waitFor(),
  },
  { name: 'interpretations-tab', path: '/pages/interpretations/index', ready: (p) => p.locator('.chip:visible').nth(1).waitFor() },
  { name: 'videos-tab', path: '/pages/videos/index', ready: (p) => p.locator('.video-card:visible').first().waitFor() },
  { name: 'quiz-tab', path: '/pages/quiz/index', ready: (p) => p.locator('.quiz-entry:visible').first().waitFor() },
  { name: 'poster', path: '/packages/interpretation/pages/poster/index?id=i002', ready: (p) => p.locator('.poster__img:visible img').waitFor() },
  {
    name: 'video-feed',
    screenOnly: true,
    path: '/packages/video/pages/feed/index?id=v001',
    ready: (p) => p.getByRole('button', { name: '下一个视频' }).first().waitFor(),
  },
  {
    name: 'qa',
    path: '/packages/qa/pages/ask/index?q=' + encodeURIComponent('养老金多少钱'),
    ready: (p) => p.locator('.answer-card:visible').first().waitFor(),
  },
  { name: 'consult', path: '/packages/qa/pages/consult/index', signedIn: true, ready: (p) => p.getByRole('button', { name: '提交咨询' }).waitFor() },
  { name: 'policy', path: '/packages/policy/pages/detail/index?id=p001', ready: (p) => p.locator('.policy-detail__facts:visible').waitFor() },
  {
    name: 'favourites',
    // 我的收藏 with a policy and a video kept (PUT twice is one favourite: the second scale's run adds nothing)
    path: async (token) => {
      for (const item of ['policy/p001', 'video/v001']) {
        const r = await fetch(`${BASE_URL}/api/v1/favourites/${item}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` } })
        assert.ok(r.ok, `PUT /favourites/${item}: ${r.status}`)
      }
      return '/packages/favourites/pages/list/index'
    },
    signedIn: true,
    ready: (p) =>
      p
        .getByRole('button', { name: /^取消收藏：/ })
        .first()
        .waitFor(),
  },
  { name: 'video-play', path: '/packages/video/pages/play/index?id=v001', ready: (p) => p.getByRole('link', { name: /^相关政策：《/ }).waitFor() },
  { name: 'mine', path: '/pages/mine/index', ready: (p) => p.getByRole('radiogroup', { name: '字体大小' }).waitFor() },
  {
    name: 'quiz-question',
    signedIn: true,
    path: async (token) => {
      const r = await fetch(`${BASE_URL}/api/v1/campaigns/q001/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ regionCode: '331002001' }),
      })
      const attempt = (await r.json()) as { id: string }
      return `/packages/quiz/pages/attempt/index?id=${attempt.id}`
    },
    ready: (p) => p.locator('.quiz-actions:visible').first().waitFor(),
  },
  {
    name: 'lecture-order',
    signedIn: true,
    path: '/packages/lecture/pages/order/index?topic=lt01',
    ready: (p) => p.locator('.taro_page:not([style*="display: none"]) taro-button-core').first().waitFor(),
  },
]

/**
 * Violations found on pages another issue owns, reported to it rather than fixed here; printed,
 * not failed, while they last.
 */
const REPORTED: { page: string; rule: string; owner: string }[] = [
  // the campaign card's aria-label is its title alone, while it shows status, timing and count too
  { page: 'quiz-tab', rule: 'label-content-name-mismatch', owner: 'issue 17 (campaign card; its tests find it by title)' },
]

async function signIn(page: Page): Promise<string> {
  const r = await page.request.post(`${BASE_URL}/api/v1/auth/dev`, { data: { role: 'resident', name: '王阿姨' } })
  const session = (await r.json()) as { token: string }
  await page.evaluate((s) => localStorage.setItem('zct-session', JSON.stringify({ data: JSON.stringify({ state: s, version: 0 }) })), session)
  return session.token
}

for (const scale of ['normal', 'elder'] as const) {
  test(`${scale === 'elder' ? '特大（长辈模式）' : '标准'}: no serious axe violations, no clipping, tap targets ≥ ${scale === 'elder' ? 60 : 44}`, async () => {
    const page = session.page
    await setScale(page, scale)
    const problems: string[] = []
    for (const c of pages) {
      const token = c.signedIn ? await signIn(page) : ''
      if (c.storage) {
        await page.evaluate((entries) => {
          for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, JSON.stringify({ data: JSON.stringify(v) }))
        }, c.storage)
      }
      await page.goto(`${BASE_URL}${typeof c.path === 'string' ? c.path : await c.path(token)}`)
      await c.ready(page)
      await page.waitForLoadState('networkidle')
      if (c.screenOnly) await screenshot(page, `a11y-${c.name}-${scale}`)
      else await fullScreenshot(page, `a11y-${c.name}-${scale}`)
      const html = await page.evaluate(() => document.documentElement.dataset.textScale)
      assert.equal(html, scale, `${c.name}: <html> carries the scale`)
      if (scale === 'elder') {
        const fs = await bodyFontPx(page)
        assert.ok(fs >= 18, `${c.name}: body text ${fs}px ≥ 18`)
      }
      for (const p of await axeProblems(page)) {
        const known = REPORTED.find((r) => r.page === c.name && p.startsWith(`${r.rule} `))
        if (known) console.warn(`reported to ${known.owner}: ${c.name} ${p}`)
        else problems.push(`${c.name}: axe ${p}`)
      }
      for (const p of await smallTargets(page, scale === 'elder' ? 60 : 44)) problems.push(`${c.name}: small target ${p}`)
      for (const p of await overflowing(page)) problems.push(`${c.name}: overflows ${p}`)
      for (const p of await splitNumbers(page)) problems.push(`${c.name}: number split across lines ${p}`)
      const tabPx = await tabLabelPx(page)
      if (tabPx !== undefined && tabPx < (scale === 'elder' ? 18 : 12)) problems.push(`${c.name}: tab bar labels ${tabPx}px`)
      if (c.storage) await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), Object.keys(c.storage))
    }
    assert.deepEqual(problems, [])
  })
}

test('明白卡: the poster of an interpretation is drawn with its title and QR code, ready to download; 朗读 highlights the block being read', async () => {
  const page = session.page
  await setScale(page, 'normal')
  // headless Chromium has no voices and ends every utterance at once: a speech synthesis that
  // records what it is asked to say and speaks until cancelled
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = []
    ;(window as unknown as { __spoken: unknown }).__spoken = spoken
    const synth = window.speechSynthesis as unknown as Record<string, unknown>
    synth.speak = (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang })
    synth.cancel = () => undefined
    // headless Chromium has no voices (the app would say 本机没有可用的中文语音): one to speak with
    synth.getVoices = () => [{ lang: 'en-US', name: 'stub' }]
  })
  await page.goto(`${BASE_URL}/packages/interpretation/pages/detail/index?id=i001`)
  await page.locator('.interp-detail:visible .key-figures').first().waitFor()
  // H5 speaks with the browser's speech synthesis: the first block read is highlighted at once
  const read = page.getByRole('button', { name: '▶ 朗读全文' })
  await read.click()
  await page.locator('.interp-detail:visible .block--reading').first().waitFor()
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken)
  assert.deepEqual(spoken, [{ text: '一图读懂：2021年台州市政务公开工作实施意见', lang: 'zh-CN' }])
  assert.match(await page.locator('.interp-detail:visible .block--reading').first().innerText(), /一图读懂/)
  await page.getByRole('button', { name: '■ 停止朗读' }).click()
  await page.locator('.interp-detail:visible .block--reading').first().waitFor({ state: 'detached' })

  await page.getByRole('button', { name: '生成明白卡海报' }).click()
  await page.waitForURL(/packages\/interpretation\/pages\/poster/)
  const img = page.locator('.poster__img:visible img')
  await img.waitFor()
  const size = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight, src: el.src.slice(0, 22) }))
  assert.deepEqual(size, { w: 1200, h: 1760, src: 'data:image/png;base64,' })
  // the whole poster shows, not a crop of it
  const shown = await img.evaluate((el) => el.getBoundingClientRect())
  assert.ok(Math.abs(shown.height / shown.width - 1760 / 1200) < 0.02, `poster shown whole (${Math.round(shown.width)}×${Math.round(shown.height)})`)
  const png = await img.evaluate((el: HTMLImageElement) => el.src.split(',')[1])
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  writeFileSync(path.join(SCREENSHOT_DIR, 'poster-image.png'), Buffer.from(png, 'base64'))
  assert.equal(await page.getByRole('button', { name: '下载图片' }).getAttribute('aria-disabled'), null)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载图片' }).click()
  assert.equal((await download).suggestedFilename(), '政策明白卡-i001.png')
  await screenshot(page, 'poster')
  assert.deepEqual(await axeProblems(page), [])
})
