/**
 * The dashboard's arithmetic, pure: 解读率 (policies with a published interpretation / policies)
 * and 同步解读 (policies whose first interpretation went live within 3 working days of the policy),
 * per organisation and per department, and the working-day count they rest on.
 */
import type { CoverageRow, Org, PolicyValidity } from '../../../common/contract'
import { inShanghai } from '../../../common/shanghai-date'
import { workingDaysBetween } from '../../../common/working-days'

export const SYNC_WORKING_DAYS = 3
export const VALIDITIES: readonly PolicyValidity[] = ['valid', 'revised', 'repealed']

/** a published policy as the figures need it */
export interface PolicyFact {
  id: string
  orgCode: string
  department: string
  validity: PolicyValidity
  /** the Asia/Shanghai day it was first published (YYYY-MM-DD) */
  day: string
}

/** the day (Asia/Shanghai, YYYY-MM-DD) of an ISO instant */
export const shanghaiDay = (iso: string): string => inShanghai(iso).format('YYYY-MM-DD')

/**
 * Working days after `from` up to and including `to` (both YYYY-MM-DD), by the State Council's
 * holiday and 调休 calendar (common/working-days.ts), the same count as the consultation desk's
 * 3-working-day promise.
 */
export const workingDaysAfter = (from: string, to: string): number => workingDaysBetween(from, to)

/** an interpretation published on `interpretedDay` is 同步 with a policy published on `policyDay` */
export const isSynced = (policyDay: string, interpretedDay: string): boolean => workingDaysAfter(policyDay, interpretedDay) <= SYNC_WORKING_DAYS

/** policy id → the day its earliest interpretation went live (undefined: interpreted, day unknown) */
export type FirstInterpreted = ReadonlyMap<string, string | undefined>

/** 解读率 and 同步解读 over `policies` */
export function coverage(org: Org, policies: readonly PolicyFact[], firstInterpreted: FirstInterpreted): CoverageRow {
  let interpreted = 0
  let synced = 0
  for (const p of policies) {
    if (!firstInterpreted.has(p.id)) continue
    interpreted += 1
    const day = firstInterpreted.get(p.id)
    if (day !== undefined && isSynced(p.day, day)) synced += 1
  }
  const n = policies.length
  return { org, policies: n, interpreted, rate: n ? interpreted / n : 0, synced, syncRate: n ? synced / n : 0 }
}

/** one row per department, most policies first (then by name) */
export function coverageByDepartment(org: Org, policies: readonly PolicyFact[], firstInterpreted: FirstInterpreted): CoverageRow[] {
  const byDepartment = new Map<string, PolicyFact[]>()
  for (const p of policies) byDepartment.set(p.department, [...(byDepartment.get(p.department) ?? []), p])
  return [...byDepartment.entries()]
    .map(([department, list]) => coverage({ ...org, department }, list, firstInterpreted))
    .sort((a, b) => b.policies - a.policies || (a.org.department! < b.org.department! ? -1 : a.org.department! > b.org.department! ? 1 : 0))
}

export function countByValidity(policies: readonly PolicyFact[]): { validity: PolicyValidity; count: number }[] {
  return VALIDITIES.map((validity) => ({ validity, count: policies.filter((p) => p.validity === validity).length }))
}

/** the earliest interpretation day of each interpreted policy */
export function firstInterpretations(interpretations: readonly { policyId: string; day?: string }[]): FirstInterpreted {
  const first = new Map<string, string | undefined>()
  for (const i of interpretations) {
    if (!first.has(i.policyId)) first.set(i.policyId, i.day)
    else {
      const known = first.get(i.policyId)
      if (i.day !== undefined && (known === undefined || i.day < known)) first.set(i.policyId, i.day)
    }
  }
  return first
}
