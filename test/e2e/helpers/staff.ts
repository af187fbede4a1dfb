/**
 * Staff for the e2e specs: accounts made with `npm run admin -- create-user` on the e2e server's
 * database (as an operator makes them beside the server), and 工作人员登录 in the console.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { BASE_URL } from '../browser'

const ROOT = path.resolve(__dirname, '../../..')
/** generous: the machine's two cores are shared with other builds and tests */
const SLOW = { timeout: 30_000 }

export interface StaffAccount {
  username: string
  role: string
  org: string
  /** shown in the console's header once signed in */
  name?: string
  department?: string
}

/** `npm run admin -- …` on the e2e server's database; `password` is what it sets (ADMIN_PASSWORD) */
export async function adminCli(args: string[], password: string): Promise<string> {
  const dataDir = process.env.E2E_DATA_DIR
  assert.ok(dataDir, 'E2E_DATA_DIR: run the specs through test/e2e/run.mjs')
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: password },
  })
  return stdout.trim()
}

/** creates the account with this password; what the command said (「已创建账号 …」, checked) */
export async function createStaff(account: StaffAccount, password: string): Promise<string> {
  const args = ['create-user', '--username', account.username, '--role', account.role, '--org', account.org]
  if (account.name) args.push('--name', account.name)
  if (account.department) args.push('--department', account.department)
  const said = await adminCli(args, password)
  assert.match(said, new RegExp(`已创建账号 ${account.username}`))
  return said
}

/** 工作人员登录 at /admin/ with username and password; done when the console shows the account's name */
export async function signInToConsole(page: Page, account: Pick<StaffAccount, 'username' | 'name'>, password: string): Promise<void> {
  await page.goto(`${BASE_URL}/admin/`)
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor(SLOW)
  await page.getByLabel('用户名').fill(account.username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page
    .getByText(account.name ?? account.username)
    .first()
    .waitFor(SLOW)
}
