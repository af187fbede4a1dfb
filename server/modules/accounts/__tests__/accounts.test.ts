/**
 * 账号管理 over the real server: an admin of 仙居县 (331024) and one of 椒江区 (331002) each manage
 * their own county and its townships and nothing across; the city's admin manages all. Creation
 * is idempotent; disabling and resetting a password end the account's sessions at once.
 */
import type { Page, StaffAccount } from '../../../../common/contract'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { auth, createAccount, passwordLogin, signIn } from '../../auth/__tests__/helpers'

jest.setTimeout(60_000)

let server: TestServer
const tokens: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  await createAccount(server.store, { username: 'city-admin', role: 'admin', orgCode: '331000', department: '大数据局' })
  await createAccount(server.store, { username: 'xianju-admin', role: 'admin', orgCode: '331024' })
  await createAccount(server.store, { username: 'jiaojiang-admin', role: 'admin', orgCode: '331002' })
  await createAccount(server.store, { username: 'xianju-dispatcher', role: 'dispatcher', orgCode: '331024' })
  for (const u of ['city-admin', 'xianju-admin', 'jiaojiang-admin', 'xianju-dispatcher']) tokens[u] = (await signIn(server, u)).token
})
afterAll(() => server.close())

const NEW = { username: 'xj-lecturer', name: '仙居宣讲员', role: 'lecturer', orgCode: '331024', department: '县委宣传部', password: 'xianju-lecture-2026' }

const create = (as: string, body: unknown, key?: string) =>
  server.api('/admin/accounts', postJson(body, auth(tokens[as], key ? { 'idempotency-key': key } : {})))
const post = (as: string, path: string, body: unknown = {}) => server.api(path, postJson(body, auth(tokens[as])))
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

