/**
 * Organisations and who covers whom (分级维护), in one place for the server and the console:
 *
 *   331000        台州市: covers every code under 3310 (its counties, townships and villages)
 *   3310xx        a county (县市区, e.g. 331024 仙居县): itself and its townships (and their villages)
 *   3310xxyyy     a township (乡镇街道): only itself (and its villages)
 *
 * Pure functions over codes, importing nothing of the server, so any client can use them too.
 */
import type { Org, Region } from '../../../common/contract'

export const CITY_ORG_CODE = '331000'
export const CITY_ORG_NAME = '台州市'

export type OrgLevel = 'city' | 'county' | 'township'

/** the level of a valid organisation code; undefined for anything else (villages are not organisations) */
export function orgLevel(code: string): OrgLevel | undefined {
  if (code === CITY_ORG_CODE) return 'city'
  if (/^3310\d{2}$/.test(code)) return 'county'
  if (/^3310\d{5}$/.test(code) && code.slice(0, 6) !== CITY_ORG_CODE) return 'township'
  return undefined
}

export const isOrgCode = (code: string): boolean => orgLevel(code) !== undefined

/** a code under Taizhou that an organisation may act on: an organisation or a village (12 digits) */
function isTarget(code: string): boolean {
  if (isOrgCode(code)) return true
  return /^3310\d{8}$/.test(code) && code.slice(0, 6) !== CITY_ORG_CODE
}

/**
 * Whether an account of `actorCode` may act on something of `targetCode`: the city covers all of
 * Taizhou, a county its townships, a township only itself. Invalid codes cover nothing and are
 * covered by nothing.
 */
export function orgCovers(actorCode: string, targetCode: string): boolean {
  const level = orgLevel(actorCode)
  if (!level || !isTarget(targetCode)) return false
  if (level === 'city') return true
  return targetCode.startsWith(actorCode)
}

/**
 * A SQL LIKE pattern matching every code `actorCode` covers (for scoped lists); the codes are
 * digits only, so no escaping is needed. Pair it with a check that the code is valid.
 */
export function orgPrefixPattern(actorCode: string): string {
  return orgLevel(actorCode) === 'city' ? '3310%' : `${actorCode}%`
}

/** code → name for 台州市 and every county and township of the region tree */
export function orgNames(regions: readonly Region[]): Map<string, string> {
  const names = new Map<string, string>([[CITY_ORG_CODE, CITY_ORG_NAME]])
  const walk = (nodes: readonly Region[] | undefined) => {
    for (const r of nodes ?? []) {
      if (r.level === 'village') continue
      names.set(r.code, r.name)
      walk(r.children)
    }
  }
  walk(regions)
  return names
}

/** the organisation as the API shows it: a township not known by name shows its code */
export function orgOf(code: string, names: ReadonlyMap<string, string>, department?: string | null): Org {
  return { code, name: names.get(code) ?? code, ...(department ? { department } : {}) }
}
