/**
 * Which questions are one gap: the Q&A module's own reading of a question (normalize: folded,
 * synonyms rewritten; tokenize: bigrams) reduced to its subject bigrams (isContentBigram: not
 * 怎么, 多少, 能不), so 「养猫有补贴吗」 and 「我想问一下养猫有没有补贴」 are the same question.
 * Two questions are one group when they share two subject bigrams (one, when either has only one)
 * and the shared ones are GAP_SIMILARITY of the shorter one's: a long question that tells more
 * (「我叫…，电话…，想问一下养猫有没有补贴」) joins the short one it contains (「养猫有补贴吗」).
 */
import { CITY_ORG_CODE } from '../auth/org-scope'
import { fold, isContentBigram, isContentTerm, normalize, regionsOf, tokenize } from '../qa/normalize'

export const GAP_SIMILARITY = 0.6

/** the county codes of normalize.ts COUNTIES, in its order */
const COUNTY_CODES = ['331002', '331003', '331004', '331082', '331081', '331083', '331023', '331024', '331022']

/** the subject terms of a (masked) question, sorted; empty when it says nothing (「？？」) */
export function gapTerms(masked: string): string[] {
  // a masked number (138****5678) or name (张*丰) is no subject
  const tokens = tokenize(normalize(masked.replace(/[\u4e00-\u9fa5]\*+[\u4e00-\u9fa5]?/g, ' ').replace(/[\dXx]*\*+[\dXx]*/g, ' ')))
  const bigrams = [...new Set(tokens.filter((t) => t.length === 2 && isContentBigram(t)))]
  if (bigrams.length) return bigrams.sort()
  return [...new Set(tokens.filter(isContentTerm))].sort()
}

/** the shared share of the shorter term list (0 when they share too few terms to say) */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0
  const set = new Set(a)
  let shared = 0
  for (const t of b) if (set.has(t)) shared++
  const shorter = Math.min(a.length, b.length)
  if (shared < Math.min(2, shorter)) return 0
  return shared / shorter
}

/** the organisation a question belongs to: the one county it names, else 台州市 */
export function gapOrg(masked: string): string {
  const named = regionsOf(fold(masked))
  return named.length === 1 ? COUNTY_CODES[named[0]] : CITY_ORG_CODE
}
