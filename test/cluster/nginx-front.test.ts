/**
 * `npm run test:cluster`: deploy/nginx.conf itself, run by a real nginx in front of two real
 * instances (TRUST_PROXY=1, the app's own limits on), as docker-compose.yml runs them. The config
 * is the deployed file with only its upstream servers (app1:8080, app2:8080) and `listen 80`
 * replaced, wrapped in the `events {}` / `http {}` it needs; nginx must be installed (CI installs
 * nginx-light), this test fails without it.
 *
 * The clients are loopback addresses of their own (127.0.0.2, .3, .4; nginx talks to the apps from
 * 127.0.0.1), so nginx's $remote_addr tells them apart and the address an instance saw shows
 * where it came from. What an instance saw is its request log (LOG_LEVEL=info on stdout).
 *
 * Checks through nginx: the health check; reads answered by both instances; a client's own
 * X-Forwarded-For ignored (the app sees nginx's view of the peer); a flood of the quiz submit with
 * random bearer tokens from one address refused by nginx with the app's own 429 (JSON in Chinese,
 * Retry-After) while the instances see no more than the limit lets through, and neither the
 * static paths from that address nor the API from another address are refused meanwhile.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders, request } from 'node:http'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { deleteKeys } from '../../server/redis/client'
import { freePort, ROOT, type ServerProcess, startServerProcess, testServerEnv } from '../support/server-process'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const DATABASE_URL = process.env.DATABASE_URL
const PREFIX = `zct-nginx-${process.pid}-${Date.now()}:`

const DEPLOYED = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
/** the limit on /api/, as the deployed file sets it */
const RATE = Number(/^limit_req_zone \S+ zone=\w+:\w+ rate=(\d+)r\/s;$/m.exec(DEPLOYED)?.[1] ?? NaN)
const BURST = Number(/^\s*limit_req zone=\w+ burst=(\d+) nodelay;$/m.exec(DEPLOYED)?.[1] ?? NaN)

const REFUSAL = { error: { code: 'rate_limited', message: '请求过于频繁，请 1 秒后再试' } }

jest.setTimeout(180_000)

/** the nginx binary: on PATH, or where Debian puts it (/usr/sbin is not on every user's PATH) */
function findNginx(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin']
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, 'nginx'), constants.X_OK)
      return join(dir, 'nginx')
    } catch {
      // not here
    }
  }
  return undefined
}

/** `from` replaced by `to`, where the deployed file has it exactly once */
function swap(conf: string, from: string, to: string): string {
  const found = conf.split(from).length - 1
  if (found !== 1) throw new Error(`deploy/nginx.conf has ${found} × "${from}", not one: update test/cluster/nginx-front.test.ts to its new shape`)
  return conf.replace(from, to)
}

/** deploy/nginx.conf pointed at the two instances and listening on `port`; pid, logs and temp files in `dir` */
function testNginxConfig(deployed: string, dir: string, port: number, upstreams: [number, number]): string {
  let conf = swap(deployed, 'server app1:8080 ', `server 127.0.0.1:${upstreams[0]} `)
  conf = swap(conf, 'server app2:8080 ', `server 127.0.0.1:${upstreams[1]} `)
  conf = swap(conf, 'listen 80;', `listen 127.0.0.1:${port};`)
  conf = swap(conf, 'access_log /var/log/nginx/access.log ', `access_log ${dir}/access.log `)
  return [
    '# test/cluster/nginx-front.test.ts: deploy/nginx.conf with its upstreams and port replaced',
    `pid ${dir}/nginx.pid;`,
    // notice, as the nginx image logs: a refusal's line (with its request line) would show here
    `error_log ${dir}/error.log notice;`,
    'worker_processes 1;',
    'events {}',
    'http {',
    `access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`),
    conf,
    '}',
    '',
  ].join('\n')
}

interface LogLine {
  msg?: string
  req?: { method: string; url: string; remoteAddress: string }
  res?: { statusCode: number }
}

