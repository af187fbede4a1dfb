#!/usr/bin/env node
/**
 * Size table of the weapp build: main package, each subpackage (roots from app.json) and the
 * total, in KB. Exits 1 when the main package or any subpackage exceeds WeChat's 2,048 KB or the
 * whole exceeds its 20 MB (the hard limits), when ECharts is in more than one package (it belongs
 * in packages/chart alone, loaded through 分包异步化), or past our budgets: main 450 KB (what every
 * visitor downloads before the first screen), total 1,400 KB (issue 18's target: 1,445 KB once
 * 依申请公开, 一站搜索 and 政策找人 added their pages, 2026-12-04; back under it with the mini-program's
 * own CSS prefixes and a tooltip-less ECharts, 2026-12-05). Checked by npm test. Then the
 * JavaScript the H5 build loads first for 首页 (entry scripts + the page's preloaded chunks), gzipped.
 *   node scripts/size.mjs [--build | --build-if-missing] [dir=dist/weapp]
 * `npm run size` builds weapp in production mode first.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import path from 'node:path'

const LIMIT_KB = 2048
const TOTAL_LIMIT_KB = 20 * 1024
const TOTAL_BUDGET_KB = 1400
/** a string of ECharts' core (zrender's painter registry), to find every copy of it */
const ECHARTS_MARK = 'registerPainter'
const args = process.argv.slice(2)
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/weapp'

const MAIN_TARGET_KB = 450
if (args.includes('--build') || (args.includes('--build-if-missing') && !existsSync(path.join(dir, 'app.json')))) {
  // into the folder measured below, whatever TARO_OUTPUT_DIR the shell has
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_DIR: path.resolve(dir) },
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!existsSync(path.join(dir, 'app.json'))) {
  console.error(`${dir}/app.json not found: run npm run build:weapp first (or pass --build).`)
  process.exit(1)
}

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const p = path.join(d, name)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8'))
const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
const sizes = new Map([['main', 0], ...roots.map((r) => [r, 0])])
const withEcharts = new Set()
for (const f of files(dir)) {
  const rel = path.relative(dir, f).split(path.sep).join('/')
  if (rel === 'project.config.json' || rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue
  const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
  sizes.set(owner, sizes.get(owner) + statSync(f).size)
  if (rel.endsWith('.js') && readFileSync(f, 'utf8').includes(ECHARTS_MARK)) withEcharts.add(owner)
}

const kb = (b) => (b / 1024).toFixed(1)
let total = 0
let over = []
console.log('weapp package sizes')
console.log('package'.padEnd(32) + 'KB'.padStart(10))
for (const [name, bytes] of sizes) {
  total += bytes
  console.log(name.padEnd(32) + kb(bytes).padStart(10))
  if (bytes / 1024 > LIMIT_KB) over.push(name)
}
console.log('total'.padEnd(32) + kb(total).padStart(10))
const mainKb = sizes.get('main') / 1024
const totalKb = total / 1024
console.log(`main package ${mainKb.toFixed(1)} KB: ${mainKb <= MAIN_TARGET_KB ? 'within' : 'OVER'} the ${MAIN_TARGET_KB} KB budget`)
console.log(`total ${totalKb.toFixed(1)} KB: ${totalKb <= TOTAL_BUDGET_KB ? 'within' : 'OVER'} the ${TOTAL_BUDGET_KB} KB budget`)
console.log(`ECharts in: ${[...withEcharts].join(', ') || 'no package'}`)
const failures = []
if (totalKb > TOTAL_LIMIT_KB) failures.push(`total over WeChat's ${TOTAL_LIMIT_KB} KB limit`)
if (mainKb > MAIN_TARGET_KB) failures.push(`main package over the ${MAIN_TARGET_KB} KB budget`)
if (totalKb > TOTAL_BUDGET_KB) failures.push(`total over the ${TOTAL_BUDGET_KB} KB budget`)
if (withEcharts.size > 1) failures.push(`ECharts copied into ${withEcharts.size} packages (${[...withEcharts].join(', ')}): it belongs in packages/chart alone`)

// H5: what 首页 downloads first (the scripts in index.html and the chunks preloaded for it)
const h5 = process.env.H5_DIR || 'dist/h5'
if (existsSync(path.join(h5, 'index.html'))) {
  const html = readFileSync(path.join(h5, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1])
  const map = /\}\)\((\{.*?\}),"/.exec(html)
  const home = map ? (JSON.parse(map[1])['pages/index/index'] ?? []).filter((f) => f.endsWith('.js')) : []
  const jsFiles = [...new Set([...entry, ...home])]
  const gz = jsFiles.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(h5, f))).length, 0)
  console.log(`H5 首页 first-load JS: ${jsFiles.length} files, ${kb(gz)} KB gzipped`)
}
if (over.length) failures.unshift(`over WeChat's ${LIMIT_KB} KB limit: ${over.join(', ')}`)
if (failures.length) {
  for (const f of failures) console.error(f)
  process.exit(1)
}
