/**
 * The one place 一站搜索 uses the 智能问答 engine: its ranking of the FAQs and its confidence, as
 * GET /qa/search answers them (server/modules/qa). The index is built from the published FAQs on
 * the first search and again when they change (the content repository's FAQ generation, which the
 * Q&A routes bump when the console publishes or withdraws a FAQ, on any instance).
 */
import type { QaHit } from '../../../common/contract'
import type { Store } from '../../store/store'
import { QaIndex } from '../qa'

export interface FaqRanking {
  hits: QaHit[]
  /** the engine is confident its first hit answers the question */
  confident: boolean
}

export function faqRanker(store: Store): (q: string, limit: number) => Promise<FaqRanking> {
  let building: Promise<QaIndex> | undefined
  let builtFor = -1
  const index = () => {
    const generation = store.content.faqGeneration
    if (!building || builtFor !== generation) {
      builtFor = generation
      building = store.content.listFaqs().then((faqs) => new QaIndex(faqs))
      // a failed read is not kept
      building.catch(() => (building = undefined))
    }
    return building
  }
  // confident as GET /qa/search says it (the confidence model): the answer on top and 问答缺口 agree with 智能问答
  return async (q, limit) => {
    const { items, confident } = (await index()).ask(q, limit)
    return { hits: items, confident }
  }
}
