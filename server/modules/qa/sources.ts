/**
 * 答案出处: the policy a FAQ names, the article (条款) of it the answer was written from, and the
 * interpretation — so a resident can check the answer one tap away. The article is the policy
 * paragraph sharing the most of the answer's bigrams (the FAQs are written from one article each;
 * a FAQ may also name it by heading, not needed then).
 */
import type { Faq, Interpretation, Policy, QaSource } from '../../../common/contract'
import { fold } from './normalize'

function bigramSet(text: string): Set<string> {
  const cs = [...fold(text)]
  const out = new Set<string>()
  for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i] + cs[i + 1])
  return out
}

/** the paragraph of the policy the answer rests on (none when no paragraph shares a fifth of its bigrams) */
export function articleOf(answer: string, policy: Policy): QaSource['article'] {
  const wanted = bigramSet(answer)
  if (!wanted.size) return undefined
  let best: { heading: string; text: string; share: number } | undefined
  for (const section of policy.sections) {
    for (const text of section.paragraphs) {
      let shared = 0
      for (const b of bigramSet(text)) if (wanted.has(b)) shared++
      const share = shared / wanted.size
      if (!best || share > best.share) best = { heading: section.heading, text, share }
    }
  }
  return best && best.share >= 0.2 ? { heading: best.heading, text: best.text } : undefined
}

export function sourceOf(faq: Faq, policy: Policy | undefined, interpretation: Interpretation | undefined): QaSource | undefined {
  if (!policy) return undefined
  const article = articleOf(faq.answer, policy)
  return {
    policy: { id: policy.id, title: policy.title, docNumber: policy.docNumber, validity: policy.validity },
    ...(article ? { article } : {}),
    ...(interpretation ? { interpretation: { id: interpretation.id, title: interpretation.title } } : {}),
  }
}
