/**
 * `npm run bench:h5`: first contentful paint, largest contentful paint and interactive of the H5
 * build under a throttled phone, from a cold cache (a fresh browser context per run), for every
 * tab page and the most linked subpages (policy, interpretation, video, campaign, 宣讲菜单, Q&A),
 * on two profiles: Chromium's CPU throttling 4× with Lighthouse's slow 4G (562.5 ms RTT, 1.6 Mbps
 * down, 750 kbps up), and CPU 4× with a weak 400 kbit/s link at 400 ms RTT; median of BENCH_RUNS.
 * Interactive: the app has drawn the page itself (its content is in #app, the server-drawn first
 * screen gone): taps are answered from then on. Also the JavaScript 首页 loads first (requested
 * before the app drew: bytes on the wire and gzipped; what comes after is listed apart), and the next page in the app: a tap from 首页 to an interpretation.
 *
 *   BENCH_RUNS=5 npm run bench:h5      (builds dist/h5 first when it is missing; TARO_OUTPUT_DIR for another folder)
 *   BENCH_PROFILE=weak BENCH_PAGES=首页,政策 npm run bench:h5   (one profile, some pages; `tap` among
 *     them: the tap from 首页 to an interpretation too, which runs only with every page otherwise)
 *   BENCH_BUILDS=/tmp/before,dist/h5 npm run bench:h5   (builds side by side: each run of a page
 *     loads every build in turn, in reversed order every other run, so a busy machine's load
 *     falls on all of them alike)
 *   BENCH_SERVERS=/tmp/before-src,.   (with BENCH_BUILDS: the checkout whose server serves each
 *     build, when the server's first screens changed too; `git archive <commit> | tar -x -C dir`
 *     and a node_modules link make one)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { FIRST_SCREEN_ELEMENT_ID } from '../common/contract'
import { launch, PHONE } from '../test/e2e/browser'
import { root, startProcess } from './bench/server-process'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const CPU_THROTTLE = 4
/** Lighthouse's simulated slow 4G (the "Slow 4G" of DevTools): RTT and bandwidth */
const SLOW_4G = { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
/** the issue's weak network: 400 kbit/s both ways, 400 ms round trips */
const WEAK = { latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 }
type Network = typeof SLOW_4G
const PROFILES: { name: string; label: string; network: Network }[] = [
  { name: 'slow4g', label: 'CPU ×4 + slow 4G (562.5 ms RTT, 1.6 Mbps)', network: SLOW_4G },
  { name: 'weak', label: 'CPU ×4 + 400 kbit/s, 400 ms RTT', network: WEAK },
]
const TARGET_FCP_MS = 1500
const TARGET_INTERACTIVE_MS = 2500

const h5Dir = path.resolve(root, process.env.TARO_OUTPUT_DIR || 'dist/h5')
/** the builds measured, one server each: BENCH_BUILDS (comma-separated folders) or the one build */
const builds = process.env.BENCH_BUILDS ? process.env.BENCH_BUILDS.split(',').map((d) => path.resolve(root, d)) : [h5Dir]
/** how a build is named in the output: its folder, with its parent when two share a name */
const buildLabel = (dir: string) => (builds.length === 1 ? '' : ` [${path.basename(dir)}]`)
/** the order of the builds in run i: reversed every other run (A B, B A, …), so none is always the one loaded first */
const inTurn = (i: number) => (i % 2 ? builds.map((_, b) => b).reverse() : builds.map((_, b) => b))
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')

interface Sample {
  fcp: number
  lcp: number
  /** the app drew the page's content itself (in #app; the server-drawn first screen gone) */
  app: number
  /** the scripts requested before the app drew the page (what runs before the first tap) */
  scripts: { url: string; wire: number; gzip: number }[]
  /** the scripts requested after that (code loaded in idle time, the service worker's helper) */
  later: { url: string; wire: number; gzip: number }[]
}

/** `ready`: an element of the page's content as the app draws it (inside #app, never the first screen's layer) */
const ALL_PAGES: { name: string; path: string; ready: string }[] = [
  { name: '首页', path: '/', ready: '#app .topic-grid' },
  { name: '解读', path: '/pages/interpretations/index', ready: '#app .interp-card' },
  { name: '视频', path: '/pages/videos/index', ready: '#app .video-card' },
  { name: '答题', path: '/pages/quiz/index', ready: '#app .campaign-card' },
  { name: '我的', path: '/pages/mine/index', ready: '#app .mine__card' },
  { name: '政策 p001', path: '/packages/policy/pages/detail/index?id=p001', ready: '#app .policy-detail__facts' },
  { name: '解读 i001', path: '/packages/interpretation/pages/detail/index?id=i001', ready: '#app .interp-detail__head' },
  { name: '视频 v001', path: '/packages/video/pages/play/index?id=v001', ready: '#app .video-play__video' },
  { name: '竞赛 q001', path: '/packages/quiz/pages/detail/index?id=q001', ready: '#app .quiz-hero' },
  { name: '宣讲菜单', path: '/packages/lecture/pages/menu/index', ready: '#app .lec-card' },
  { name: '问答', path: '/packages/qa/pages/ask/index', ready: '#app .qa__input' },
]
const PAGES = process.env.BENCH_PAGES ? ALL_PAGES.filter((p) => process.env.BENCH_PAGES?.split(',').includes(p.name)) : ALL_PAGES

/** a fresh phone with a cold cache under the profile, and the bytes each script took on the wire */
async function throttledPhone(browser: Browser, network: Network = SLOW_4G) {
  // a first visit: the service worker registers after the page has loaded and only precaches
  // in the background, so it is kept out of the measurement (as a first visit never uses it)
  const context = await browser.newContext(PHONE)
  const page: Page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  const wire = new Map<string, number>()
  const urls = new Map<string, string>()
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.type === 'Script' ? e.response.url : ''))
  cdp.on('Network.loadingFinished', (e) => {
    const u = urls.get(e.requestId)
    if (u) wire.set(u, e.encodedDataLength)
  })
  return { context, page, wire }
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)

