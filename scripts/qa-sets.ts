/**
 * The 智能问答 question sets (test/qa-eval*.json) in one place: which are development data (fit and
 * mined from) and which writer wrote each — so that a figure for a set is computed without what its
 * own writer's questions taught the engine (residents' wordings, the confidence fit).
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'

export const TEST_DIR = path.join(__dirname, '../test')

/**
 * the blind test sets already evaluated once (spent): development data since 2026-12-06 (issue 16),
 * named one by one so that a new blind set dropped into test/ is never fit on or mined by accident.
 * blind12 and blind13 are spent too (evaluated once on 2026-12-06, on the engine with residents'
 * wordings) but not listed yet: listing them changes what is mined and fit, so the shipped model would
 * no longer be the one they measured. Add them when the next round reruns scripts/mine-qa-wordings.ts
 * and scripts/fit-qa-confidence.ts.
 */
export const SPENT_BLIND = ['blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11'].map(
  (b) => `qa-eval-${b}-test.json`,
)

/** the development sets (file names in test/): qa-eval.json, heldout, the *-dev sets and, unless QA_SPENT=0, the spent blind sets */
export const DEV_FILES = readdirSync(TEST_DIR)
  .filter(
    (f) =>
      f === 'qa-eval.json' || f === 'qa-eval-heldout.json' || /^qa-eval-.+-dev\.json$/.test(f) || (process.env.QA_SPENT !== '0' && SPENT_BLIND.includes(f)),
  )
  .sort()

/**
 * who wrote a set: its name without `-dev` / `-test` (blind2-dev and blind2-test are one writer's
 * questions split in two), `qa-eval` for test/qa-eval.json
 */
export function writerOf(file: string): string {
  return (
    path
      .basename(file)
      .replace(/\.json$/, '')
      .replace(/^qa-eval-?/, '')
      .replace(/-(dev|test)$/, '') || 'qa-eval'
  )
}
