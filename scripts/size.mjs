#!/usr/bin/env node
/**
 * Size table of the weapp build: main package, each subpackage (roots from app.json) and the
 * total, in KB. Exits 1 when the main package or any subpackage exceeds WeChat's 2,048 KB.
 *   node scripts/size.mjs [--build] [dir=dist/weapp]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const LIMIT_KB = 2048
const args = process.argv.slice(2)
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/weapp'

if (args.includes('--build')) {
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
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
for (const f of files(dir)) {
  const rel = path.relative(dir, f).split(path.sep).join('/')
  if (rel === 'project.config.json' || rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue
  const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
  sizes.set(owner, sizes.get(owner) + statSync(f).size)
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
if (over.length) {
  console.error(`over WeChat's ${LIMIT_KB} KB limit: ${over.join(', ')}`)
  process.exit(1)
}