/**
 * The next page, in the app: from 首页 (the app running, its code loaded) a tap on the first
 * 精选解读 card until the interpretation shows, and the script bytes that took
 */
async function measureNextPage(browser: Browser, base: string): Promise<{ ms: number; js: number }> {
  const { context, page, wire } = await throttledPhone(browser)
  await page.goto(base + '/', { waitUntil: 'load', timeout: 120_000 })
  await page.locator(`#${FIRST_SCREEN_ELEMENT_ID}`).waitFor({ state: 'detached', timeout: 120_000 })
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  const before = sum(wire)
  const start = Date.now()
  await page.locator('.home .interp-card:visible').first().click()
  await page.locator('text=查看政策原文').first().waitFor({ timeout: 120_000 })
  const ms = Date.now() - start
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  const js = sum(wire) - before
  await context.close()
  return { ms, js }
}

async function measure(browser: Browser, url: string, ready: string, network: Network): Promise<Sample> {
  const { context, page, wire } = await throttledPhone(browser, network)
  const bodies = new Map<string, Buffer>()
  const requested: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') requested.push(r.url())
  })
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)))
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number }
    w.__lcp = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lcp = e.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  })
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  // the moment the app's own content is there, and no first-screen layer above it
  const shown = await page.waitForFunction(
    ([sel, layer]) => (document.querySelector(sel) && !document.getElementById(layer) ? performance.now() : 0),
    [ready, FIRST_SCREEN_ELEMENT_ID] as const,
    { timeout: 120_000, polling: 50 },
  )
  const app = (await shown.jsonValue()) as number
  const first = new Set(requested)
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  await page.waitForTimeout(500)
  const { fcp, lcp } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: (window as unknown as { __lcp: number }).__lcp,
  }))
  const all = [...bodies].map(([u, body]) => ({ first: first.has(u), url: new URL(u).pathname, wire: wire.get(u) ?? body.length, gzip: gzipSync(body).length }))
  await context.close()
  return { fcp, lcp, app, scripts: all.filter((s) => s.first), later: all.filter((s) => !s.first) }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function main(): Promise<void> {
  if (!process.env.BENCH_BUILDS && !existsSync(path.join(h5Dir, 'index.html'))) {
    console.log('Building the H5 client (npm run build:h5)…')
    const r = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
  const dataDirs: string[] = []
  const servers: Awaited<ReturnType<typeof startProcess>>[] = []
  for (const [b, dir] of builds.entries()) {
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`no H5 build in ${dir}`)
    dataDirs.push(mkdtempSync(path.join(tmpdir(), 'zct-bench-h5-')))
    // BENCH_SERVERS: the checkout whose server serves each build (its first screens), default this one
    const serverRoot = process.env.BENCH_SERVERS?.split(',')[b] || root
    servers.push(
      await startProcess(
        path.resolve(root, serverRoot, 'server/main.ts'),
        { DATA_DIR: dataDirs.at(-1)!, API_MODE: 'sqlite', LOG_LEVEL: 'warn', STATIC_DIR: dir },
        '/api/v1/health',
      ),
    )
  }
  const browser = await launch()
  try {
    const profiles = PROFILES.filter((p) => !process.env.BENCH_PROFILE || p.name === process.env.BENCH_PROFILE)
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—').padStart(9)
    for (const profile of profiles) {
      console.log(`bench:h5 — Chromium, ${profile.label}, cold cache, median of ${RUNS}; build ${builds.join(', ')}; load average ${load()}`)
      console.log(`${'page'.padEnd(14)}${'FCP ms'.padStart(9)}${'LCP ms'.padStart(9)}${'inter. ms'.padStart(10)}   runs (interactive)`)
      for (const p of PAGES) {
        const samplesOf: Sample[][] = builds.map(() => [])
        for (let i = 0; i < RUNS; i++) for (const b of inTurn(i)) samplesOf[b].push(await measure(browser, servers[b].url + p.path, p.ready, profile.network))
        for (const [b, samples] of samplesOf.entries()) {
          const fcp = median(samples.map((s) => s.fcp))
          const app = median(samples.map((s) => s.app))
          const misses = [
            fcp > TARGET_FCP_MS ? `FCP over ${TARGET_FCP_MS}` : '',
            app > TARGET_INTERACTIVE_MS ? `interactive over ${TARGET_INTERACTIVE_MS}` : '',
          ]
          console.log(
            `${(p.name + buildLabel(builds[b])).padEnd(14)}${fmt(fcp)}${fmt(median(samples.map((s) => s.lcp)))} ${fmt(app)}   ${samples.map((s) => s.app.toFixed(0)).join(' ')}` +
              (profile === PROFILES[0] && misses.some(Boolean) ? `   ${misses.filter(Boolean).join(', ')} ms` : ''),
          )
        }
        if (p.path === '/' && profile === profiles[0])
          for (const [b, samples] of samplesOf.entries()) {
            const js = samples[0].scripts
            const kb = (n: number) => (n / 1024).toFixed(1)
            console.log(
              `  首页${buildLabel(builds[b])} first-load JS: ${js.length} files, ${kb(js.reduce((a, s) => a + s.wire, 0))} KB on the wire, ${kb(js.reduce((a, s) => a + s.gzip, 0))} KB gzipped`,
            )
            for (const s of js.sort((a, b) => b.gzip - a.gzip).slice(0, 6)) console.log(`    ${s.url.padEnd(40)} ${kb(s.gzip).padStart(8)} KB gz`)
            const later = samples[0].later
            if (later.length)
              console.log(
                `  and after the app drew: ${later.map((s) => `${s.url} ${kb(s.gzip)}`).join(', ')} KB gz (loaded when the page has loaded, or a first visit's service worker)`,
              )
          }
      }
    }
    if (process.env.BENCH_PAGES && !process.env.BENCH_PAGES.split(',').includes('tap')) return
    const nextOf: { ms: number; js: number }[][] = builds.map(() => [])
    for (let i = 0; i < RUNS; i++) for (const b of inTurn(i)) nextOf[b].push(await measureNextPage(browser, servers[b].url))
    for (const [b, next] of nextOf.entries())
      console.log(
        `首页 → 解读${buildLabel(builds[b])} (a tap in the app): shows in ${median(next.map((n) => n.ms)).toFixed(0)} ms, ${(median(next.map((n) => n.js)) / 1024).toFixed(1)} KB of script on the wire   runs ${next.map((n) => n.ms).join(' ')}`,
      )
  } finally {
    console.log(`load average at the end ${load()}`)
    await browser.close()
    for (const server of servers) await server.stop()
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
