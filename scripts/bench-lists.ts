/**
 * `npm run bench:lists`: the policy library and the video feed with 2,000 items each, in Chromium
 * at 4× CPU throttling against the real server on SQLite (fixtures multiplied to 2,000). Prints
 * the time to the first screen, the time to append each further page, and how many DOM nodes the
 * page holds — the numbers that say whether a long list stays smooth.
 *   BENCH_ITEMS=2000 npm run bench:lists   (needs an H5 build: npm run build:h5; TARO_OUTPUT_DIR for another folder)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fixtures } from '../mock/fixtures'
import type { Fixtures } from '../mock/types'
import { buildApp } from '../server/app'
import { openStore } from '../server/store/open-store'
import { launch } from '../test/e2e/browser'
import { root } from './bench/server-process'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000)
const h5Dir = path.resolve(root, process.env.TARO_OUTPUT_DIR || 'dist/h5')

/** the fixtures with ITEMS policies and ITEMS videos: copies with their own ids, titles and dates */
function scaled(base: Fixtures): Fixtures {
  const day = 86_400_000
  const policies = Array.from({ length: ITEMS }, (_, i) => {
    const p = base.policies[i % base.policies.length]
    const date = new Date(Date.parse('2026-11-01') - i * day).toISOString().slice(0, 10)
    return i < base.policies.length
      ? p
      : { ...p, id: `p-gen-${i}`, title: `${p.title}（第${i}号补充）`, publishedAt: date, effectiveAt: date, replacedBy: undefined }
  })
  const videos = Array.from({ length: ITEMS }, (_, i) => {
    const v = base.videos[i % base.videos.length]
    return i < base.videos.length
      ? v
      : { ...v, id: `v-gen-${i}`, title: `${v.title}（${i}）`, publishedAt: new Date(Date.parse('2026-10-01') - i * day).toISOString() }
  })
  return { ...base, policies, videos }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(h5Dir, 'index.html'))) throw new Error(`${h5Dir}/index.html not found: run npm run build:h5 first`)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-lists-'))
  const store = await openStore({ kind: 'sqlite', fixtures: scaled(fixtures), dataDir })
  const app = buildApp({ store, mode: 'sqlite', staticDir: h5Dir, mediaDir: path.join(root, 'mock/media') })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const browser = await launch()
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    if (process.env.BENCH_DEBUG) page.on('response', (r) => r.url().includes('/api/') && console.log('   ', r.status(), r.url().replace(base, '')))
    const nodes = () => page.evaluate(() => document.querySelectorAll('*').length)
    console.log(`bench:lists — ${ITEMS} policies and ${ITEMS} videos, Chromium CPU ×4, real server on SQLite`)

    // 政策库: first screen, then infinite scroll
    let t0 = Date.now()
    await page.goto(`${base}/packages/policy/pages/list/index`)
    await page.locator('.policy-card:visible').first().waitFor()
    const firstScreen = Date.now() - t0
    const appends: number[] = []
    for (let i = 0; i < 10; i++) {
      const before = await page.locator('.policy-card:visible').count()
      t0 = Date.now()
      await page.mouse.move(195, 600)
      // scroll as a user does: again when a flick did not reach the end
      for (let flick = 0; ; flick++) {
        await page.mouse.wheel(0, 20_000)
        await page.locator('.policy-card:visible').last().scrollIntoViewIfNeeded()
        await page.mouse.wheel(0, 200)
        const grew = await page
          .waitForFunction((n) => document.querySelectorAll('.policy-card').length > n, before, { timeout: 3_000 })
          .then(
            () => true,
            () => false,
          )
        if (grew) break
        if (flick === 10) throw new Error(`政策库: no page after ${before} cards`)
      }
      appends.push(Date.now() - t0)
      if (process.env.BENCH_DEBUG) console.log('  page', i + 2, 'cards', await page.locator('.policy-card').count())
    }
    const cards = await page.locator('.policy-card:visible').count()
    const avg = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(0)
    console.log(
      `政策库   first screen ${firstScreen} ms · next page on scroll avg ${avg(appends)} ms (max ${Math.max(...appends)}) · ${cards} cards after 10 pages, ${await nodes()} DOM nodes`,
    )

    // 刷视频: first video, then 下一个 twenty times
    const first = (await store.media.listVideos({ page: 1, pageSize: 1 })).items[0]
    t0 = Date.now()
    await page.goto(`${base}/packages/video/pages/feed/index?id=${first.id}`)
    await page.locator('.feed__stage:visible').first().waitFor()
    const feedFirst = Date.now() - t0
    const steps: number[] = []
    for (let i = 1; i <= 20; i++) {
      t0 = Date.now()
      await page.locator(`.feed__stage[data-index="${i - 1}"] [aria-label="下一个视频"]`).click()
      await page.locator(`.feed__stage[data-index="${i}"]`).waitFor({ state: 'attached' })
      await page
        .getByText(new RegExp(`第 ${i + 1}/${ITEMS} 条`))
        .first()
        .waitFor({ state: 'attached' })
      steps.push(Date.now() - t0)
    }
    const stages = await page.locator('.feed__stage').count()
    console.log(
      `刷视频   first video ${feedFirst} ms · 下一个 avg ${avg(steps)} ms (max ${Math.max(...steps)}) · ${stages} slides with content, ${await page.locator('.feed__item').count()} slides loaded, ${await nodes()} DOM nodes after 20 videos`,
    )
  } finally {
    await browser.close()
    await app.close()
    store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
