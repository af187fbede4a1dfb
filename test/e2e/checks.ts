/**
 * Accessibility checks shared by the specs (a11y.e2e.ts and the screens of later issues): axe-core,
 * tap target sizes, sideways clipping, body text size, the text-size switch in 我的, and a
 * screenshot of a whole Taro page.
 */
import assert from 'node:assert/strict'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { BASE_URL, screenshot } from './browser'

/**
 * What the user waits for before reading a screen: web fonts loaded, every finite animation and
 * transition finished, and every Taro toast gone (a toast fades 0 → 1, stays 1.5 s, fades out:
 * under load axe, which takes a while, caught one half-faded as a color-contrast failure of
 * `div:nth-child(2) > p:nth-child(2)`, the toast's text). No fixed wait: this resolves as soon
 * as the screen is still.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      await document.fonts.ready
      const moving = document.getAnimations().some((a) => {
        const timing = a.effect?.getComputedTiming()
        return a.playState === 'running' && timing?.iterations !== Infinity
      })
      if (moving) return false
      return [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => getComputedStyle(t).display === 'none')
    },
    undefined,
    { polling: 'raf' },
  )
}

export async function axeProblems(page: Page): Promise<string[]> {
  await settled(page)
  const result = await new AxeBuilder({ page })
    // Taro H5 keeps hidden tab pages in the DOM: check what is on screen
    .exclude('.taro_page[style*="display: none"]')
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
}

/** visible tappable things smaller than `min` CSS px in either direction */
export async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((minPx) => {
    const sel = 'taro-button-core, button, [role=button], [role=link], [role=tab], [role=radio], [role=checkbox], [role=switch], taro-switch-core, a[href]'
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || el.closest('[aria-hidden=true]')) continue
      // the tab bar is the platform's (WeChat draws its own)
      if (el.closest('.taro-tabbar__tabbar')) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || el.offsetParent === null) continue
      if (r.width + 0.5 < minPx || r.height + 0.5 < minPx)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0]} "${(el.getAttribute('aria-label') ?? el.innerText).slice(0, 16)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        )
    }
    return out
  }, min)
}

/** elements whose content is wider than the screen (text running off the side) */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('.taro_page:not([style*="display: none"]) *')) {
      if (
        el.offsetParent === null ||
        el.closest(
          '.home__featured, .taro-scroll-view__scroll-x, taro-scroll-view-core, .chip-bar, .data-table, .feed__swiper taro-swiper-item-core:not(:first-child)',
        )
      )
        continue
      const r = el.getBoundingClientRect()
      if (r.right > w + 1 && r.width > 0) out.push(`${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0]} right=${Math.round(r.right)}`)
    }
    return out.slice(0, 8)
  })
}

export async function bodyFontPx(page: Page): Promise<number> {
  return page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('.taro_page:not([style*="display: none"]) .page') as Element).getPropertyValue('font-size')),
  )
}

/** the whole page, not just the first screen: Taro scrolls inside the page element, so grow the viewport to fit */
export async function fullScreenshot(page: Page, name: string) {
  const height = await page.evaluate(() => {
    // from the top, wherever a tap left the page scrolled
    window.scrollTo(0, 0)
    for (const el of document.querySelectorAll<HTMLElement>('.taro_page, .taro-tabbar__panel')) el.scrollTop = 0
    const el = [...document.querySelectorAll<HTMLElement>('.taro_page')].find((p) => p.offsetParent !== null && getComputedStyle(p).display !== 'none')
    return el ? el.scrollHeight : document.documentElement.scrollHeight
  })
  const viewport = page.viewportSize() ?? { width: 390, height: 844 }
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height + 60, viewport.height), 5000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

export async function setScale(page: Page, scale: 'normal' | 'elder') {
  await page.goto(`${BASE_URL}/pages/mine/index`)
  const radio = page.getByRole('radio', { name: scale === 'elder' ? '特大（长辈模式）' : '标准' })
  await radio.click()
  assert.equal(await radio.getAttribute('aria-checked'), 'true')
}

/** numbers in table cells broken across lines ("27800" as "278" / "00"): each run of digits must sit on one line */
export async function splitNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const cell of document.querySelectorAll<HTMLElement>('.taro_page:not([style*="display: none"]) .data-table__cell')) {
      if (cell.offsetParent === null) continue
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\d[\d.,]*\d/g)) {
          const range = document.createRange()
          range.setStart(node, m.index ?? 0)
          range.setEnd(node, (m.index ?? 0) + m[0].length)
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
          if (tops.size > 1) out.push(`"${m[0]}" in "${(cell.textContent ?? '').slice(0, 20)}"`)
        }
      }
    }
    return out
  })
}

/** the H5 tab bar's label size (px), when a tab page shows it */
export async function tabLabelPx(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    const label = [...document.querySelectorAll<HTMLElement>('.weui-tabbar__label')].find((l) => l.offsetParent !== null)
    return label ? parseFloat(getComputedStyle(label).fontSize) : undefined
  })
}
