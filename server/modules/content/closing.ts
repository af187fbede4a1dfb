/**
 * 已截止: a policy whose application window or validity ended (closesAt before today, Beijing) is
 * marked closed for every reader, and never leads 最新政策. The label is common/labels' closedLabel.
 */
import type { PolicySummary } from '../../../common/contract'

export function isClosed(policy: Pick<PolicySummary, 'closesAt'>, today: string): boolean {
  return !!policy.closesAt && policy.closesAt < today
}

/** the policy as residents see it today: `closed: true` once its last day has passed */
export function markClosed<T extends PolicySummary>(policy: T, today: string): T {
  return isClosed(policy, today) ? { ...policy, closed: true } : policy
}
