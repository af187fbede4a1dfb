/**
 * WORKERS=N: the primary process forks N workers (node:cluster), each a whole server (main.ts)
 * listening on the one port the primary shares out. A worker that dies is replaced after a
 * second; one that keeps dying within seconds of its start stops the primary (a broken
 * configuration, not bad luck). SIGTERM or SIGINT to the primary is passed to every worker, which
 * closes gracefully (finishes its requests, closes the store), and the primary exits when they
 * have; a worker still running after STOP_TIMEOUT_MS is killed.
 *
 * Workers share nothing in memory: the database and (REDIS_URL) Redis are what they share — on
 * PostgreSQL with Redis they are equal; on one SQLite file they take turns writing (WAL), and
 * without Redis each keeps its own rate-limit counters and micro-cache.
 */
import cluster, { type Worker } from 'node:cluster'

export const STOP_TIMEOUT_MS = 15_000
const RESTART_DELAY_MS = 1_000
/** this many deaths within CRASH_WINDOW_MS of each other: stop trying */
const CRASH_LIMIT = 5
const CRASH_WINDOW_MS = 30_000

const log = (message: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, role: 'primary', ...fields, msg: message }))

export function runPrimary(workers: number): void {
  let stopping = false
  const deaths: number[] = []

  const fork = (): Worker => cluster.fork()
  for (let i = 0; i < workers; i++) fork()
  log(`已启动 ${workers} 个工作进程`, { workers })

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log('所有工作进程已退出')
        process.exit(0)
      }
      return
    }
    const now = Date.now()
    deaths.push(now)
    while (deaths.length && now - deaths[0] > CRASH_WINDOW_MS) deaths.shift()
    if (deaths.length >= CRASH_LIMIT) {
      log(`工作进程在 ${CRASH_WINDOW_MS / 1000} 秒内退出了 ${deaths.length} 次，不再重启，请检查配置和日志`, { code, signal })
      stopping = true
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
      process.exitCode = 1
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1)
      return
    }
    log('工作进程意外退出，稍后重启', { worker: worker.id, code, signal })
    setTimeout(() => {
      if (!stopping) fork()
    }, RESTART_DELAY_MS).unref()
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log('正在停止所有工作进程', { signal })
    const alive = Object.values(cluster.workers ?? {})
    if (alive.length === 0) process.exit(0)
    // each worker closes gracefully on SIGTERM (main.ts)
    for (const w of alive) w?.process.kill('SIGTERM')
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL')
      process.exit(1)
    }, STOP_TIMEOUT_MS).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