interface Instance extends ServerProcess {
  name: string
  /** its request log so far */
  log: LogLine[]
}

interface Nginx {
  port: number
  child: ChildProcess
  exited: Promise<void>
  /** what it wrote on stderr and to its error log */
  errors(): string
}

const dataDir = mkdtempSync(join(tmpdir(), 'zct-nginx-data-'))
const nginxDir = mkdtempSync(join(tmpdir(), 'zct-nginx-'))
// run as root, nginx's workers are `nobody`: they write their temp files under here
chmodSync(nginxDir, 0o755)

async function startInstance(name: string): Promise<Instance> {
  const log: LogLine[] = []
  let partial = ''
  const server = await startServerProcess({
    name: `instance ${name}`,
    // behind nginx as deployed: the client's address from its X-Forwarded-For, the app's own limits on
    // (dev sign-in refuses to run behind a proxy, and none is needed here)
    env: testServerEnv(dataDir, {
      DATABASE_URL,
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      WORKERS: '1',
      TRUST_PROXY: '1',
      ALLOW_DEV_LOGIN: '0',
      RATE_LIMIT: '1',
      LOG_LEVEL: 'info',
    }),
    ready: (res) => res.ok,
    stdout: (text) => {
      const lines = (partial + text).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        try {
          log.push(JSON.parse(line) as LogLine)
        } catch {
          // not a log line
        }
      }
    },
  })
  return { ...server, name, log }
}

async function startNginx(bin: string, upstreams: [number, number]): Promise<Nginx> {
  const port = await freePort()
  const conf = join(nginxDir, 'nginx.conf')
  writeFileSync(conf, testNginxConfig(DEPLOYED, nginxDir, port, upstreams))
  const child = spawn(bin, ['-p', `${nginxDir}/`, '-c', conf, '-e', join(nginxDir, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const errors = () => {
    let log = ''
    try {
      log = readFileSync(join(nginxDir, 'error.log'), 'utf8')
    } catch {
      // not made yet
    }
    return `${stderr}${log}`.trim()
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited with ${child.exitCode ?? child.signalCode}:\n${errors()}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return { port, child, exited, errors }
    } catch {
      // not listening yet
    }
    await delay(100)
  }
  child.kill('SIGTERM')
  throw new Error(`nginx did not answer within 30 s:\n${errors()}`)
}

/** a client on a loopback address of its own, many connections at once */
class Client {
  readonly agent: Agent
  constructor(readonly address: string) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 })
  }

  send(method: string, path: string, headers: OutgoingHttpHeaders = {}, body?: string): Promise<Answer> {
    const sent = body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: nginx.port, localAddress: this.address, agent: this.agent, method, path, headers: sent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      })
      req.on('error', reject)
      req.end(body)
    })
  }
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

let A: Instance | undefined
let B: Instance | undefined
let nginx: Nginx
const client = new Client('127.0.0.2')
const flooder = new Client('127.0.0.3')
const neighbour = new Client('127.0.0.4')

beforeAll(async () => {
  const bin = findNginx()
  if (!bin) {
    throw new Error(
      'nginx is not installed (not on PATH, nor /usr/sbin/nginx): this test runs deploy/nginx.conf with a real nginx. ' +
        'Install it, e.g. `apt-get install -y --no-install-recommends nginx-light` (.ci/run does)',
    )
  }
  if (!(RATE > 0 && BURST > 0)) throw new Error('deploy/nginx.conf: no `limit_req_zone … rate=<n>r/s;` and `limit_req zone=… burst=<n> nodelay;` found')
  // one after the other: the first makes the schema and seeds; the second finds them
  A = await startInstance('A')
  B = await startInstance('B')
  nginx = await startNginx(bin, [A.port, B.port])
})

