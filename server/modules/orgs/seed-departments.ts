/**
 * The departments every organisation starts with, seeded once into an empty org_departments:
 * the city's and each county's government departments under their full names (台州市教育局,
 * 仙居县教育局, 椒江区卫生健康局 — the names policies carry as 发文机关), and for each township
 * the four offices a 乡镇（街道） has. Admins add and remove departments in the console afterwards.
 */
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema'

const CITY = '台州市'

/** the city's departments (市级 names: 委员会 where the city has a commission) */
const CITY_DEPARTMENTS = [
  '人民政府办公室',
  '发展和改革委员会',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '农业农村局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '住房公积金管理中心',
  '行政服务中心',
]

/** a county's, district's or county-level city's departments (县级: 局 where the city has a 委员会) */
const COUNTY_DEPARTMENTS = [
  '人民政府办公室',
  '发展和改革局',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '农业农村局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '行政服务中心',
]

export const TOWNSHIP_DEPARTMENTS = ['党政办公室', '社会事务办', '经济发展办', '便民服务中心']

/** an organisation's departments when it is first seeded */
export function defaultDepartments(level: 'city' | 'county' | 'township', name: string): string[] {
  if (level === 'city') return CITY_DEPARTMENTS.map((d) => `${CITY}${d}`)
  if (level === 'county') return COUNTY_DEPARTMENTS.map((d) => `${name}${d}`)
  return [...TOWNSHIP_DEPARTMENTS]
}

/**
 * Seeds the departments of 台州市 and of every county and township in `regions`, in the caller's
 * transaction, when org_departments is empty; returns whether it did. Run on every start (from
 * seedIfEmpty), so a database made before departments existed gets them too.
 */
export async function seedDepartments(trx: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ present: number | boolean }>`SELECT EXISTS (SELECT 1 FROM org_departments) AS present`.execute(trx)
  if (rows[0].present) return false
  const orgs = await trx
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('level', 'in', ['county', 'township'])
    .where('retired', '=', 0)
    .orderBy('position')
    .execute()
  const values: { org_code: string; name: string; position: number }[] = []
  const add = (code: string, names: string[]) => names.forEach((name, position) => values.push({ org_code: code, name, position }))
  add('331000', defaultDepartments('city', CITY))
  for (const org of orgs) add(org.code!, defaultDepartments(org.level as 'county' | 'township', org.name))
  // three parameters a row: 1,000 rows a statement stays far below both databases' limits
  for (let i = 0; i < values.length; i += 1000)
    await trx
      .insertInto('org_departments')
      .values(values.slice(i, i + 1000))
      .execute()
  return true
}
