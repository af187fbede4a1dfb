/**
 * Staff sign-in over the real server and its database (SQLite, or PostgreSQL under test:pg): the
 * session shape, a wrong username answering like a wrong password, the lock after 5 wrong
 * passwords, the per-IP limit, disabled accounts, the 12 h idle end of staff sessions, logout,
 * 登录设备 and password change, and a log that never holds a password, username or token.
 */
import { createHash } from 'node:crypto'
import type { SessionInfo, User } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { AccountsRepository } from '../../accounts/repository'
import { auth, createAccount, PASSWORD, passwordLogin, signIn } from './helpers'

jest.setTimeout(30_000)

const clock = makeClock(new Date('2026-12-01T02:00:00Z'))
let server: TestServer
const log: string[] = []

beforeAll(async () => {
  // the per-IP sign-in limit has its own server below: here one IP signs in far more than 20 times
  server = await startTestServer({
    now: clock.now,
    devLogin: true,
    rateLimit: false,
    logger: true,
    logLevel: 'trace',
    logStream: { write: (line) => void log.push(line) },
  })
  await createAccount(server.store, { username: 'xianju.hr', name: '仙居人社', role: 'responder', orgCode: '331024', department: '人力社保局' })
  await createAccount(server.store, { username: 'lockme', role: 'dispatcher', orgCode: '331002' })
  await createAccount(server.store, { username: 'idle', role: 'dispatcher', orgCode: '331002' })
  await createAccount(server.store, { username: 'devices', role: 'editor', orgCode: '331000' })
  await createAccount(server.store, { username: 'changer', role: 'reviewer', orgCode: '331003' })
  await createAccount(server.store, { username: 'to-disable', role: 'staff', orgCode: '331024101' })
})
afterAll(() => server.close())

const me = (token: string) => server.api('/auth/me', bearer(token))

