/**
 * The region tree indexed for the RegionPicker: one level at a time (the weapp never loads the 3,429
 * villages at once) and a search by name. Built once per tree (regions do not change while running).
 */
import type { Region, RegionEntry, RegionLevel, RegionRef } from '../../../common/contract'

const short = (name: string) => (name.length > 2 ? name.replace(/(街道|镇|乡|县|市|区)$/, '') : name)

const LEVEL_ORDER: Record<RegionLevel, number> = { county: 0, township: 1, village: 2 }

interface Indexed {
  entry: RegionEntry
  children: RegionEntry[]
  /** ancestors' names and its own run together, in full and without 县/市/区/街道/镇/乡: 「仙居县安洲街道 仙居安洲街道」 */
  path: string
}

export interface RegionIndex {
  children(parent?: string): RegionEntry[] | undefined
  get(code: string): RegionEntry | undefined
  search(q: string, opts?: { level?: RegionLevel; limit?: number }): RegionEntry[]
}

export function buildRegionIndex(tree: readonly Region[]): RegionIndex {
  const byCode = new Map<string, Indexed>()
  const walk = (nodes: readonly Region[], ancestors: RegionRef[]): RegionEntry[] =>
    nodes.map((r) => {
      const ref: RegionRef = { code: r.code, name: r.name, level: r.level }
      const entry: RegionEntry = { ...ref, ancestors, childCount: r.children?.length ?? 0 }
      const children = walk(r.children ?? [], [...ancestors, ref])
      byCode.set(r.code, {
        entry,
        children,
        path: `${[...ancestors.map((a) => a.name), r.name].join('')} ${[...ancestors.map((a) => short(a.name)), r.name].join('')}`,
      })
      return entry
    })
  const top = walk(tree, [])
  const all = [...byCode.values()]

  return {
    children: (parent) => (parent === undefined || parent === '' ? top : byCode.get(parent)?.children),
    get: (code) => byCode.get(code)?.entry,
    search(raw, { level, limit = 20 } = {}) {
      const q = raw.replace(/\s+/g, '')
      if (q === '') return []
      const digits = /^\d+$/.test(q)
      const hits: [rank: number, e: RegionEntry][] = []
      for (const { entry, path } of all) {
        if (level && entry.level !== level) continue
        const rank = digits
          ? entry.code.startsWith(q)
            ? 0
            : -1
          : entry.name === q
            ? 0
            : entry.name.startsWith(q)
              ? 1
              : entry.name.includes(q)
                ? 2
                : path.includes(q)
                  ? 3
                  : -1
        if (rank >= 0) hits.push([rank, entry])
      }
      hits.sort(([ra, a], [rb, b]) => ra - rb || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      return hits.slice(0, limit).map(([, e]) => e)
    },
  }
}

const indexes = new WeakMap<readonly Region[], RegionIndex>()

/** the index of a region tree, built once per tree (the store hands out the same tree until it changes) */
export function regionIndexOf(tree: readonly Region[]): RegionIndex {
  let index = indexes.get(tree)
  if (!index) indexes.set(tree, (index = buildRegionIndex(tree)))
  return index
}
