/** The dashboard of one organisation and below, from the repository's facts and the figures. */
import type { CoverageRow, Dashboard, Region } from '../../../common/contract'
import { orgCovers, orgLevel, orgOf } from '../auth/org-scope'
import { countByValidity, coverage, coverageByDepartment, firstInterpretations, type PolicyFact } from './figures'
import type { DashboardRepository } from './repository'

export interface DashboardInput {
  org: string
  from?: string
  to?: string
  /** YYYY-MM-DD in Asia/Shanghai: 待复核 is a review date before it */
  today: string
}

/**
 * 解读率 by organisation: for the city one row per county (its townships included); for a county
 * the county's own policies, then one row per township; a township is its own row.
 */
function coverageByOrg(
  org: string,
  regions: readonly Region[],
  names: ReadonlyMap<string, string>,
  policies: readonly PolicyFact[],
  first: ReturnType<typeof firstInterpretations>,
): CoverageRow[] {
  const under = (code: string) => policies.filter((p) => p.orgCode.startsWith(code))
  const level = orgLevel(org)
  if (level === 'city') return regions.filter((r) => r.level === 'county').map((c) => coverage(orgOf(c.code, names), under(c.code), first))
  if (level === 'county') {
    const townships = (regions.find((r) => r.code === org)?.children ?? []).filter((t) => t.level === 'township')
    return [
      coverage(
        orgOf(org, names),
        policies.filter((p) => p.orgCode === org),
        first,
      ),
      ...townships.map((t) => coverage(orgOf(t.code, names), under(t.code), first)),
    ]
  }
  return [coverage(orgOf(org, names), under(org), first)]
}

export async function composeDashboard(
  repo: DashboardRepository,
  regions: readonly Region[],
  names: ReadonlyMap<string, string>,
  input: DashboardInput,
): Promise<Dashboard> {
  const { org, from, to, today } = input
  const [policies, interpretations, totals, dueForReview, inReview, reviewers, mostRead] = await Promise.all([
    repo.policies(org, from, to),
    repo.interpretations(),
    repo.totals(org),
    repo.dueForReview(org, today),
    repo.inReview(org),
    repo.reviewers(org),
    repo.mostRead(org),
  ])
  const first = firstInterpretations(interpretations)
  const waitingPerReviewer = reviewers
    .map((r) => ({
      reviewer: { id: r.id, name: r.name },
      org: orgOf(r.orgCode, names),
      // 先审后发: nobody reviews their own draft (self-review is the exception an admin records)
      count: inReview.filter((item) => item.authorId !== r.id && orgCovers(r.orgCode, item.orgCode)).length,
    }))
    .filter((w) => w.count > 0)
    .sort((a, b) => b.count - a.count)
  return {
    org: orgOf(org, names),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    policiesByValidity: countByValidity(policies),
    coverageByOrg: coverageByOrg(org, regions, names, policies, first),
    coverageByDepartment: coverageByDepartment(orgOf(org, names), policies, first),
    dueForReview,
    waitingPerReviewer,
    mostRead,
    totals: { policies: policies.length, ...totals },
  }
}