describe('POST /auth/password', () => {
  it('answers the same Session shape as WeChat sign-in, with role and organisation; staff sessions last 12 h', async () => {
    const session = await signIn(server, 'XianJu.HR')
    expect(session.token).toMatch(/^[0-9a-f]{64}$/)
    expect(session.user).toEqual({
      id: expect.any(String),
      nickname: '仙居人社',
      role: 'responder',
      org: { code: '331024', name: '仙居县', department: '人力社保局' },
    })
    expect(Date.parse(session.expiresAt) - clock.now().getTime()).toBe(12 * 3600_000)
    const res = await me(session.token)
    expect((await res.json()) as User).toEqual(session.user)
  })

  it('a wrong username answers exactly like a wrong password, after a password hash too', async () => {
    const timed = async (username: string) => {
      const started = performance.now()
      const res = await passwordLogin(server, username, 'not-the-password-1')
      return { status: res.status, body: await res.json(), ms: performance.now() - started }
    }
    const wrongPassword = await timed('xianju.hr')
    const wrongUser = await timed('nobody-here')
    expect(wrongPassword.status).toBe(401)
    expect(wrongUser.status).toBe(401)
    expect(wrongUser.body).toEqual(wrongPassword.body)
    expect(wrongUser.body).toEqual({ error: { code: 'unauthorized', message: '用户名或密码不正确' } })
    // both paths run scrypt (N=2^15: tens of milliseconds); a skipped hash would answer in ~1 ms
    expect(wrongUser.ms).toBeGreaterThan(20)
    expect(wrongPassword.ms).toBeGreaterThan(20)
  })

  it('5 wrong passwords lock the account for 15 minutes, the right one included, with the time left', async () => {
    for (let i = 1; i <= 4; i++) expect((await passwordLogin(server, 'lockme', `wrong-password-${i}`)).status).toBe(401)
    const fifth = await passwordLogin(server, 'lockme', 'wrong-password-5')
    expect(fifth.status).toBe(429)
    expect(fifth.headers.get('retry-after')).toBe('900')
    expect(await fifth.json()).toEqual({ error: { code: 'rate_limited', message: '账号已锁定，请 15 分钟后再试' } })

    clock.advance(10 * 60_000)
    const right = await passwordLogin(server, 'lockme')
    expect(right.status).toBe(429)
    expect(right.headers.get('retry-after')).toBe('300')
    expect(((await right.json()) as { error: { message: string } }).error.message).toBe('账号已锁定，请 5 分钟后再试')

    clock.advance(5 * 60_000 + 1000)
    expect((await passwordLogin(server, 'lockme')).status).toBe(200)
  })

  it('an unknown username locks the same way, so the lock tells nothing about which accounts exist', async () => {
    for (let i = 1; i <= 4; i++) expect((await passwordLogin(server, 'ghost-user', `wrong-password-${i}`)).status).toBe(401)
    expect((await passwordLogin(server, 'ghost-user', 'wrong-password-5')).status).toBe(429)
  })

  it('wrong passwords further apart than 15 minutes start counting again; a success resets the count', async () => {
    await createAccount(server.store, { username: 'slow-typist', role: 'lecturer', orgCode: '331081' })
    for (let i = 0; i < 4; i++) expect((await passwordLogin(server, 'slow-typist', 'wrong-password-x')).status).toBe(401)
    clock.advance(16 * 60_000)
    expect((await passwordLogin(server, 'slow-typist', 'wrong-password-x')).status).toBe(401)
    expect((await passwordLogin(server, 'slow-typist')).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await passwordLogin(server, 'slow-typist', 'wrong-password-x')).status).toBe(401)
    expect((await passwordLogin(server, 'slow-typist')).status).toBe(200)
  })

  it('a disabled account cannot sign in, and its sessions stop working at once', async () => {
    const session = await signIn(server, 'to-disable')
    expect((await me(session.token)).status).toBe(200)
    const accounts = new AccountsRepository(server.store.database, server.store.now, () => server.store.orgNames())
    // disabled behind the API's back (as another instance or the CLI would): the next request is refused
    await server.store.database.kysely.updateTable('users').set({ disabled_at: clock.now().toISOString() }).where('id', '=', session.user.id).execute()
    expect((await me(session.token)).status).toBe(401)
    await accounts.setDisabled(session.user.id, false)
    expect((await passwordLogin(server, 'to-disable')).status).toBe(200)
  })

  it('a disabled account answers the right password exactly like a wrong one, after a hash, and the tries count (review L2)', async () => {
    const account = await createAccount(server.store, { username: 'was-staff', role: 'responder', orgCode: '331002' })
    const accounts = new AccountsRepository(server.store.database, server.store.now, () => server.store.orgNames())
    await accounts.setDisabled(account.id, true)
    const timed = async (password: string) => {
      const started = performance.now()
      const res = await passwordLogin(server, 'was-staff', password)
      return { status: res.status, body: await res.json(), ms: performance.now() - started }
    }
    const right = await timed(PASSWORD)
    const wrong = await timed('wrong-password-1')
    expect(right.status).toBe(401)
    expect(right.body).toEqual({ error: { code: 'unauthorized', message: '用户名或密码不正确' } })
    expect(wrong.body).toEqual(right.body)
    // the password was checked on both paths (scrypt: tens of milliseconds), not refused early
    expect(right.ms).toBeGreaterThan(20)
    // the right password counts towards the lock like any other try: 5 in all lock the username
    for (let i = 0; i < 2; i++) expect((await passwordLogin(server, 'was-staff')).status).toBe(401)
    expect((await passwordLogin(server, 'was-staff')).status).toBe(429)
    // enabled again: the lock still holds until it ends, then the password works
    await accounts.setDisabled(account.id, false)
    expect((await passwordLogin(server, 'was-staff')).status).toBe(429)
    clock.advance(15 * 60_000 + 1000)
    expect((await passwordLogin(server, 'was-staff')).status).toBe(200)
  })

  it('counts a try before checking it: 20 parallel wrong passwords get at most 5 checks (review M1)', async () => {
    await createAccount(server.store, { username: 'raced', role: 'dispatcher', orgCode: '331002' })
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => passwordLogin(server, 'raced', `wrong-password-${i}`)))
    const statuses = answers.map((r) => r.status)
    const checked = statuses.filter((s) => s === 401).length
    expect(checked).toBeLessThanOrEqual(5)
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true)
    // the same holds for unknown usernames, and the lock is on: the right password waits too
    const ghosts = await Promise.all(Array.from({ length: 20 }, () => passwordLogin(server, 'raced-ghost', 'wrong-password-1')))
    expect(ghosts.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5)
    expect((await passwordLogin(server, 'raced')).status).toBe(429)
    clock.advance(15 * 60_000 + 1000)
    expect((await passwordLogin(server, 'raced')).status).toBe(200)
  })

  it('a right password among parallel wrong ones still signs in while slots are left, and clears the count', async () => {
    await createAccount(server.store, { username: 'busy-desk', role: 'dispatcher', orgCode: '331002' })
    const [right, ...wrong] = await Promise.all([
      passwordLogin(server, 'busy-desk'),
      passwordLogin(server, 'busy-desk', 'wrong-password-1'),
      passwordLogin(server, 'busy-desk', 'wrong-password-2'),
    ])
    expect(right.status).toBe(200)
    expect(wrong.map((r) => r.status)).toEqual([401, 401])
  })

  it('refuses malformed bodies in Chinese, never with a 5xx', async () => {
    for (const body of [{}, { username: '', password: 'x' }, { username: 'a'.repeat(65), password: 'x' }, { username: 'a', password: { x: 1 } }, []]) {
      const res = await server.api('/auth/password', postJson(body))
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/请输入|参数错误/)
    }
  })
})

