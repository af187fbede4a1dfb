/**
 * Where a cold H5 load's time goes, on bench:h5's first profile (CPU ×4 + slow 4G): every request
 * (when it was sent, when its last byte came, bytes on the wire), the main thread's long tasks and
 * script evaluations (from a Chrome trace), and the moment the app drew the page itself.
 *
 *   npx tsx scripts/bench/h5-timeline.ts [page path] [build folder]   (default / and dist/h5)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FIRST_SCREEN_ELEMENT_ID } from '../../common/contract'
import { launch, PHONE } from '../../test/e2e/browser'
import { root, startProcess } from './server-process'

const SLOW_4G = { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
const pagePath = process.argv[2] ?? '/'
const buildDir = path.resolve(root, process.argv[3] ?? 'dist/h5')
const ready = process.env.READY ?? '#app .topic-grid'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  args?: { data?: { url?: string; functionName?: string } }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-timeline-'))
  const server = await startProcess('server/main.ts', { DATA_DIR: dataDir, API_MODE: 'sqlite', LOG_LEVEL: 'warn', STATIC_DIR: buildDir }, '/api/v1/health')
  const browser = await launch()
  try {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    const requests = new Map<string, { url: string; sent: number; end?: number; bytes?: number; prio?: string }>()
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, sent: e.timestamp, prio: e.request.initialPriority }))
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId)
      if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength })
    })
    // PROFILE=<file>: the page's CPU profile from the navigation to the app's draw (scripts/bench/profile-summary.ts reads it)
    if (process.env.PROFILE) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'] })
    await page.goto(server.url + pagePath, { waitUntil: 'commit' })
    const shown = await page.waitForFunction(
      ([sel, layer]) => (document.querySelector(sel) && !document.getElementById(layer) ? performance.now() : 0),
      [ready, FIRST_SCREEN_ELEMENT_ID] as const,
      { timeout: 120_000, polling: 50 },
    )
    const app = (await shown.jsonValue()) as number
    if (process.env.PROFILE) writeFileSync(process.env.PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile))
    await page.waitForLoadState('networkidle')
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
    const nav = (await page.evaluate(() => performance.timeOrigin)) as number
    const first = Math.min(...[...requests.values()].map((r) => r.sent))
    const ms = (t: number) => ((t - first) * 1000).toFixed(0).padStart(6)
    console.log(
      `${pagePath} on ${path.relative(root, buildDir)}: the app drew the page at ${app.toFixed(0)} ms (performance.now); requests (s from the first):`,
    )
    for (const r of [...requests.values()].sort((a, b) => a.sent - b.sent))
      console.log(
        `${ms(r.sent)} → ${r.end ? ms(r.end) : '     ?'}  ${String(((r.bytes ?? 0) / 1024).toFixed(1)).padStart(6)} KB  ${(r.prio ?? '').padEnd(8)} ${new URL(r.url).pathname.slice(0, 70)}`,
      )
    // main thread: the renderer's busiest thread
    const byTid = new Map<number, number>()
    for (const e of trace.traceEvents) if (e.ph === 'X' && e.name === 'RunTask') byTid.set(e.tid, (byTid.get(e.tid) ?? 0) + (e.dur ?? 0))
    const main = [...byTid].sort((a, b) => b[1] - a[1])[0]?.[0]
    // trace timestamps (µs) and the network's (s) are on the same monotonic clock
    const navStart = first * 1e6
    // the CPU part of the wait: main-thread tasks from the moment the last script arrived to the draw
    const scriptsIn = Math.max(
      ...[...requests.values()].filter((r) => /\.js$/.test(new URL(r.url).pathname) && r.end && (r.end - first) * 1000 < app).map((r) => r.end!),
    )
    const drawnAt = nav * 0 + first * 1e6 + app * 1000
    const busy = trace.traceEvents
      .filter((e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask' && e.ts + (e.dur ?? 0) > scriptsIn * 1e6 && e.ts < drawnAt)
      .reduce((sum, e) => sum + (Math.min(e.ts + (e.dur ?? 0), drawnAt) - Math.max(e.ts, scriptsIn * 1e6)) / 1000, 0)
    console.log(
      `scripts in at ${ms(scriptsIn).trim()} ms, drawn at ${app.toFixed(0)} ms: main thread busy ${busy.toFixed(0)} ms of the ${(app - (scriptsIn - first) * 1000).toFixed(0)} between`,
    )
    console.log(`main thread tasks ≥ 30 ms (ms from the first request; timeOrigin ${nav.toFixed(0)}):`)
    for (const e of trace.traceEvents) {
      if (e.tid !== main || e.ph !== 'X' || (e.dur ?? 0) < Number(process.env.MIN_TASK_MS ?? 30) * 1000) continue
      if (e.name !== 'RunTask') continue
      const what = e.args?.data?.url ? new URL(e.args.data.url).pathname : (e.args?.data?.functionName ?? '')
      console.log(`  ${((e.ts - navStart) / 1000).toFixed(0).padStart(6)} +${((e.dur ?? 0) / 1000).toFixed(0).padStart(5)}  ${e.name.padEnd(16)} ${what}`)
      // what the task did: its events of ≥ 5 ms (nested ones indented by depth)
      const inside = trace.traceEvents.filter(
        (c) => c !== e && c.tid === main && c.ph === 'X' && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0) && (c.dur ?? 0) >= 5000,
      )
      for (const c of inside) {
        const depth = inside.filter((o) => o !== c && o.ts <= c.ts && o.ts + (o.dur ?? 0) >= c.ts + (c.dur ?? 0)).length
        const data = c.args?.data as { url?: string; functionName?: string; type?: string } | undefined
        const label = data?.url ? new URL(data.url, 'http://x').pathname : (data?.functionName ?? data?.type ?? '')
        console.log(`         ${'  '.repeat(depth)}${((c.dur ?? 0) / 1000).toFixed(0).padStart(4)} ${c.name} ${label}`)
      }
    }
    await context.close()
  } finally {
    await browser.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
