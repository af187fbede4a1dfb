/**
 * The real server (or another TypeScript entry) in a Node process of its own, for what must run
 * outside the test's process: the two-instance test (test/cluster), the SIGKILL durability script
 * (scripts/durability-lectures.ts) and the benchmarks (scripts/bench/server-process.ts).
 * The entry runs with node itself and tsx as a loader (not the tsx CLI, which would run the server
 * in a grandchild), so a SIGKILL hits the server.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

export const ROOT = path.resolve(__dirname, '../..')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/**
 * The environment of a test server on `dataDir`: SQLite there (unless DATABASE_URL is given in
 * `extra`), dev sign-in on, rate limits off (the load comes from one address), warnings only, no H5.
 */
export function testServerEnv(dataDir: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    API_MODE: 'sqlite',
    ALLOW_DEV_LOGIN: '1',
    RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    STATIC_DIR: path.join(dataDir, 'no-h5'),
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v
  return env
}

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string
  port: number
  child: ChildProcess
  /** resolves when the process has ended (however it ended) */
  exited: Promise<void>
  /** sends the signal (SIGTERM by default) and waits for the end; nothing when it has ended */
  stop(signal?: NodeJS.Signals): Promise<void>
}

export interface StartOptions {
  /** default server/main.ts */
  entry?: string
  /** added to this process's environment (PORT and HOST are set here) */
  env?: Record<string, string>
  /** default: a free one (pass the last one to restart on the same address) */
  port?: number
  /** the path that answers once it is up (default /api/v1/health) */
  probe?: string
  /** what counts as up (default: any answer below 500) */
  ready?: (res: Response) => boolean
  timeoutMs?: number
  /** the child's stdout: ignored by default; a function is handed it as it comes (its request log, at LOG_LEVEL=info) */
  stdout?: 'ignore' | 'inherit' | ((text: string) => void)
  name?: string
}

/** starts the entry and waits until its probe answers; kills it and throws when it does not */
export async function startServerProcess(options: StartOptions = {}): Promise<ServerProcess> {
  const { entry = 'server/main.ts', probe = '/api/v1/health', timeoutMs = 120_000, name = entry } = options
  const ready = options.ready ?? ((res: Response) => res.status < 500)
  const port = options.port ?? (await freePort())
  // SERVER_NODE_ARGS: extra Node flags for the child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a benchmark's server
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', typeof options.stdout === 'function' ? 'pipe' : (options.stdout ?? 'ignore'), 'inherit'],
  })
  // read from the start: a full pipe would block the child's writes (synchronous on Linux), and its start with them
  if (typeof options.stdout === 'function') child.stdout?.setEncoding('utf8').on('data', options.stdout)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ended = () => child.exitCode !== null || child.signalCode !== null
  const url = `http://127.0.0.1:${port}`
  const running: ServerProcess = {
    url,
    port,
    child,
    exited,
    async stop(signal = 'SIGTERM') {
      if (ended()) return
      child.kill(signal)
      await exited
    },
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (ended()) throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode}`)
    try {
      if (ready(await fetch(url + probe))) return running
    } catch {
      // not up yet
    }
    // polls for the condition (the process answering), not a fixed wait
    await delay(100)
  }
  await running.stop('SIGKILL')
  throw new Error(`${name} did not answer ${probe} within ${timeoutMs} ms`)
}
