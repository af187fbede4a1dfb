/**
 * Dev login as the local demo uses it: an organisation on the account, the 演示模式 flag every
 * page reads, the warning at start, nothing of it when off, and a server that will not start
 * with it on a reachable address.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ROOT_DIR } from '../../../config'
import type { Store } from '../../../store/store'
import { postJson, startTestServer } from '../../../../test/api/helpers/test-server'

const orgOf = async (store: Store, userId: string) =>
  (await store.database.kysely.selectFrom('users').select('org_code').where('id', '=', userId).executeTakeFirstOrThrow()).org_code

it('takes an organisation, stores it on the account, and keeps a county editor apart from the city one', async () => {
  const log: string[] = []
  const server = await startTestServer({ devLogin: true, logger: true, logLevel: 'info', logStream: { write: (l) => void log.push(l) } })
  try {
    expect(log.some((l) => l.includes('"level":40') && l.includes('开发登录已开启'))).toBe(true)

    const county = await (await server.api('/auth/dev', postJson({ role: 'admin', org: '331082', name: '临海管理员' }))).json()
    const city = await (await server.api('/auth/dev', postJson({ role: 'admin', org: '331000', name: '临海管理员' }))).json()
    const township = await (await server.api('/auth/dev', postJson({ role: 'staff', org: '331002001' }))).json()
    const none = await (await server.api('/auth/dev', postJson({ role: 'admin', name: '临海管理员' }))).json()
    expect(await orgOf(server.store, county.user.id)).toBe('331082')
    expect(await orgOf(server.store, city.user.id)).toBe('331000')
    expect(await orgOf(server.store, township.user.id)).toBe('331002001')
    // staff without `org` act for the city (a staff account without an organisation would see nothing)
    expect(await orgOf(server.store, none.user.id)).toBe('331000')
    expect(new Set([county.user.id, city.user.id, none.user.id]).size).toBe(3)

    for (const org of ['330100', '12', '331082x', '331002001003', '']) {
      const res = await server.api('/auth/dev', postJson({ role: 'admin', org }))
      expect(res.status).toBe(400)
      expect((await res.json()).error.message).toMatch(/^请选择所在单位的地区/)
    }

    const config = await server.api('/app-config')
    expect(config.status).toBe(200)
    expect(config.headers.get('cache-control')).toBe('public, max-age=60')
    expect(await config.json()).toEqual({ demo: true, lectureLeadDays: 3 })
  } finally {
    await server.close()
  }
})

it('off: no /auth/dev, no banner, no warning', async () => {
  const log: string[] = []
  const server = await startTestServer({ logger: true, logLevel: 'info', logStream: { write: (l) => void log.push(l) } })
  try {
    expect((await server.api('/auth/dev', postJson({ role: 'admin' }))).status).toBe(404)
    expect(await (await server.api('/app-config')).json()).toEqual({ demo: false, lectureLeadDays: 3 })
    expect(log.some((l) => l.includes('开发登录已开启'))).toBe(false)
  } finally {
    await server.close()
  }
})

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'server/main.ts')], {
      cwd: ROOT_DIR,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env } as unknown as NodeJS.ProcessEnv,
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

it('npm run serve refuses to start with dev login on a non-loopback HOST, in one Chinese line', async () => {
  const { code, stderr } = await runMain({ HOST: '0.0.0.0', ALLOW_DEV_LOGIN: '1', DATA_DIR: '/nonexistent-never-opened' })
  expect(code).toBe(1)
  expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^配置错误：开发登录只能在本机地址上开启：HOST=0\.0\.0\.0 不是回环地址/)])
}, 30_000)
