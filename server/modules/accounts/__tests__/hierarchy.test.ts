/**
 * The admin hierarchy (review L3): an admin acts on non-admin accounts of their organisation and
 * below, and on admins strictly below — never on a peer admin (no takeover by reset-password) or
 * on themselves by reset-password; an account disabled higher up is enabled again only there.
 */
import type { StaffAccount } from '../../../../common/contract'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { auth, createAccount, signIn } from '../../auth/__tests__/helpers'
import { AccountsRepository } from '../repository'

jest.setTimeout(60_000)

let server: TestServer
const tokens: Record<string, string> = {}
const ids: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer({ devLogin: false, rateLimit: false })
  const accounts: [string, string, string][] = [
    ['city-admin', 'admin', '331000'],
    ['city-admin-2', 'admin', '331000'],
    ['xj-admin', 'admin', '331024'],
    ['xj-admin-2', 'admin', '331024'],
    ['xj-town-admin', 'admin', '331024001'],
    ['xj-dispatcher', 'dispatcher', '331024'],
    ['xj-editor', 'editor', '331024'],
  ]
  for (const [username, role, orgCode] of accounts) {
    ids[username] = (await createAccount(server.store, { username, role: role as 'admin', orgCode })).id
    tokens[username] = (await signIn(server, username)).token
  }
})
afterAll(() => server.close())

const post = (as: string, path: string, body: unknown = {}) => server.api(path, postJson(body, auth(tokens[as])))
const reset = (as: string, target: string) => post(as, `/admin/accounts/${ids[target]}/reset-password`, { password: 'a-brand-new-secret-9' })
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

describe('admins act on admins strictly below only', () => {
  it('a peer admin (same county, or another city admin) cannot be reset, disabled or enabled', async () => {
    for (const [as, peer] of [
      ['xj-admin', 'xj-admin-2'],
      ['city-admin', 'city-admin-2'],
    ]) {
      for (const action of ['reset-password', 'disable', 'enable']) {
        const res = action === 'reset-password' ? await reset(as, peer) : await post(as, `/admin/accounts/${ids[peer]}/${action}`)
        expect(res.status).toBe(403)
        expect(await message(res)).toBe('只能管理下级单位的管理员账号')
      }
    }
    // the peer still signs in with their own password
    await signIn(server, 'xj-admin-2')
  })

  it('an admin above may: the county resets its township admin, the city the county admins', async () => {
    expect((await reset('xj-admin', 'xj-town-admin')).status).toBe(200)
    expect((await reset('city-admin', 'xj-admin-2')).status).toBe(200)
    // non-admin accounts at the admin's own level stay theirs
    expect((await reset('xj-admin', 'xj-editor')).status).toBe(200)
  })

  it('no reset-password on oneself: the current password is asked by 修改密码', async () => {
    const res = await reset('xj-admin', 'xj-admin')
    expect(res.status).toBe(403)
    expect(await message(res)).toBe('不能重置自己的密码，请在「修改密码」中修改')
    await signIn(server, 'xj-admin')
  })

  it('an admin account is created only for an organisation below', async () => {
    const body = (orgCode: string, username: string) => ({ username, name: '新管理员', role: 'admin', orgCode, password: 'new-admin-secret-9' })
    const peer = await post('xj-admin', '/admin/accounts', body('331024', 'xj-admin-3'))
    expect(peer.status).toBe(403)
    expect(await message(peer)).toBe('只能为下级单位创建管理员账号')
    expect((await post('xj-admin', '/admin/accounts', body('331024002', 'xj-town-admin-2'))).status).toBe(201)
  })
})

describe('who disabled an account decides who enables it', () => {
  it('disabled by the city: the county may not enable it, the city may', async () => {
    expect((await post('city-admin', `/admin/accounts/${ids['xj-dispatcher']}/disable`)).status).toBe(200)
    const up = await post('xj-admin', `/admin/accounts/${ids['xj-dispatcher']}/enable`)
    expect(up.status).toBe(403)
    expect(await message(up)).toBe('该账号由上级停用，只能由上级启用')
    const enabled = await post('city-admin', `/admin/accounts/${ids['xj-dispatcher']}/enable`)
    expect(enabled.status).toBe(200)
    expect(((await enabled.json()) as StaffAccount).disabled).toBe(false)
  })

  it('disabled by the county: the county (or the city) enables it', async () => {
    expect((await post('xj-admin', `/admin/accounts/${ids['xj-dispatcher']}/disable`)).status).toBe(200)
    expect((await post('xj-admin', `/admin/accounts/${ids['xj-dispatcher']}/enable`)).status).toBe(200)
  })

  it('disabled from the command line: only the city enables it', async () => {
    const accounts = new AccountsRepository(server.store.database, server.store.now, () => server.store.orgNames())
    await accounts.setDisabled(ids['xj-editor'], true)
    expect((await post('xj-admin', `/admin/accounts/${ids['xj-editor']}/enable`)).status).toBe(403)
    expect((await post('city-admin', `/admin/accounts/${ids['xj-editor']}/enable`)).status).toBe(200)
  })
})
