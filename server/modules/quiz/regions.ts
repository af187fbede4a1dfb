/**
 * Region codes and the per-capita regional boards. Codes nest by prefix: 331002 (椒江区, county),
 * 331002001 (海门街道, township), 331002001003 (城隍浦社区, village); 331000 is the whole city.
 *
 * Regional boards compare regions of very different sizes, so they rank by figures per resident:
 * the sum of the counted scores of a region's participants per 10,000 residents (rewarding both
 * taking part and answering well), then participants per 10,000 residents. A small township where
 * many take part outranks a big district where few do.
 */
import type { LeaderboardRow, Region } from '../../../common/contract'
import type { RegionTotal } from './types'

export function countyOf(code: string): string | undefined {
  return code.length >= 6 ? code.slice(0, 6) : undefined
}

export function townshipOf(code: string): string | undefined {
  return code.length >= 9 ? code.slice(0, 9) : undefined
}

/** whether `code` lies in `area`; a city code (NNNN00) covers all its counties */
export function regionWithin(code: string, area: string): boolean {
  const prefix = area.length === 6 && area.endsWith('00') ? area.slice(0, 4) : area
  return code.startsWith(prefix)
}

/**
 * 常住人口 of every county and township. Explicit figures win; a township without one gets an equal
 * share of what its county's figure leaves after the townships that have one, and a county without
 * one gets the sum of its townships (at least one resident, so a rate is always defined).
 */
export function residentsByRegion(tree: readonly Region[], figures: Readonly<Record<string, number>> = {}): Map<string, number> {
  const out = new Map<string, number>()
  for (const county of tree) {
    const townships = county.children ?? []
    const known = townships.filter((t) => figures[t.code] > 0)
    const unknown = townships.filter((t) => !(figures[t.code] > 0))
    const countyFigure = figures[county.code] > 0 ? figures[county.code] : undefined
    const knownSum = known.reduce((s, t) => s + figures[t.code], 0)
    const share = countyFigure !== undefined && unknown.length > 0 ? Math.max(1, Math.round((countyFigure - knownSum) / unknown.length)) : 1
    for (const t of known) out.set(t.code, figures[t.code])
    for (const t of unknown) out.set(t.code, share)
    out.set(county.code, countyFigure ?? Math.max(1, knownSum + unknown.length * share))
  }
  return out
}

export interface RegionInfo {
  code: string
  name: string
  residents: number
}

/** two decimals: a few participants in a big district are still more than none */
const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Every region of the level ranked per capita, those nobody from has taken part yet last. Equal
 * figures share a rank (1, 2, 2, 4) and are marked `tied`.
 */
export function regionalBoard(regions: readonly RegionInfo[], totals: readonly RegionTotal[]): LeaderboardRow[] {
  const byCode = new Map(totals.map((t) => [t.regionCode, t]))
  const rows = regions.map((r) => {
    const t = byCode.get(r.code)
    const participants = t?.participants ?? 0
    const scoreSum = t?.scoreSum ?? 0
    return {
      name: r.name,
      regionCode: r.code,
      residents: r.residents,
      participants,
      score: round2((scoreSum * 10000) / r.residents),
      participationPer10k: round2((participants * 10000) / r.residents),
      averageScore: participants === 0 ? 0 : round2(scoreSum / participants),
      exact: [(scoreSum * 10000) / r.residents, (participants * 10000) / r.residents] as const,
    }
  })
  rows.sort((a, b) => b.exact[0] - a.exact[0] || b.exact[1] - a.exact[1] || a.regionCode.localeCompare(b.regionCode))
  const ranked: LeaderboardRow[] = []
  rows.forEach(({ exact, ...row }, i) => {
    const prev = rows[i - 1]
    const tied = prev !== undefined && prev.exact[0] === exact[0] && prev.exact[1] === exact[1]
    ranked.push({ rank: tied ? ranked[i - 1].rank : i + 1, ...row })
  })
  return markTies(ranked)
}

/** `tied` on every row whose rank another row shares */
export function markTies<T extends { rank: number }>(rows: T[]): (T & { tied?: boolean })[] {
  const count = new Map<number, number>()
  for (const r of rows) count.set(r.rank, (count.get(r.rank) ?? 0) + 1)
  return rows.map((r) => ((count.get(r.rank) ?? 0) > 1 ? { ...r, tied: true } : r))
}
