/**
 * The real regions of 台州 (issue 17): the tree, the RegionPicker's one-level reads and its search,
 * and a database seeded from an older tree brought to the new one at the next start.
 */
import type { Region, RegionEntry } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { makeTempDir } from './helpers/temp-dir'
import { bearer, postJson, startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ devLogin: true })
})
afterAll(() => server.close())

const get = async <T>(path: string): Promise<T> => {
  const res = await server.api(path)
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

it('serves every township and village of 台州 under its county', async () => {
  const tree = await get<Region[]>('/regions')
  expect(tree.map((c) => c.name)).toEqual(['椒江区', '黄岩区', '路桥区', '临海市', '温岭市', '玉环市', '天台县', '仙居县', '三门县'])
  const townships = tree.flatMap((c) => c.children ?? [])
  expect(townships).toHaveLength(136)
  expect(townships.flatMap((t) => t.children ?? [])).toHaveLength(3429)
  const xianju = tree.find((c) => c.code === '331024')!
  expect(xianju.children!.map((t) => t.name)).toEqual(expect.arrayContaining(['安洲街道', '南峰街道', '福应街道', '横溪镇', '白塔镇']))
  // codes nest by prefix, at the national lengths
  for (const t of townships) for (const v of t.children ?? []) expect(v.code).toMatch(new RegExp(`^${t.code}\\d{3}$`))
})

it('lists one level at a time, with the names above and how many below', async () => {
  const counties = await get<RegionEntry[]>('/regions/children')
  expect(counties).toHaveLength(9)
  expect(counties[7]).toEqual({ code: '331024', name: '仙居县', level: 'county', ancestors: [], childCount: 20 })
  const res = await server.api('/regions/children?parent=331024')
  const text = await res.text()
  // a county's townships are a small payload (the weapp never loads the whole tree)
  expect(text.length).toBeLessThan(4_000)
  const anzhou = (JSON.parse(text) as RegionEntry[]).find((t) => t.name === '安洲街道')!
  expect(anzhou).toMatchObject({ code: '331024001', level: 'township', ancestors: [{ code: '331024', name: '仙居县', level: 'county' }] })
  expect(anzhou.childCount).toBeGreaterThan(5)
  const villages = await get<RegionEntry[]>('/regions/children?parent=331024001')
  expect(villages).toHaveLength(anzhou.childCount)
  expect(villages[0].ancestors.map((a) => a.name)).toEqual(['仙居县', '安洲街道'])
  expect(await get<RegionEntry[]>('/regions/children?parent=331024001004')).toEqual([])
})

it('finds 安洲街道 by typing 安洲, and a village by its township and name', async () => {
  const hits = await get<RegionEntry[]>(`/regions/search?q=${encodeURIComponent('安洲')}`)
  expect(hits[0]).toMatchObject({ code: '331024001', name: '安洲街道', ancestors: [{ name: '仙居县' }] })
  // names holding the words come before paths holding them; villages of 安洲街道 follow
  expect(hits.slice(1).every((h) => h.ancestors.some((a) => a.code === '331024001') || h.name.includes('安洲'))).toBe(true)
  expect((await get<RegionEntry[]>(`/regions/search?q=${encodeURIComponent('仙居安洲')}`))[0].code).toBe('331024001')
  const villages = await get<RegionEntry[]>(`/regions/search?q=${encodeURIComponent('星光')}&level=village&limit=5`)
  expect(villages.length).toBeGreaterThan(0)
  expect(villages.length).toBeLessThanOrEqual(5)
  expect(villages.every((v) => v.level === 'village' && v.name.includes('星光'))).toBe(true)
  expect((await get<RegionEntry[]>('/regions/search?q=331024001'))[0].name).toBe('安洲街道')
  expect(await get<RegionEntry[]>(`/regions/search?q=${encodeURIComponent('不存在的地方')}`)).toEqual([])
})

it('answers one region by code, and refuses bad input in Chinese', async () => {
  expect(await get<RegionEntry>('/regions/331024001')).toMatchObject({ name: '安洲街道', ancestors: [{ name: '仙居县' }] })
  for (const path of ['/regions/331099999', '/regions/children?parent=331099']) {
    const res = await server.api(path)
    expect(res.status).toBe(404)
    expect((await res.json()).error.message).toBe('找不到该地区')
  }
  for (const path of [
    '/regions/abc',
    '/regions/search?q=',
    `/regions/search?q=${'安'.repeat(21)}`,
    '/regions/search?q=a&limit=500',
    '/regions/children?parent=x',
  ]) {
    const res = await server.api(path)
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toMatch(/[\u4e00-\u9fff]/)
  }
})

it('brings a database seeded from an older tree to the real one: new regions added, old ones retired, departments for new townships', async () => {
  const dir = makeTempDir('zct-regions-')
  const old: Region[] = [
    {
      code: '331024',
      name: '仙居县',
      level: 'county',
      children: [
        { code: '331024001', name: '福应街道', level: 'township', children: [{ code: '331024001999', name: '旧村', level: 'village' }] },
        { code: '331024998', name: '撤并镇', level: 'township' },
      ],
    },
  ]
  try {
    const first = await startTestServer({ dataDir: dir.path, fixtures: { ...fixtures, regions: old } })
    expect((await (await first.api('/regions')).json())[0].children.map((t: Region) => t.name)).toEqual(['福应街道', '撤并镇'])
    await first.close()

    const second = await startTestServer({ dataDir: dir.path, devLogin: true })
    try {
      const tree = (await (await second.api('/regions')).json()) as Region[]
      expect(tree).toHaveLength(9)
      const xianju = tree.find((c) => c.code === '331024')!
      expect(xianju.children![0]).toMatchObject({ code: '331024001', name: '安洲街道' })
      const codes = JSON.stringify(tree)
      expect(codes).not.toContain('331024998')
      expect(codes).not.toContain('331024001999')
      const admin = ((await (await second.api('/auth/dev', postJson({ role: 'admin', org: '331000' }))).json()) as { token: string }).token
      const orgs = (await (await second.api('/admin/orgs', bearer(admin))).json()) as {
        children: { code: string; children: { code: string; departments: string[] }[] }[]
      }[]
      const baita = orgs[0].children.find((c) => c.code === '331024')!.children.find((t) => t.code === '331024103')!
      expect(baita.departments.length).toBeGreaterThan(0)
    } finally {
      await second.close()
    }
  } finally {
    dir.remove()
  }
})
