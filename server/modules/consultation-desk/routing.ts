/**
 * Where a new consultation goes: by its topic and the county of its region, to a department (an
 * organisation and one of its org_departments). An admin's row in consultation_routes wins; the
 * default is the county's department of the topic (仙居县 · 养老服务 → 仙居县民政局), from the org
 * tree's seeded department names (server/modules/orgs/seed-departments.ts).
 */
import { CITY_ORG_CODE, CITY_ORG_NAME, orgLevel } from '../auth/org-scope'

/** the department suffix handling each topic (mock/fixtures/topics.ts); anything else goes to the government office */
const TOPIC_DEPARTMENTS: Record<string, string> = {
  zwgk: '人民政府办公室',
  yibao: '医疗保障局',
  yanglao: '民政局',
  jiuye: '人力资源和社会保障局',
  huinong: '农业农村局',
  jiaoyu: '教育局',
  zhufang: '住房和城乡建设局',
  yingshang: '市场监督管理局',
}
const FALLBACK = '人民政府办公室'

/** the county (6-digit code) a region is in; the city for a region not under a county */
export function countyOf(regionCode: string): string {
  const county = regionCode.slice(0, 6)
  return orgLevel(county) === 'county' ? county : CITY_ORG_CODE
}

export interface RouteTarget {
  orgCode: string
  department: string
}

/** the default department of a topic in a county (or the city) */
export function defaultRoute(topic: string, countyCode: string, names: ReadonlyMap<string, string>): RouteTarget {
  const orgName = countyCode === CITY_ORG_CODE ? CITY_ORG_NAME : (names.get(countyCode) ?? '')
  return { orgCode: countyCode, department: `${orgName}${TOPIC_DEPARTMENTS[topic] ?? FALLBACK}` }
}