describe('staff sessions', () => {
  const lastSeen = async (token: string) => {
    const hash = createHash('sha256').update(token).digest('hex')
    const row = await server.store.database.kysely.selectFrom('sessions').select('last_seen_at').where('token_hash', '=', hash).executeTakeFirstOrThrow()
    return row.last_seen_at
  }

  it('end after 12 h unused; use keeps them alive, and last-seen is written at most once a minute', async () => {
    const { token } = await signIn(server, 'idle')
    const first = await lastSeen(token)
    clock.advance(30_000)
    expect((await me(token)).status).toBe(200)
    expect(await lastSeen(token)).toBe(first)
    clock.advance(31_000)
    expect((await me(token)).status).toBe(200)
    expect(await lastSeen(token)).toBe(clock.now().toISOString())

    clock.advance(11 * 3600_000)
    expect((await me(token)).status).toBe(200)
    clock.advance(11 * 3600_000)
    expect((await me(token)).status).toBe(200)
    clock.advance(12 * 3600_000 + 1000)
    const expired = await me(token)
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual({ error: { code: 'unauthorized', message: '登录已过期，请重新登录' } })
  })

  it('residents keep the fixed 30 days', async () => {
    const resident = await server.api('/auth/dev', postJson({ role: 'resident', name: '三十天居民' }))
    const { token, expiresAt } = (await resident.json()) as { token: string; expiresAt: string }
    expect(Date.parse(expiresAt) - clock.now().getTime()).toBe(30 * 86_400_000)
    clock.advance(20 * 86_400_000)
    expect((await me(token)).status).toBe(200)
    clock.advance(10 * 86_400_000)
    expect((await me(token)).status).toBe(401)
  })

  it('POST /auth/logout revokes the session it came with, and only that one', async () => {
    const a = await signIn(server, 'devices')
    const b = await signIn(server, 'devices')
    const out = await server.api('/auth/logout', { method: 'POST', headers: auth(a.token) })
    expect(out.status).toBe(200)
    expect(await out.json()).toEqual({ ok: true })
    expect((await me(a.token)).status).toBe(401)
    expect((await me(b.token)).status).toBe(200)
    expect((await server.api('/auth/logout', { method: 'POST', headers: auth(a.token) })).status).toBe(401)
  })

  it('GET /auth/sessions lists live sessions with device, masked IP and the current one; DELETE revokes one of mine only', async () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47'
    const windows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
    await server.api('/auth/logout', { method: 'POST', headers: auth((await signIn(server, 'devices')).token) })
    const phone = await signIn(server, 'devices', PASSWORD, { 'user-agent': iphone })
    clock.advance(2 * 60_000)
    const desk = await signIn(server, 'devices', PASSWORD, { 'user-agent': windows })

    const res = await server.api('/auth/sessions', bearer(desk.token))
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(desk.token)
    expect(text).not.toContain(phone.token)
    expect(text).not.toMatch(/token|hash/i)
    const list = JSON.parse(text) as SessionInfo[]
    const current = list.find((s) => s.current)!
    expect(current).toMatchObject({ device: 'Chrome · Windows', ip: '127.0.0.*' })
    const other = list.find((s) => s.device === '微信 · iPhone')!
    expect(other).toMatchObject({ current: false, ip: '127.0.0.*' })
    expect(list.filter((s) => s.current)).toHaveLength(1)

    // someone else's session id is a 404, as is an unknown one
    const stranger = await signIn(server, 'xianju.hr')
    expect((await server.api(`/auth/sessions/${other.id}`, { method: 'DELETE', headers: auth(stranger.token) })).status).toBe(404)
    expect((await server.api('/auth/sessions/nope', { method: 'DELETE', headers: auth(desk.token) })).status).toBe(404)
    expect((await me(phone.token)).status).toBe(200)

    const revoked = await server.api(`/auth/sessions/${other.id}`, { method: 'DELETE', headers: auth(desk.token) })
    expect(revoked.status).toBe(200)
    expect((await me(phone.token)).status).toBe(401)
    const after = (await (await server.api('/auth/sessions', bearer(desk.token))).json()) as SessionInfo[]
    expect(after.map((s) => s.id)).not.toContain(other.id)
  })

  it('POST /auth/password/change checks the current password and the rules, then ends every other session', async () => {
    const here = await signIn(server, 'changer')
    const there = await signIn(server, 'changer')
    const change = (body: unknown, token = here.token) => server.api('/auth/password/change', postJson(body, auth(token)))

    const wrong = await change({ current: 'not-my-password', next: 'a-new-password-1' })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({ error: { code: 'bad_request', message: '当前密码不正确' } })
    expect((await me(here.token)).status).toBe(200)

    const weak = await change({ current: PASSWORD, next: '1234567890123' })
    expect(((await weak.json()) as { error: { message: string } }).error.message).toBe('密码不能全是数字，请加入字母或符号')
    expect(((await (await change({ current: PASSWORD, next: 'short' })).json()) as { error: { message: string } }).error.message).toBe('密码至少 10 个字符')

    // parallel wrong current passwords: at most 5 are checked, the rest wait out the lock
    const raced = await Promise.all(Array.from({ length: 12 }, (_, i) => change({ current: `not-my-password-${i}`, next: 'a-new-password-1' })))
    expect(raced.filter((r) => r.status === 400).length).toBeLessThanOrEqual(5)
    expect(raced.filter((r) => r.status !== 400).every((r) => r.status === 429)).toBe(true)
    expect((await change({ current: PASSWORD, next: 'a-new-password-1' })).status).toBe(429)
    clock.advance(15 * 60_000 + 1000)
    // a right current password clears the count even when the new one is refused
    for (let i = 0; i < 6; i++) expect((await change({ current: PASSWORD, next: 'short' })).status).toBe(400)

    const ok = await change({ current: PASSWORD, next: 'a-new-password-1' })
    expect(ok.status).toBe(200)
    expect((await me(here.token)).status).toBe(200)
    expect((await me(there.token)).status).toBe(401)
    expect((await passwordLogin(server, 'changer')).status).toBe(401)
    expect((await passwordLogin(server, 'changer', 'a-new-password-1')).status).toBe(200)
  })

  it('password change is for password accounts only', async () => {
    const dev = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: '没有密码' }))).json()) as { token: string }
    const res = await server.api('/auth/password/change', postJson({ current: 'x', next: 'a-new-password-1' }, auth(dev.token)))
    expect(res.status).toBe(400)
    expect((await server.api('/auth/password/change', postJson({ current: 'x', next: 'y' }))).status).toBe(401)
  })
})

describe('the log', () => {
  it('holds no password, username or token of a sign-in, right or wrong', async () => {
    log.length = 0
    const wrongPassword = 'Wrong-Secret-Passw0rd'
    await passwordLogin(server, 'xianju.hr', wrongPassword)
    const session = await signIn(server, 'xianju.hr')
    await me(session.token)
    const text = log.join('\n')
    expect(log.length).toBeGreaterThan(3)
    expect(text).toContain('password sign-in refused')
    expect(text).not.toContain(wrongPassword)
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain(session.token)
    expect(text).not.toContain('xianju.hr')
  })
})

describe('per IP', () => {
  it('20 sign-in attempts in 10 minutes, then 429 with Retry-After, whatever the usernames', async () => {
    const other = await startTestServer({})
    try {
      const statuses: number[] = []
      for (let i = 0; i < 21; i++) statuses.push((await passwordLogin(other, `someone-${i}`, 'wrong-password-1')).status)
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
      expect(statuses[20]).toBe(429)
      const res = await passwordLogin(other, 'someone-else', 'wrong-password-1')
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^登录尝试过于频繁，请 \d+ 分钟后再试$/)
    } finally {
      await other.close()
    }
  })
})
