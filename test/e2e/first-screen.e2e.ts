/**
 * 首屏直出 in a real browser against the real build: 首页 and an interpretation show their first
 * screen from the HTML alone (the app's code blocked), at the visitor's saved text size; with the
 * code, the page takes over — the layer is gone and the page answers taps; a service-point device
 * never sees the resident 首页's layer.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { LAYER, persisted, withoutAppCode } from './helpers/first-screen'

const session = phoneSession()
const FEATURED = '图解：城乡居民基础养老金涨到每月320元，三步算清能领多少'

test('the first screen stands on the HTML alone: 首页 and an interpretation, normal and elder text', async () => {
  const page = session.page
  await withoutAppCode(page, async () => {
    await page.goto(`${BASE_URL}/`)
    const layer = page.locator(LAYER)
    await layer.getByText(FEATURED).waitFor()
    assert.match(await layer.innerText(), /政策通[\s\S]*有问题，直接问[\s\S]*精选解读[\s\S]*政策专题[\s\S]*养老服务/)
    const normalSize = await layer
      .locator('.interp-card__title')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    await screenshot(page, 'first-screen-home')

    await page.evaluate(([k, v]) => localStorage.setItem(k, v), persisted('zct-theme', { choice: 'elder' }))
    await page.reload()
    await layer.getByText(FEATURED).waitFor()
    const elderSize = await layer
      .locator('.interp-card__title')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    assert.ok(elderSize >= normalSize * 1.2, `elder text ${elderSize}px vs normal ${normalSize}px`)
    await screenshot(page, 'first-screen-home-elder')
    await page.evaluate(() => localStorage.removeItem('zct-theme'))

    await page.goto(`${BASE_URL}/packages/interpretation/pages/detail/index?id=i001`)
    await layer.getByText('一图读懂：2021年台州市政务公开工作实施意见').waitFor()
    assert.match(await layer.innerText(), /台州市人民政府办公室 · 2021年8月30日[\s\S]*政策背景/)
    const picture = layer.locator('img.block__image')
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLImageElement | null)?.naturalWidth, `${LAYER} img.block__image`)
    assert.ok((await picture.boundingBox())!.height > 150)
    await screenshot(page, 'first-screen-interpretation')
  })
})

test('with its code the page takes over: the layer goes and the page answers taps', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/`)
  await page.locator('.home .interp-card__title:visible', { hasText: FEATURED }).first().waitFor()
  await page.locator(LAYER).waitFor({ state: 'detached' })
  const gone = await page.evaluate(() => performance.getEntriesByName('zct-first-screen-gone').length)
  assert.equal(gone, 1)
  await page.getByRole('link', { name: '养老服务', exact: true }).click()
  await page.waitForURL(/packages\/policy\/pages\/list\/index\?topic=yanglao/)

  await page.goto(`${BASE_URL}/packages/interpretation/pages/detail/index?id=i001`)
  await page.getByRole('heading', { name: '一图读懂：2021年台州市政务公开工作实施意见' }).waitFor()
  await page.locator(LAYER).waitFor({ state: 'detached' })
  await page.getByText('查看政策原文').click()
  await page.waitForURL(/packages\/policy\/pages\/detail\/index\?id=p001/)
})

test('a service-point device gets no resident 首页 layer', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), persisted('zct-service-point', { point: { code: 'test', name: '测试服务点' }, idleSeconds: 120 }))
  await withoutAppCode(page, async () => {
    await page.goto(`${BASE_URL}/`)
    await page.waitForLoadState('domcontentloaded')
    assert.equal(await page.locator(LAYER).count(), 0)
  })
  await page.evaluate(() => localStorage.removeItem('zct-service-point'))
})