afterAll(async () => {
  for (const c of [client, flooder, neighbour]) c.agent.destroy()
  if (nginx && nginx.child.exitCode === null && nginx.child.signalCode === null) {
    nginx.child.kill('SIGTERM') // fast shutdown: the workers end with it
    await nginx.exited
  }
  for (const i of [A, B]) await i?.stop()
  await deleteKeys(REDIS_URL, PREFIX)
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(nginxDir, { recursive: true, force: true })
})

const instances = () => [A!, B!]

/** a resident's question with a phone number: nginx must log neither */
const QUESTION = '我的电话13812345678，养猫有补贴吗'
const QUESTION_PATH = `/api/v1/qa/search?q=${encodeURIComponent(QUESTION)}`

/** the requests an instance logged for this path (and query), from whom */
function seen(on: Instance, url: (u: string) => boolean): NonNullable<LogLine['req']>[] {
  return on.log.flatMap((l) => (l.msg === 'incoming request' && l.req && url(l.req.url) ? [l.req] : []))
}

/** waits (the logs come through a pipe) until both instances together logged at least `n` such requests */
async function seenAtLeast(n: number, url: (u: string) => boolean): Promise<NonNullable<LogLine['req']>[]> {
  const deadline = Date.now() + 20_000
  const all = () => instances().flatMap((i) => seen(i, url))
  while (all().length < n && Date.now() < deadline) await delay(50)
  // one more moment for anything beyond `n`, which the caller's count would catch
  await delay(200)
  return all()
}

it('answers the health check, and reads from both instances', async () => {
  expect((await client.send('GET', '/api/v1/health')).status).toBe(200)
  const READS = 10
  for (let i = 0; i < READS; i++) expect((await client.send('GET', '/api/v1/videos/v003')).status).toBe(200)
  const reads = await seenAtLeast(READS, (u) => u === '/api/v1/videos/v003')
  expect(reads).toHaveLength(READS)
  // round robin over the two
  for (const on of instances()) expect(seen(on, (u) => u === '/api/v1/videos/v003').length).toBeGreaterThan(0)
})

