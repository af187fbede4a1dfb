/**
 * 长辈模式 on the screens issue 17 found wanting, on a 375×812 phone at 标准 and 特大: the 图解's
 * chart is taller and its table keeps numbers whole, the 刷视频 panel sits below the picture so
 * nothing covers the play button, the tab bar's labels grow, the 明白卡 draws. Screenshots:
 * elder-<screen>-<scale>.png.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { settled, setScale, splitNumbers, tabLabelPx } from './checks'

const session = phoneSession({ viewport: { width: 375, height: 812 } })

const visible = '.taro_page:not([style*="display: none"])'

for (const scale of ['normal', 'elder'] as const) {
  test(`${scale === 'elder' ? '特大' : '标准'}: chart, table, video feed, tab bar and 明白卡 at 375×812`, async () => {
    const page = session.page
    await setScale(page, scale)

    // 图解: the chart grows with the text; the table below it keeps its numbers whole
    await page.goto(`${BASE_URL}/packages/interpretation/pages/detail/index?id=i002`)
    const chart = page.locator(`${visible} .chart-block .chart`).first()
    await chart.locator('canvas').first().waitFor()
    const chartBox = (await chart.boundingBox())!
    assert.equal(Math.round(chartBox.height), scale === 'elder' ? 325 : 260)
    await chart.scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, `elder-chart-${scale}`)
    const table = page.locator(`${visible} .block--table .data-table`).first()
    await table.scrollIntoViewIfNeeded()
    assert.deepEqual(await splitNumbers(page), [])
    await screenshot(page, `elder-table-${scale}`)

    // 视频 tab: the tab bar's labels follow the text size
    await page.goto(`${BASE_URL}/pages/videos/index`)
    await page.locator('.video-card:visible').first().waitFor()
    const tabPx = await tabLabelPx(page)
    assert.ok(tabPx !== undefined && tabPx >= (scale === 'elder' ? 18 : 12), `tab bar labels ${tabPx}px`)
    await settled(page)
    await screenshot(page, `elder-tabbar-${scale}`)

    // 刷视频: the play button is on the picture, and neither the captions nor the buttons cover it
    await page.goto(`${BASE_URL}/packages/video/pages/feed/index?id=v003`)
    await page.getByRole('button', { name: '下一个视频' }).first().waitFor()
    // the card the user opened, once the swiper has brought it on screen: its layout
    // (no named helpers in here: tsx would wrap them in a __name the page does not have)
    const layout = await page.waitForFunction(() => {
      const title = [...document.querySelectorAll<HTMLElement>('.feed__title')].find((t) => t.textContent?.includes('高龄津贴'))
      const stage = title?.closest<HTMLElement>('.feed__stage')
      // on H5 the page's title bar sits above the feed: the card is on screen when it meets the bar
      const bar = [...document.querySelectorAll<HTMLElement>('.title-bar')].map((b) => b.getBoundingClientRect()).find((r) => r.height > 0)
      if (!stage || Math.abs(stage.getBoundingClientRect().top - (bar ? bar.bottom : 0)) >= 2) return undefined
      const screen = stage.querySelector('.feed__screen')!.getBoundingClientRect()
      const panel = stage.querySelector('.feed__panel')!.getBoundingClientRect()
      return { screenBottom: screen.bottom, screenHeight: screen.height, panelTop: panel.top }
    })
    const { screenBottom, screenHeight, panelTop } = (await layout.jsonValue())!
    await settled(page)
    const overlap =
      panelTop < screenBottom - 1 ? `panel (top ${panelTop}) over the picture (bottom ${screenBottom})` : screenHeight < 160 ? `picture ${screenHeight}px` : ''
    assert.equal(overlap, '')
    await screenshot(page, `elder-feed-${scale}`)

    // 明白卡
    await page.goto(`${BASE_URL}/packages/interpretation/pages/poster/index?id=i002`)
    await page.locator('.poster__img:visible img').waitFor()
    await settled(page)
    await screenshot(page, `elder-poster-${scale}`)
  })
}