describe('POST /admin/accounts', () => {
  it('an admin creates accounts in their county and its townships; the account signs in with its organisation', async () => {
    const res = await create('xianju-admin', NEW, 'create-1')
    expect(res.status).toBe(201)
    const text = await res.clone().text()
    expect(text).not.toMatch(/scrypt|password/i)
    const account = (await res.json()) as StaffAccount
    expect(account).toEqual({
      id: expect.any(String),
      username: 'xj-lecturer',
      name: '仙居宣讲员',
      role: 'lecturer',
      org: { code: '331024', name: '仙居县', department: '县委宣传部' },
      disabled: false,
      createdAt: expect.any(String),
    })
    const session = await signIn(server, 'xj-lecturer', NEW.password)
    expect(session.user.org).toEqual({ code: '331024', name: '仙居县', department: '县委宣传部' })

    const township = await create('xianju-admin', { ...NEW, username: 'xj-town', orgCode: '331024101', role: 'staff' })
    expect(township.status).toBe(201)
    expect(((await township.json()) as StaffAccount).org.code).toBe('331024101')
  })

  it('is idempotent: the same key replays the first answer, another body with it is refused, a taken username is 409', async () => {
    const first = await create('xianju-admin', { ...NEW, username: 'xj-idem' }, 'create-2')
    const again = await create('xianju-admin', { ...NEW, username: 'xj-idem' }, 'create-2')
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(((await again.json()) as StaffAccount).id).toBe(((await first.json()) as StaffAccount).id)
    expect((await create('xianju-admin', { ...NEW, username: 'xj-other' }, 'create-2')).status).toBe(422)

    const taken = await create('xianju-admin', { ...NEW, username: 'XJ-IDEM' })
    expect(taken.status).toBe(409)
    expect(await message(taken)).toBe('用户名已存在')
  })

  it('parallel creates of one username: exactly one account, every other request a clean 409 (the unique index decides)', async () => {
    const all = await Promise.all(
      ['xianju-admin', 'city-admin', 'xianju-admin', 'city-admin', 'xianju-admin', 'city-admin'].map((as, i) =>
        create(as, { ...NEW, username: i % 2 ? 'XJ-RACE' : 'xj-race' }, `race-${i}`),
      ),
    )
    const statuses = all.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409])
    for (const res of all.filter((r) => r.status === 409)) expect(await message(res)).toBe('用户名已存在')
    const listed = (await (await server.api('/admin/accounts?q=xj-race', { headers: auth(tokens['city-admin']) })).json()) as Page<StaffAccount>
    expect(listed.total).toBe(1)
  })

  it('parallel retries of one Idempotency-Key: one account, every answer the same, all but one replayed', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => create('xianju-admin', { ...NEW, username: 'xj-retry' }, 'retry-at-once')))
    expect(all.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(all.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4)
    const ids = new Set(await Promise.all(all.map(async (r) => ((await r.json()) as StaffAccount).id)))
    expect(ids.size).toBe(1)
  })

  it('403 across counties and above oneself: 仙居 cannot create in 椒江, nor an admin of the city', async () => {
    const across = await create('xianju-admin', { ...NEW, username: 'xj-across', orgCode: '331002' })
    expect(across.status).toBe(403)
    expect(await message(across)).toBe('只能在本单位及下级单位创建账号')
    expect((await create('xianju-admin', { ...NEW, username: 'xj-up', role: 'admin', orgCode: '331000' })).status).toBe(403)
    expect((await create('jiaojiang-admin', { ...NEW, username: 'jj-into-xj', orgCode: '331024101' })).status).toBe(403)
    // the city creates anywhere, a county admin included
    expect((await create('city-admin', { ...NEW, username: 'xj-admin-2', role: 'admin' })).status).toBe(201)
  })

  it('checks every field in Chinese', async () => {
    const cases: [unknown, string][] = [
      [{ ...NEW, username: 'ab' }, '用户名为 3 到 32 位字母、数字、下划线、点或短横线'],
      [{ ...NEW, username: '张三丰' }, '用户名为 3 到 32 位字母、数字、下划线、点或短横线'],
      [{ ...NEW, username: 'xj-weak', password: '12345678901' }, '密码不能全是数字，请加入字母或符号'],
      [{ ...NEW, username: 'xj-weak', password: 'short-1' }, '密码至少 10 个字符'],
      [{ ...NEW, username: 'xj-weak', role: 'resident' }, '请选择角色'],
      [{ ...NEW, username: 'xj-weak', orgCode: '330102' }, '请选择所属单位（6 位县市区或 9 位乡镇街道代码）'],
      [{ ...NEW, username: 'xj-weak', orgCode: '3310' }, '请选择所属单位（6 位县市区或 9 位乡镇街道代码）'],
      [{ ...NEW, username: 'xj-weak', name: '   ' }, '请填写姓名（最多 20 字）'],
    ]
    for (const [body, expected] of cases) {
      const res = await create('xianju-admin', body)
      expect(res.status).toBe(400)
      expect(await message(res)).toBe(expected)
    }
  })

  it('only admins with an organisation: 403 for a dispatcher and for an admin without one, 401 anonymous', async () => {
    expect((await create('xianju-dispatcher', { ...NEW, username: 'nope-1' })).status).toBe(403)
    const dev = (await (await server.api('/auth/dev', postJson({ role: 'admin', name: '无单位管理员' }))).json()) as { token: string; user: { id: string } }
    // dev login gives staff the city; an account without an organisation is made by hand
    await server.store.database.kysely.updateTable('users').set({ org_code: null }).where('id', '=', dev.user.id).execute()
    const res = await server.api('/admin/accounts', postJson({ ...NEW, username: 'nope-2' }, auth(dev.token)))
    expect(res.status).toBe(403)
    expect(await message(res)).toBe('该账号未设置所属单位，不能管理账号')
    expect((await server.api('/admin/accounts', postJson({ ...NEW, username: 'nope-3' }))).status).toBe(401)
    // checked before the body: an anonymous malformed request learns nothing about the fields
    expect((await server.api('/admin/accounts', postJson({ junk: true }))).status).toBe(401)
  })
})

describe('GET /admin/accounts', () => {
  const list = async (as: string, query = '') => {
    const res = await server.api(`/admin/accounts${query}`, bearer(tokens[as]))
    expect(res.status).toBe(200)
    return (await res.json()) as Page<StaffAccount>
  }

  it('lists the admin organisation and below only, filtered by q, role and org', async () => {
    const xianju = await list('xianju-admin', '?pageSize=100')
    expect(xianju.items.length).toBeGreaterThan(3)
    expect(xianju.items.every((a) => a.org.code.startsWith('331024'))).toBe(true)
    const city = await list('city-admin', '?pageSize=100')
    expect(city.total).toBeGreaterThan(xianju.total)
    expect(city.items.map((a) => a.username)).toContain('jiaojiang-admin')

    expect((await list('xianju-admin', '?q=lecturer')).items.map((a) => a.username)).toEqual(['xj-lecturer'])
    expect((await list('xianju-admin', '?q=仙居宣讲')).items.map((a) => a.username)).toContain('xj-lecturer')
    expect((await list('xianju-admin', '?role=dispatcher')).items.map((a) => a.username)).toEqual(['xianju-dispatcher'])
    expect((await list('xianju-admin', '?org=331024101')).items.map((a) => a.username)).toEqual(['xj-town'])
    expect((await list('city-admin', '?org=331024&role=admin')).items.map((a) => a.username).sort()).toEqual(['xianju-admin', 'xj-admin-2'])

    const across = await server.api('/admin/accounts?org=331002', bearer(tokens['xianju-admin']))
    expect(across.status).toBe(403)
    expect((await server.api('/admin/accounts?page=0', bearer(tokens['xianju-admin']))).status).toBe(400)
    expect((await server.api('/admin/accounts?page=1e300', bearer(tokens['xianju-admin']))).status).toBe(400)
    expect((await server.api('/admin/accounts?org=33%25', bearer(tokens['xianju-admin']))).status).toBe(400)
  })
})