it("takes the client's address from nginx, never from a header the client sent", async () => {
  const spoofed = { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', forwarded: 'for=203.0.113.9' }
  // a read the instances log (the health check is logged only at warn)
  expect((await client.send('GET', '/api/v1/videos/v003?spoofed=1', spoofed)).status).toBe(200)
  const [req] = await seenAtLeast(1, (u) => u === '/api/v1/videos/v003?spoofed=1')
  // nginx's view of the peer (the apps' own peer is nginx, at 127.0.0.1)
  expect(req.remoteAddress).toBe(client.address)
})

it('refuses a flood from one address with the app’s own 429, and nothing else', async () => {
  const STATIC = ['/', '/admin/', '/media/covers/c001.jpg']
  // what the static paths answer unhindered (in tests: the no-H5 notice, the console when built, a photo)
  const baseline = new Map<string, number>()
  for (const path of STATIC) baseline.set(path, (await client.send('GET', path)).status)
  for (const [, status] of baseline) expect(status).not.toBe(429)

  const isSubmit = (u: string) => /^\/api\/v1\/attempts\/flood-\d+\/submit$/.test(u)
  const FLOOD = 3_000
  const api: Answer[] = []
  const statics: { path: string; answer: Answer }[] = []
  const uploads: Answer[] = []
  const questions: Answer[] = []
  let others: Promise<Answer[]> | undefined
  const started = Date.now()
  await Promise.all(
    Array.from({ length: FLOOD }, async (_, i) => {
      // every tenth also a static file from the same address, amid the flood
      if (i % 10 === 0) {
        const path = STATIC[(i / 10) % STATIC.length]
        statics.push({ path, answer: await flooder.send('GET', path) })
      }
      // and every tenth an upload with a made-up token, and a resident's question
      if (i % 10 === 5) uploads.push(await flooder.send('GET', `/media/uploads/none-${i}.jpg`, { authorization: `Bearer ${randomBytes(32).toString('hex')}` }))
      if (i % 10 === 7) questions.push(await flooder.send('GET', QUESTION_PATH))
      const token = randomBytes(32).toString('hex')
      const answer = await flooder.send('POST', `/api/v1/attempts/flood-${i}/submit`, { authorization: `Bearer ${token}` }, '{"answers":{}}')
      api.push(answer)
      // once this address is refused: another address, meanwhile
      if (answer.status === 429 && !others) others = Promise.all(Array.from({ length: 20 }, (_, n) => neighbour.send('GET', `/api/v1/health?neighbour=${n}`)))
    }),
  )
  const seconds = (Date.now() - started) / 1000
  const counts = (answers: Answer[]) => answers.reduce<Record<number, number>>((c, a) => ({ ...c, [a.status]: (c[a.status] ?? 0) + 1 }), {})
  // amid the flood, the same address's uploads were limited too (the one other path that reads a bearer
  // token; the rest the app answered 404), another address's are not; a resident's question from the
  // flooding address was refused (its text must not reach nginx's logs), and another's let through
  for (const u of uploads) expect([404, 429]).toContain(u.status)
  for (const q of questions) expect([200, 429]).toContain(q.status)
  expect(uploads.filter((u) => u.status === 429).length).toBeGreaterThan(0)
  expect(questions.filter((q) => q.status === 429).length).toBeGreaterThan(0)
  expect((await neighbour.send('GET', '/media/uploads/none.jpg')).status).toBe(404)
  expect((await neighbour.send('GET', QUESTION_PATH)).status).toBe(200)
  const served = api.filter((a) => a.status !== 429).length
  console.log(`nginx flood: ${FLOOD} submits in ${seconds.toFixed(1)} s from one address: ${JSON.stringify(counts(api))} (limit ${RATE}/s, burst ${BURST})`)

  // the app answers a made-up token 401 (its own per-session limit never refuses one); nginx refuses the rest
  expect(Object.keys(counts(api)).sort()).toEqual(['401', '429'])
  for (const refused of api.filter((a) => a.status === 429)) {
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(refused.headers['retry-after']).toBe('1')
    expect(JSON.parse(refused.body)).toEqual(REFUSAL)
  }
  // the burst first, then RATE a second (+2 for nginx's millisecond rounding at either end)
  // over everything the address sent to the limited paths (its uploads and questions share the budget)
  const throughLimit = [...api, ...uploads, ...questions].filter((a) => a.status !== 429).length
  expect(throughLimit).toBeGreaterThanOrEqual(BURST + 1)
  expect(throughLimit).toBeLessThanOrEqual(BURST + 1 + Math.ceil(RATE * seconds) + 2)

  // the instances saw exactly what nginx let through, and refused none of it themselves
  const submits = await seenAtLeast(served, isSubmit)
  expect(submits).toHaveLength(served)
  expect(submits.every((r) => r.remoteAddress === flooder.address)).toBe(true)
  for (const on of instances()) expect(on.log.filter((l) => l.res?.statusCode === 429)).toEqual([])

  // the same address's static paths, amid the flood, and another address's API: not limited by it
  expect(statics).toHaveLength(FLOOD / 10)
  for (const { path, answer } of statics) expect({ path, status: answer.status }).toEqual({ path, status: baseline.get(path) })
  expect(others).toBeDefined()
  expect((await others!).map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200))

  // nginx's logs: the requests are there, by path, but no question and no refusal's request line
  const access = readFileSync(join(nginxDir, 'access.log'), 'utf8')
  expect(access).toContain('"GET /api/v1/qa/search HTTP/1.1" 429')
  expect(access).toContain('"GET /api/v1/qa/search HTTP/1.1" 200')
  const logs = access + readFileSync(join(nginxDir, 'error.log'), 'utf8')
  for (const trace of [encodeURIComponent(QUESTION), '13812345678', 'limiting requests']) expect(logs).not.toContain(trace)
})
