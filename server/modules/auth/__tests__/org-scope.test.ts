import { regions } from '../../../../mock/fixtures/regions'
import type { Region } from '../../../../common/contract'
import { CITY_ORG_CODE, isOrgCode, orgCovers, orgLevel, orgNames, orgOf, orgPrefixPattern } from '../org-scope'

/** every real code of the fixtures with its ancestors, walked from the tree (the oracle) */
function codesWithAncestors(): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const walk = (nodes: Region[] | undefined, ancestors: string[]) => {
    for (const r of nodes ?? []) {
      out.set(r.code, ancestors)
      walk(r.children, [...ancestors, r.code])
    }
  }
  walk(regions, [CITY_ORG_CODE])
  out.set(CITY_ORG_CODE, [])
  return out
}

const tree = codesWithAncestors()
const orgCodes = [...tree.keys()].filter((c) => c.length !== 12)

describe('orgCovers on every real code of the fixtures', () => {
  it('knows the levels', () => {
    expect(orgLevel('331000')).toBe('city')
    expect(orgLevel('331024')).toBe('county')
    expect(orgLevel('331002001')).toBe('township')
    expect(orgLevel('331002001003')).toBeUndefined()
    expect(orgCodes.length).toBeGreaterThan(40)
    for (const code of orgCodes) expect(isOrgCode(code)).toBe(true)
  })

  it('an organisation covers exactly itself and what lies below it in the region tree', () => {
    let pairs = 0
    for (const actor of orgCodes) {
      for (const [target, ancestors] of tree) {
        const expected = target === actor || ancestors.includes(actor)
        if (orgCovers(actor, target) !== expected) throw new Error(`orgCovers(${actor}, ${target}) should be ${expected}`)
        pairs++
      }
    }
    expect(pairs).toBe(orgCodes.length * tree.size)
  })

  it('the city covers every county; counties never cover each other; a township covers only itself', () => {
    expect(orgCovers('331000', '331024')).toBe(true)
    expect(orgCovers('331024', '331002')).toBe(false)
    expect(orgCovers('331002', '331024')).toBe(false)
    expect(orgCovers('331024', '331000')).toBe(false)
    expect(orgCovers('331002', '331002001')).toBe(true)
    expect(orgCovers('331002001', '331002')).toBe(false)
    expect(orgCovers('331002001', '331002002')).toBe(false)
    expect(orgCovers('331002001', '331002001')).toBe(true)
  })

  it('invalid codes cover nothing and are covered by nothing', () => {
    for (const bad of ['', '3310', '330100', '331000001', '33100', '3310241', 'abcdef', '331024 ', '%', '3310%']) {
      expect(orgCovers(bad, '331024')).toBe(false)
      expect(orgCovers('331000', bad)).toBe(false)
      expect(isOrgCode(bad)).toBe(false)
    }
    // another city's county is outside Taizhou
    expect(orgCovers('331000', '330102')).toBe(false)
  })

  it('the LIKE pattern matches what orgCovers says', () => {
    const like = (pattern: string, code: string) => code.startsWith(pattern.replace(/%$/, ''))
    for (const actor of orgCodes) {
      for (const target of tree.keys()) expect(like(orgPrefixPattern(actor), target)).toBe(orgCovers(actor, target))
    }
  })
})

describe('organisation names', () => {
  const names = orgNames(regions)
  it('names the city, counties and townships; a township not known by name shows its code', () => {
    expect(orgOf('331000', names)).toEqual({ code: '331000', name: '台州市' })
    expect(orgOf('331024', names, '人力社保局')).toEqual({ code: '331024', name: '仙居县', department: '人力社保局' })
    expect(orgOf('331002001', names).name).toBe('海门街道')
    expect(orgOf('331024999', names)).toEqual({ code: '331024999', name: '331024999' })
    expect(names.has('331002001003')).toBe(false)
  })
})
