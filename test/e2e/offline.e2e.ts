/**
 * Weak and no network in the browser: a question asked offline waits in 待发送 with the offline
 * banner showing, goes out by itself when the network is back, and is stored exactly once; pages
 * read before keep showing offline (stale-while-revalidate cache). The installable H5 app: its
 * manifest, and its service worker (scripts/build-sw.mjs), which lets a reload offline open the app
 * with what it read, opens a page never opened before, and answers what it can't serve in Chinese.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { pickRegion } from './taro'

// the only spec whose browser runs the H5 service worker (browser.ts blocks it elsewhere)
const session = phoneSession({ serviceWorkers: 'allow' })
const QUESTION = '断网时提交：我父亲七十五岁，在路桥区，高龄津贴每月能领多少？'
const QUESTION_AFTER_RELOAD = '断网重新打开后提交：我母亲八十岁，在椒江区，高龄津贴怎么申请？'

test('offline: the question waits in 待发送 under the offline banner, goes out once when the network is back', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.getByRole('button', { name: '居民' }).click()
  await page.getByText('退出登录').waitFor()
  const token = await page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('zct-session') as string).data).state.token as string)

  // in-app navigation from here on: H5 loads each page's code on first visit, which needs the network
  const go = (path: string) =>
    page.evaluate((p) => {
      history.pushState({}, '', p)
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }))
    }, path)

  // read while online: the policy is kept for offline reading
  await go('/packages/policy/pages/detail/index?id=p001')
  await page.locator('.policy-detail__facts:visible').waitFor()

  await go(`/packages/qa/pages/consult/index?topic=yanglao&q=${encodeURIComponent(QUESTION)}`)
  await pickRegion(page, '椒江', '椒江区')
  await page.context().setOffline(true)
  await page.getByRole('button', { name: '提交咨询' }).click()
  // saved, not an error: the form clears for the next question
  await page.getByRole('status').filter({ hasText: '已保存，联网后自动发送' }).waitFor()
  const banner = page.locator('.offline-banner:visible')
  await banner.waitFor()
  assert.match(await banner.innerText(), /网络已断开/)
  assert.match(await banner.innerText(), /1 项操作待发送/)
  await screenshot(page, 'offline-consult')

  // still offline: 我的 lists it; the policy read before opens from the cache
  await go('/pages/mine/index')
  const pending = page.getByRole('region', { name: '待发送' })
  await pending.waitFor()
  assert.match(await pending.innerText(), /待发送（1）/)
  assert.match(await pending.innerText(), /咨询：断网时提交/)
  await screenshot(page, 'offline-pending')
  await go('/packages/policy/pages/detail/index?id=p001')
  await page.locator('.policy-detail__facts:visible').waitFor()
  assert.match(await page.locator('.policy-detail__facts:visible').innerText(), /文号/)
  await page.locator('.offline-banner:visible').first().waitFor()

  // back online: it goes out by itself, once
  await page.context().setOffline(false)
  await page.locator('.offline-banner:visible').first().waitFor({ state: 'detached', timeout: 20000 })
  await page.waitForFunction(() => localStorage.getItem('zct-outbox') === null, undefined, { timeout: 20000 })
  const mine = (await (await fetch(`${BASE_URL}/api/v1/consultations/mine`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    question: string
  }[]
  assert.equal(mine.filter((c) => c.question === QUESTION).length, 1, 'stored exactly once')
})

test('installable, offline H5: a reload offline opens the app, a page never opened before opens, a write waits and goes out once', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/`)
  // installable: the manifest with a Chinese name and icons
  const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href')
  const manifest = (await (await fetch(`${BASE_URL}${manifestUrl}`)).json()) as { name: string; short_name: string; icons: { sizes: string }[] }
  assert.equal(manifest.short_name, '政策通')
  assert.deepEqual(
    manifest.icons.map((i) => i.sizes),
    ['192x192', '512x512'],
  )
  // the service worker takes over once the app has loaded; its precache is complete when it is active
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: 30000 })
  const token = await page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('zct-session') as string).data).state.token as string)

  await page.context().setOffline(true)
  assert.equal(
    await page.evaluate(() =>
      fetch('/api/v1/home').then(
        () => 'online',
        () => 'offline',
      ),
    ),
    'offline',
  )

  // a reload offline: the app, not the browser's error page, with the policy read online before
  await page.goto(`${BASE_URL}/packages/policy/pages/detail/index?id=p001`)
  await page.locator('.policy-detail__facts:visible').waitFor()
  assert.match(await page.locator('.policy-detail__facts:visible').innerText(), /文号/)
  await page.reload()
  await page.locator('.policy-detail__facts:visible').waitFor()
  await page.locator('.offline-banner:visible').first().waitFor()

  // a page never opened in this browser (its code comes from the precache): the consultation form
  await page.goto(`${BASE_URL}/packages/qa/pages/consult/index?topic=yanglao&q=${encodeURIComponent(QUESTION_AFTER_RELOAD)}`)
  // the region picker's answers were read online above and come from the app's read cache
  await pickRegion(page, '椒江', '椒江区')
  await page.getByRole('button', { name: '提交咨询' }).click()
  await page.getByRole('status').filter({ hasText: '已保存，联网后自动发送' }).waitFor()
  await screenshot(page, 'offline-sw-consult')

  // what the app can't serve offline: a Chinese page, not the browser's
  await page.goto(`${BASE_URL}/admin/`)
  await page.getByRole('heading', { name: '网络已断开' }).waitFor()
  await screenshot(page, 'offline-sw-page')

  // back online: the queued question goes out by itself, once
  await page.context().setOffline(false)
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.waitForFunction(() => localStorage.getItem('zct-outbox') === null, undefined, { timeout: 20000 })
  const mine = (await (await fetch(`${BASE_URL}/api/v1/consultations/mine`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    question: string
  }[]
  assert.equal(mine.filter((c) => c.question === QUESTION_AFTER_RELOAD).length, 1, 'stored exactly once')
})
