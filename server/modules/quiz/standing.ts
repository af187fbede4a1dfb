/**
 * Which attempt counts and how participants rank. `best`: the higher score, then less time used,
 * then the earlier finish; `latest`: the last submitted attempt. The board ranks by score
 * (high first), then less time used, then the earlier finish; participants equal on all three
 * share a rank (1, 2, 2, 4).
 */
import type { Standing } from './types'

export type ScoreCounts = 'best' | 'latest'

type Ranked = Pick<Standing, 'score' | 'timeUsedMs' | 'finishedAt'>

/** negative when a ranks above b */
export function compareStandings(a: Ranked, b: Ranked): number {
  return b.score - a.score || a.timeUsedMs - b.timeUsedMs || Date.parse(a.finishedAt) - Date.parse(b.finishedAt)
}

/** the standing after a new submitted attempt: the candidate, or the previous one when it still counts */
export function countedStanding(previous: Standing | undefined, candidate: Standing, rule: ScoreCounts): Standing {
  if (!previous || rule === 'latest') return candidate
  return compareStandings(candidate, previous) < 0 ? candidate : previous
}

/** ranks of a list already in board order (competition ranking: ties share the higher rank) */
export function assignRanks<T extends Ranked>(sorted: readonly T[], firstRank = 1): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = []
  sorted.forEach((s, i) => {
    const prev = out[i - 1]
    const rank = prev && compareStandings(prev, s) === 0 ? prev.rank : firstRank + i
    out.push({ ...s, rank })
  })
  return out
}

/** a participant's rank: one more than the number strictly ahead */
export function rankOf(ahead: number): number {
  return ahead + 1
}
