/**
 * `npm run admin` as an operator runs it: a child process on a temp DATA_DIR (under test:pg with
 * DATABASE_URL, the PostgreSQL database of the test server on that directory), then the server on
 * that directory and a sign-in through the API.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import type { Session } from '../../../../common/contract'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { bearer, startTestServer, testDatabaseUrlFor } from '../../../../test/api/helpers/test-server'
import { passwordLogin } from '../../auth/__tests__/helpers'

jest.setTimeout(90_000)

const ROOT = join(__dirname, '../../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

async function admin(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  // the database the test server on dataDir uses: PostgreSQL under test:pg, else the SQLite file in dataDir
  const databaseUrl = await testDatabaseUrlFor(dataDir)
  const childEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...env }
  if (env.ADMIN_PASSWORD === undefined) delete (childEnv as Record<string, string | undefined>).ADMIN_PASSWORD
  if (databaseUrl === undefined) delete (childEnv as Record<string, string | undefined>).DATABASE_URL
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'scripts/admin.ts'), ...args], { cwd: ROOT, env: childEnv, timeout: 60_000, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

const temp = makeTempDir('zct-admin-cli-')
afterAll(() => temp.remove())

it('creates the first admin, who then signs in through the API; reset-password, disable and list work on the same database', async () => {
  const created = await admin(
    temp.path,
    ['create-user', '--username', 'WangFang', '--role', 'admin', '--org', '331000', '--department', '大数据局', '--name', '王芳'],
    {
      ADMIN_PASSWORD: 'first-admin-2026',
    },
  )
  expect(created).toMatchObject({ code: 0, stdout: '已创建账号 wangfang（王芳，admin，台州市 大数据局）\n' })
  expect(created.stdout + created.stderr).not.toContain('first-admin-2026')

  const duplicate = await admin(temp.path, ['create-user', '--username', 'wangfang', '--role', 'admin', '--org', '331000'], {
    ADMIN_PASSWORD: 'first-admin-2026',
  })
  expect(duplicate.code).toBe(1)
  expect(duplicate.stderr).toContain('用户名已存在')
  const weak = await admin(temp.path, ['create-user', '--username', 'li', '--role', 'editor', '--org', '331024'], { ADMIN_PASSWORD: '123' })
  expect(weak.code).toBe(1)
  const usage = await admin(temp.path, ['create-user', '--username', 'zhao', '--role', 'admin'], { ADMIN_PASSWORD: 'first-admin-2026' })
  expect(usage.code).toBe(2)
  expect(usage.stderr).toContain('缺少 --org')
  // without ADMIN_PASSWORD and without a terminal there is nobody to ask
  const noPassword = await admin(temp.path, ['create-user', '--username', 'zhao', '--role', 'admin', '--org', '331024'])
  expect(noPassword.code).toBe(2)
  expect(noPassword.stderr).toContain('ADMIN_PASSWORD')

  let server = await startTestServer({ dataDir: temp.path, rateLimit: false })
  try {
    const res = await passwordLogin(server, 'wangfang', 'first-admin-2026')
    expect(res.status).toBe(200)
    const session = (await res.json()) as Session
    expect(session.user).toMatchObject({ nickname: '王芳', role: 'admin', org: { code: '331000', name: '台州市', department: '大数据局' } })
    const accounts = await server.api('/admin/accounts', bearer(session.token))
    expect(accounts.status).toBe(200)
    const audit = (await (await server.api('/admin/audit?action=account', bearer(session.token))).json()) as {
      items: { actor: { id: string; name: string } }[]
    }
    expect(audit.items[0].actor).toMatchObject({ id: 'cli', name: expect.stringMatching(/^命令行/) })
  } finally {
    await server.close()
  }

  expect((await admin(temp.path, ['reset-password', '--username', 'wangfang'], { ADMIN_PASSWORD: 'second-admin-2026' })).code).toBe(0)
  expect((await admin(temp.path, ['disable', '--username', 'nobody'])).stderr).toContain('找不到用户名为 nobody 的账号')
  const listed = await admin(temp.path, ['list'])
  expect(listed.stdout).toBe('wangfang\t王芳\tadmin\t台州市 大数据局\t正常\n')

  server = await startTestServer({ dataDir: temp.path, rateLimit: false })
  try {
    expect((await passwordLogin(server, 'wangfang', 'first-admin-2026')).status).toBe(401)
    expect((await passwordLogin(server, 'wangfang', 'second-admin-2026')).status).toBe(200)
  } finally {
    await server.close()
  }

  expect((await admin(temp.path, ['disable', '--username', 'wangfang'])).code).toBe(0)
  server = await startTestServer({ dataDir: temp.path, rateLimit: false })
  try {
    expect((await passwordLogin(server, 'wangfang', 'second-admin-2026')).status).toBe(401) // disabled: like a wrong password (review L2)
  } finally {
    await server.close()
  }
})
