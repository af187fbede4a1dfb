/**
 * `npx tsx scripts/mine-qa-wordings.ts`: writes mock/fixtures/faq-similar-residents.ts — the
 * residents' questions of the development sets (scripts/qa-sets.ts DEV_FILES) as 相似问法 of the FAQ
 * each one was labelled with, what the console's 问答缺口 queue does when an editor 并入s a
 * resident's wording into a FAQ. Each wording keeps the set it came from, so that every figure for
 * a set is computed on an index without its own writer's wordings (scripts/eval-qa.ts).
 *
 * A question is taken only when it is in scope (`id` not null) with a fixture FAQ's id, the
 * 问答缺口 mask (maskPersonal) leaves it as it is, and 并入 would add it (withGapWordings: no `*`,
 * ≤ FAQ_SIMILAR_TEXT_MAX characters, no sensitive word, not the FAQ's question or a written 相似问法;
 * closing punctuation dropped). A FAQ keeps at most FAQ_SIMILAR_MAX 相似问法 (faqs.ts
 * withResidentWordings): the first ones listed, in the order of DEV_FILES, as a queue keeps the
 * first it was given. (Listing first those the engine without residents' wordings answers wrong or
 * least surely — "what teaches something" — did slightly worse leaving one writer out: README.)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Faq } from '../common/contract'
import { writtenFaqs } from '../mock/fixtures/faqs'
import { maskPersonal } from '../server/modules/qa-gaps/mask'
import { withGapWordings } from '../server/modules/qa-gaps/routes'
import { DEV_FILES, TEST_DIR } from './qa-sets'

export interface LabelledQuestion {
  q: string
  id: string | null
}

/** per FAQ id, [set, wording] in the order given (see mineWordings) */
export type ResidentWordings = Record<string, [set: string, wording: string][]>

/**
 * The wording 并入 would add to `faq` for this resident's question, or undefined: nothing personal
 * (the 问答缺口 mask would change it), nothing masked, nothing 并入 refuses.
 */
export function takeableWording(faq: Pick<Faq, 'question' | 'similar'>, q: string): string | undefined {
  if (maskPersonal(q) !== q) return undefined
  const { similar, added } = withGapWordings(faq, [q])
  return added === 1 ? similar[similar.length - 1] : undefined
}

/** The takeable questions of `sets` by FAQ, in set order (a wording once per FAQ and set). */
export function mineWordings(sets: { file: string; questions: LabelledQuestion[] }[], faqs: Faq[]): ResidentWordings {
  const byId = new Map(faqs.map((f) => [f.id, f]))
  const out: ResidentWordings = {}
  for (const { file, questions } of sets) {
    for (const { q, id } of questions) {
      const faq = id === null ? undefined : byId.get(id)
      const wording = faq && takeableWording(faq, q)
      if (!faq || !wording) continue
      const list = (out[faq.id] ??= [])
      if (!list.some(([set, w]) => set === file && w === wording)) list.push([file, wording])
    }
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((id) => [id, out[id]]),
  )
}

function main() {
  const sets = DEV_FILES.map((file) => ({ file, questions: JSON.parse(readFileSync(path.join(TEST_DIR, file), 'utf8')) as LabelledQuestion[] }))
  const mined = mineWordings(sets, writtenFaqs)
  const count = Object.values(mined).reduce((n, ws) => n + ws.length, 0)
  const header = `/**
 * Residents' own wordings as 相似问法 (issue 16), written by scripts/mine-qa-wordings.ts — do not edit
 * by hand. They are the in-scope questions of the development sets (test/qa-eval*.json named in
 * scripts/qa-sets.ts: questions residents would ask, written by writers who saw only the FAQ texts),
 * each as 相似问法 of the FAQ it was labelled with, as the console's 问答缺口 queue adds a resident's
 * wording when an editor 并入s it (nothing masked, nothing personal, ≤ 60 characters), tagged with
 * its set. faqs.ts adds them after the written ones, in this order, up to 10 相似问法 per FAQ. Every figure
 * \`npm run eval:qa\` and scripts/fit-qa-confidence.ts print for a set is computed on an index WITHOUT
 * the wordings of that set's writer (blind2-dev and blind2-test are one writer), so no set is
 * answered from its own questions. ${count} wordings of ${Object.keys(mined).length} FAQs.
 */
`
  writeFileSync(
    path.join(__dirname, '../mock/fixtures/faq-similar-residents.ts'),
    `${header}export const residentWordings: Readonly<Record<string, readonly (readonly [set: string, wording: string])[]>> = ${JSON.stringify(mined, null, 2)}\n`,
  )
  console.log(`${count} wordings of ${Object.keys(mined).length} FAQs from ${sets.length} sets`)
}

if (require.main === module) main()
