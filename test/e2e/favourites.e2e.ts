/**
 * Issue 17's 收藏 end to end on the H5 app (375×812): a signed-in resident favourites a policy (on
 * its page) and a video (on its play page), finds both in 我的收藏, removes the video; the list and
 * the policy page are looked at in normal and 特大 text, where every tap target is ≥ 60 px.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, launch, phone } from './browser'
import { fullScreenshot, setScale, smallTargets } from './checks'

const SLOW = { timeout: 30_000 }
let browser: Browser

before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

async function signInResident(page: Page, name: string): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'resident', name }),
  })
  assert.ok(res.ok)
  const session = (await res.json()) as { token: string }
  await page.evaluate((s) => localStorage.setItem('zct-session', JSON.stringify({ data: JSON.stringify({ state: s, version: 0 }) })), session)
  return session.token
}

const visible = (page: Page) => page.locator('.taro_page:visible')

async function favouriteHere(page: Page) {
  await visible(page).getByRole('button', { name: '☆ 收藏' }).click()
  await visible(page).getByRole('button', { name: '★ 已收藏' }).waitFor(SLOW)
}

test('a resident favourites a policy and a video, finds both in 我的收藏 and removes one', async () => {
  const { page } = await phone(browser)
  await page.goto(`${BASE_URL}/`)
  const token = await signInResident(page, '爱收藏的居民')

  await page.goto(`${BASE_URL}/packages/policy/pages/detail/index?id=p001`)
  await page.locator('.policy-detail__facts:visible').waitFor(SLOW)
  const policyTitle = (await visible(page).getByRole('heading', { level: 1 }).innerText()).trim()
  await favouriteHere(page)
  await fullScreenshot(page, 'favourites-policy-detail')

  await page.goto(`${BASE_URL}/packages/video/pages/play/index?id=v001`)
  const videoTitle = (await page.locator('.video-play__title:visible').innerText()).trim()
  await favouriteHere(page)
  // the video links back to its policy
  await visible(page)
    .getByRole('link', { name: /^相关政策：《/ })
    .waitFor()
  await fullScreenshot(page, 'favourites-video-play')

  // 我的 → 我的收藏
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByText('我的收藏', { exact: true }).click()
  const list = visible(page)
  await list.getByRole('link').filter({ hasText: videoTitle }).waitFor(SLOW)
  await list.getByRole('link').filter({ hasText: policyTitle }).waitFor(SLOW)
  await fullScreenshot(page, 'favourites-list')

  await list.getByRole('button', { name: `取消收藏：${videoTitle}` }).click()
  await list
    .getByRole('link')
    .filter({ hasText: videoTitle })
    .waitFor({ state: 'detached', ...SLOW })
  await list.getByRole('link').filter({ hasText: policyTitle }).waitFor()
  const res = await fetch(`${BASE_URL}/api/v1/favourites`, { headers: { authorization: `Bearer ${token}` } })
  const left = (await res.json()) as { items: { kind: string; id: string }[] }
  assert.deepEqual(
    left.items.map((f) => `${f.kind}:${f.id}`),
    ['policy:p001'],
  )

  // 特大: the same pages, every tap target ≥ 60 px
  await setScale(page, 'elder')
  await page.goto(`${BASE_URL}/packages/favourites/pages/list/index`)
  await visible(page).getByRole('link').filter({ hasText: policyTitle }).waitFor(SLOW)
  assert.deepEqual(await smallTargets(page, 60), [])
  await fullScreenshot(page, 'favourites-list-elder')
  await page.goto(`${BASE_URL}/packages/policy/pages/detail/index?id=p001`)
  await visible(page).getByRole('button', { name: '★ 已收藏' }).waitFor(SLOW)
  assert.deepEqual(await smallTargets(page, 60), [])
  await fullScreenshot(page, 'favourites-policy-detail-elder')
  await setScale(page, 'normal')
})
