/** Staff accounts for tests, made the way the CLI and the admin routes make them. */
import type { Role, Session } from '../../../../common/contract'
import type { Store } from '../../../store/store'
import { postJson, type TestServer } from '../../../../test/api/helpers/test-server'
import { AccountsRepository } from '../../accounts/repository'
import { hashPassword } from '../password'

export const PASSWORD = 'taizhou-staff-2026'

export async function createAccount(
  store: Store,
  input: { username: string; role: Role; orgCode: string; name?: string; department?: string; password?: string },
) {
  const accounts = new AccountsRepository(store.database, store.now, () => store.orgNames())
  const account = await accounts.createAccount({
    username: input.username,
    name: input.name ?? input.username,
    role: input.role,
    orgCode: input.orgCode,
    department: input.department,
    passwordHash: await hashPassword(input.password ?? PASSWORD),
  })
  if (!account) throw new Error(`username taken: ${input.username}`)
  return account
}

export function passwordLogin(server: TestServer, username: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return server.api('/auth/password', postJson({ username, password }, headers))
}

export async function signIn(server: TestServer, username: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const res = await passwordLogin(server, username, password, headers)
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`)
  return (await res.json()) as Session
}

export const auth = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })
