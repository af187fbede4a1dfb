/**
 * The console's organisation tree and departments over the real server: the tree from the
 * caller's organisation down (villages left out) with the seeded departments; departments added
 * and removed by admins of that organisation or above only (椒江区 on 仙居县 is a 403), validated,
 * idempotent, audited.
 */
import { rmSync } from 'node:fs'
import type { AuditEntry, OrgNode, Page, Session } from '../../../../common/contract'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { TOWNSHIP_DEPARTMENTS } from '../seed-departments'

jest.setTimeout(60_000)

let server: TestServer
const sessions: Record<string, Session> = {}

async function devLogin(role: string, org?: string, name?: string): Promise<Session> {
  const res = await server.api('/auth/dev', postJson({ role, ...(org ? { org } : {}), ...(name ? { name } : {}) }))
  expect(res.status).toBe(200)
  return (await res.json()) as Session
}

const auth = (as: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${sessions[as].token}`, ...extra })
const tree = async (as: string) => {
  const res = await server.api('/admin/orgs', bearer(sessions[as].token))
  expect(res.status).toBe(200)
  return (await res.json()) as OrgNode[]
}
const addDepartment = (as: string, code: string, name: string, headers: Record<string, string> = {}) =>
  server.api(`/admin/orgs/${code}/departments`, postJson({ name }, auth(as, headers)))
const removeDepartment = (as: string, code: string, name: string) =>
  server.api(`/admin/orgs/${code}/departments/${encodeURIComponent(name)}`, { method: 'DELETE', headers: auth(as) })
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  sessions.cityEditor = await devLogin('editor', '331000')
  sessions.cityAdmin = await devLogin('admin', '331000')
  sessions.xjStaff = await devLogin('staff', '331024')
  sessions.xjAdmin = await devLogin('admin', '331024')
  sessions.xjEditor = await devLogin('editor', '331024')
  sessions.xjTownAdmin = await devLogin('admin', '331024001')
  sessions.jjAdmin = await devLogin('admin', '331002')
  sessions.resident = await devLogin('resident')
})
afterAll(() => server.close())

describe('GET /admin/orgs', () => {
  it('a city account gets 台州市 → 9 counties → townships, without villages, with seeded departments', async () => {
    const [city] = await tree('cityEditor')
    expect(city).toMatchObject({ code: '331000', name: '台州市', level: 'city' })
    expect(city.departments).toContain('台州市教育局')
    expect(city.departments).toContain('台州市人力资源和社会保障局')
    expect(city.children!.map((c) => c.name)).toEqual(['椒江区', '黄岩区', '路桥区', '临海市', '温岭市', '玉环市', '天台县', '仙居县', '三门县'])
    const xianju = city.children!.find((c) => c.code === '331024')!
    expect(xianju.level).toBe('county')
    expect(xianju.departments).toContain('仙居县教育局')
    expect(xianju.departments[0]).toBe('仙居县人民政府办公室')
    const jiaojiang = city.children!.find((c) => c.code === '331002')!
    expect(jiaojiang.departments).toContain('椒江区卫生健康局')
    const township = xianju.children![0]
    expect(township.level).toBe('township')
    expect(township.code).toMatch(/^331024\d{3}$/)
    expect(township.departments).toEqual(TOWNSHIP_DEPARTMENTS)
    expect(township.children).toBeUndefined()
  })

  it('a 仙居县 account gets 仙居县 as the root; a township account its township', async () => {
    const [root] = await tree('xjStaff')
    expect(root).toMatchObject({ code: '331024', name: '仙居县', level: 'county' })
    expect(root.children!.every((t) => t.code.startsWith('331024'))).toBe(true)
    const [town] = await tree('xjTownAdmin')
    expect(town).toMatchObject({ code: '331024001', level: 'township' })
  })

  it('residents and the signed-out may not read it', async () => {
    expect((await server.api('/admin/orgs', bearer(sessions.resident.token))).status).toBe(403)
    const anonymous = await server.api('/admin/orgs')
    expect(anonymous.status).toBe(401)
    expect(await message(anonymous)).toBe('请先登录')
  })
})

describe('departments', () => {
  it('an admin of 仙居县 adds one at the end, and it shows in the tree', async () => {
    const res = await addDepartment('xjAdmin', '331024', ' 仙居县数据资源管理局 ')
    expect(res.status).toBe(201)
    const node = (await res.json()) as OrgNode
    expect(node.code).toBe('331024')
    expect(node.departments[node.departments.length - 1]).toBe('仙居县数据资源管理局')
    const [root] = await tree('xjEditor')
    expect(root.departments).toContain('仙居县数据资源管理局')
  })

  it('a name the organisation has already is a 409', async () => {
    const res = await addDepartment('xjAdmin', '331024', '仙居县教育局')
    expect(res.status).toBe(409)
    expect(await message(res)).toBe('该单位已有同名部门')
  })

  it('names are 1 to 30 characters, without slashes', async () => {
    for (const name of ['   ', '一'.repeat(31), '教育/卫健']) {
      const res = await addDepartment('xjAdmin', '331024', name)
      expect(res.status).toBe(400)
      expect(await message(res)).toMatch(/部门名称/)
    }
    expect((await addDepartment('xjAdmin', '331024', '部'.repeat(30))).status).toBe(201)
  })

  it('椒江区 cannot change 仙居县; an editor cannot change its own; an unknown code is a 404', async () => {
    const cross = await addDepartment('jjAdmin', '331024', '椒江派来的部门')
    expect(cross.status).toBe(403)
    expect(await message(cross)).toBe('只能管理本单位及下级单位的部门')
    expect((await removeDepartment('jjAdmin', '331024', '仙居县教育局')).status).toBe(403)
    // a township admin cannot change its county
    expect((await addDepartment('xjTownAdmin', '331024', '乡镇派来的部门')).status).toBe(403)
    expect((await addDepartment('xjEditor', '331024', '编辑加的部门')).status).toBe(403)
    expect((await addDepartment('xjAdmin', '331099', '不存在的单位')).status).toBe(404)
    const [root] = await tree('xjAdmin')
    expect(root.departments).toContain('仙居县教育局')
    expect(root.departments.some((d) => d.endsWith('派来的部门'))).toBe(false)
  })

  it('the city and the county may change a township', async () => {
    expect((await addDepartment('cityAdmin', '331024001', '综合执法队')).status).toBe(201)
    expect((await addDepartment('xjTownAdmin', '331024001', '平安办')).status).toBe(201)
    const [town] = await tree('xjTownAdmin')
    expect(town.departments).toEqual([...TOWNSHIP_DEPARTMENTS, '综合执法队', '平安办'])
  })

  it('an Idempotency-Key replays the first answer; the same key for another name is refused', async () => {
    const first = await addDepartment('xjAdmin', '331024', '仙居县文化和广电旅游体育局', { 'idempotency-key': 'dept-1' })
    expect(first.status).toBe(201)
    const again = await addDepartment('xjAdmin', '331024', '仙居县文化和广电旅游体育局', { 'idempotency-key': 'dept-1' })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(await first.json())
    const other = await addDepartment('xjAdmin', '331024', '另一个部门', { 'idempotency-key': 'dept-1' })
    expect(other.status).toBe(422)
  })

  it('removes a department; a second removal is a 404', async () => {
    const res = await removeDepartment('xjAdmin', '331024', '仙居县数据资源管理局')
    expect(res.status).toBe(200)
    expect(((await res.json()) as OrgNode).departments).not.toContain('仙居县数据资源管理局')
    const again = await removeDepartment('xjAdmin', '331024', '仙居县数据资源管理局')
    expect(again.status).toBe(404)
    expect(await message(again)).toBe('该单位没有这个部门')
  })

  it('every change is in the audit log once, with the organisation and the name', async () => {
    const res = await server.api('/admin/audit?action=org.department&pageSize=100', bearer(sessions.cityAdmin.token))
    expect(res.status).toBe(200)
    const entries = ((await res.json()) as Page<AuditEntry>).items
    const added = entries.filter((e) => e.action === 'org.department.add' && e.targetId === '331024')
    // 数据资源管理局, 30 × 部, 文化和广电旅游体育局 (its replay is not recorded again)
    expect(added).toHaveLength(3)
    expect(added.every((e) => e.targetType === 'org' && e.actor.orgCode === '331024')).toBe(true)
    const removed = entries.filter((e) => e.action === 'org.department.remove')
    expect(removed).toHaveLength(1)
    expect(removed[0].detail).toEqual({ name: '仙居县数据资源管理局' })
  })
})

describe('seeding', () => {
  it('a database made before departments existed gets them at the next start, once', async () => {
    const first = await startTestServer({ dataDir: server.dataDir + '-restart', rateLimit: false })
    try {
      await first.store.database.kysely.deleteFrom('org_departments').execute()
    } finally {
      await first.app.close()
      await first.store.close()
    }
    const second = await startTestServer({ dataDir: server.dataDir + '-restart', rateLimit: false })
    try {
      const rows = await second.store.database.kysely
        .selectFrom('org_departments')
        .select(['org_code', 'name'])
        .where('org_code', '=', '331024')
        .orderBy('position')
        .execute()
      expect(rows[0]).toEqual({ org_code: '331024', name: '仙居县人民政府办公室' })
      // an edited list is left alone at the next start
      await second.store.database.kysely.deleteFrom('org_departments').where('org_code', '=', '331024').execute()
    } finally {
      await second.app.close()
      await second.store.close()
    }
    const third = await startTestServer({ dataDir: server.dataDir + '-restart', rateLimit: false })
    try {
      const count = await third.store.database.kysely
        .selectFrom('org_departments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('org_code', '=', '331024')
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(0)
    } finally {
      await third.close()
      rmSync(third.dataDir, { recursive: true, force: true })
    }
  })
})