describe('disable, enable, reset-password', () => {
  let target: StaffAccount
  beforeAll(async () => {
    target = (await (await create('xianju-admin', { ...NEW, username: 'xj-managed' })).json()) as StaffAccount
  })

  it('403 across counties, 404 for unknown ids', async () => {
    const across = await post('jiaojiang-admin', `/admin/accounts/${target.id}/disable`)
    expect(across.status).toBe(403)
    expect(await message(across)).toBe('不能管理其他单位的账号')
    expect((await post('jiaojiang-admin', `/admin/accounts/${target.id}/reset-password`, { password: 'another-pass-2026' })).status).toBe(403)
    const unknown = await post('xianju-admin', '/admin/accounts/00000000-0000-0000-0000-000000000000/disable')
    expect(unknown.status).toBe(404)
    expect(await message(unknown)).toBe('找不到该账号')
    // a resident (not a staff account) is unknown here too
    const resident = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: '某居民' }))).json()) as { user: { id: string } }
    expect((await post('city-admin', `/admin/accounts/${resident.user.id}/disable`)).status).toBe(404)
  })

  it('disabling ends the account sessions at once and stops sign-in; enabling lets it back', async () => {
    const session = await signIn(server, 'xj-managed', NEW.password)
    const res = await post('xianju-admin', `/admin/accounts/${target.id}/disable`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as StaffAccount).disabled).toBe(true)
    expect((await server.api('/auth/me', bearer(session.token))).status).toBe(401)
    expect((await passwordLogin(server, 'xj-managed', NEW.password)).status).toBe(401) // like a wrong password (review L2)

    expect(((await (await post('xianju-admin', `/admin/accounts/${target.id}/enable`)).json()) as StaffAccount).disabled).toBe(false)
    expect((await passwordLogin(server, 'xj-managed', NEW.password)).status).toBe(200)
  })

  it('an admin cannot disable themself', async () => {
    const me = (await (await server.api('/auth/me', bearer(tokens['xianju-admin']))).json()) as { id: string }
    const res = await post('xianju-admin', `/admin/accounts/${me.id}/disable`)
    expect(res.status).toBe(400)
    expect(await message(res)).toBe('不能停用自己的账号')
  })

  it('reset-password checks the rules, ends every session and clears a lock', async () => {
    const session = await signIn(server, 'xj-managed', NEW.password)
    for (let i = 0; i < 5; i++) await passwordLogin(server, 'xj-managed', 'wrong-password-0')
    expect((await passwordLogin(server, 'xj-managed', NEW.password)).status).toBe(429)
    expect(
      ((await (await server.api('/admin/accounts?q=xj-managed', bearer(tokens['xianju-admin']))).json()) as Page<StaffAccount>).items[0].lockedUntil,
    ).toBeDefined()

    const weak = await post('xianju-admin', `/admin/accounts/${target.id}/reset-password`, { password: '0000000000' })
    expect(weak.status).toBe(400)
    const ok = await post('xianju-admin', `/admin/accounts/${target.id}/reset-password`, { password: 'reset-by-admin-1' })
    expect(ok.status).toBe(200)
    expect((await ok.json()) as StaffAccount).not.toHaveProperty('lockedUntil')
    expect((await server.api('/auth/me', bearer(session.token))).status).toBe(401)
    expect((await passwordLogin(server, 'xj-managed', NEW.password)).status).toBe(401)
    expect((await passwordLogin(server, 'xj-managed', 'reset-by-admin-1')).status).toBe(200)
  })
})
