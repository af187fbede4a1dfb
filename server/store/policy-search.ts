import type { Policy } from '../../common/contract'

/**
 * The text a policy search matches: title, 文号, summary and every section, lower-cased once.
 * Both stores use it (SQLite keeps it in a column) so they answer a query the same way.
 */
export function policySearchText(policy: Policy): string {
  const parts = [policy.title, policy.docNumber, policy.summary]
  for (const section of policy.sections) parts.push(section.heading, ...section.paragraphs)
  return parts.join('\n').toLowerCase()
}

/** whitespace-separated terms (including the ideographic space), lower-cased; all must match */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return []
  return q
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean)
}
