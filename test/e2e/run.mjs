#!/usr/bin/env node
/**
 * End-to-end runner: makes sure Chromium, the H5 build and the console's build exist, starts the
 * real server on a fresh SQLite file serving dist/h5 and dist/admin, runs the Playwright specs with node's test runner, stops
 * the server. `npm run test:e2e`. The build is rebuilt when a file it is made from (src/ but its
 * tests, config/, package.json, the lock file, babel and TypeScript config, .env files) is newer
 * than its index.html, so a build made right before (CI) is reused and an old one never tested.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('which', ['apt-get']).status === 0
  if (!isRoot || !hasApt) {
    console.error(`Chromium not found at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then run npm test again.`)
    process.exit(1)
  }
  console.log('Installing Chromium with apt-get (one-time)…')
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (r.status !== 0) {
      console.error('apt-get failed: install Chromium by hand ("apt-get install -y chromium") and run npm test again.')
      process.exit(1)
    }
  }
}

/** the H5 build under test: dist/h5, or TARO_OUTPUT_DIR when set (a build of one's own) */
const h5Dir = path.resolve(root, process.env.TARO_OUTPUT_DIR || 'dist/h5')

/** what the H5 build is made from: a change to any of them makes dist/h5 stale (tests do not) */
const BUILD_INPUTS = [
  'src',
  'common',
  'config',
  'package.json',
  'package-lock.json',
  'babel.config.js',
  'tsconfig.json',
  'scripts/precompress.mjs',
  'scripts/build-sw.mjs',
]

/** the console's build (政务工作台, served at /admin), and what it is made from */
const adminDir = path.resolve(root, 'dist/admin')
const ADMIN_BUILD_INPUTS = ['admin', 'common', 'package.json', 'package-lock.json', 'tsconfig.json']

/** the newest modification under `p` (a file or a folder, `__tests__` folders skipped): [ms, path] */
function newestInput(p, best = [0, '']) {
  if (!existsSync(p)) return best
  const st = statSync(p)
  if (!st.isDirectory()) return st.mtimeMs > best[0] ? [st.mtimeMs, p] : best
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === '__tests__') continue
    best = newestInput(path.join(p, e.name), best)
  }
  return best
}

/** why a build must be (re)made, or undefined when it is newer than every input */
function staleReason(dir = h5Dir, inputs = [...BUILD_INPUTS, ...readdirSync(root).filter((f) => f.startsWith('.env'))]) {
  if (process.env.E2E_REBUILD) return 'E2E_REBUILD is set'
  const index = path.join(dir, 'index.html')
  if (!existsSync(index)) return `there is no ${path.relative(root, index)}`
  let newest = [0, '']
  for (const p of inputs) newest = newestInput(path.join(root, p), newest)
  const built = statSync(index).mtimeMs
  if (newest[0] > built) return `${path.relative(root, newest[1])} is newer than the build (${new Date(built).toISOString()})`
  return undefined
}

function ensureH5Build() {
  const reason = staleReason()
  if (!reason) return
  console.log(`Building the H5 client (npm run build:h5): ${reason}…`)
  const r = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitForHealth(base, child) {
  const deadline = Date.now() + 30000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const r = await fetch(`${base}/api/v1/health`)
      if (r.ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not become healthy in 30 s')
}

// `node test/e2e/run.mjs --build-status`: only say whether the build would be rebuilt
if (process.argv.includes('--build-status')) {
  const reason = staleReason()
  console.log(reason ? `stale: ${reason}` : `up to date: ${path.relative(root, h5Dir)}`)
  process.exit(reason ? 1 : 0)
}

function ensureAdminBuild() {
  const reason = staleReason(adminDir, ADMIN_BUILD_INPUTS)
  if (!reason) return
  console.log(`Building the console (npm run build:admin): ${reason}…`)
  const r = spawnSync('npm', ['run', 'build:admin'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

ensureChromium()
ensureH5Build()
ensureAdminBuild()

const port = await freePort()
const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-e2e-'))
const base = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    API_MODE: 'sqlite',
    LOG_LEVEL: 'warn',
    STATIC_DIR: h5Dir,
    ADMIN_DIR: adminDir,
    ALLOW_DEV_LOGIN: '1',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
})

let code = 1
try {
  await waitForHealth(base, server)
  const specs = readdirSync(path.join(root, 'test/e2e'))
    .filter((f) => f.endsWith('.e2e.ts') && (!process.env.E2E_ONLY || f.includes(process.env.E2E_ONLY)))
    .map((f) => path.join('test/e2e', f))
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...specs], {
    cwd: root,
    stdio: 'inherit',
    // E2E_DATA_DIR: the server's database, for what an operator does beside it (npm run admin)
    env: { ...process.env, E2E_BASE_URL: base, E2E_DATA_DIR: dataDir, CHROMIUM_PATH: CHROMIUM },
  })
  code = run.status ?? 1
} catch (e) {
  console.error(e)
} finally {
  server.kill('SIGINT')
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)))
  rmSync(dataDir, { recursive: true, force: true })
}
process.exit(code)
