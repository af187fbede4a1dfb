import { QA_QUERY_MAX } from '../../../common/contract'
import { badRequest } from '../../errors'
import { QaIndex } from '.'
import type { Faq, QaSource } from '../../../common/contract'
import { sourceOf } from './sources'
import { readErrors } from '../../schemas/common'
import { QaSearchQuery, QaSearchResult } from './schemas'
import type { RoutePlugin } from '../../type-provider'
import { recordUnanswered } from '../qa-gaps/record-hook'

const messages = {
  q: '请输入要咨询的问题',
  'q.maxLength': `问题太长了，请控制在${QA_QUERY_MAX}字以内`,
  limit: '参数错误：limit 必须是 1 到 10 之间的整数',
}

/** 智能问答. The index is built on the first question and again after the console publishes or withdraws a FAQ (through any instance). */
const qaRoutes: RoutePlugin = async (app) => {
  let building: Promise<QaIndex> | undefined
  let builtFor = -1
  // a FAQ published or withdrawn through another instance reaches this one as dropped cache paths
  app.onMemoDropped((paths) => {
    if (paths.some((p) => p === '/' || p.startsWith('/faqs') || p.startsWith('/qa'))) app.store.content.faqsChanged()
  })
  // 答案出处 per FAQ, for the FAQs of this generation (a policy edit reaches them with the next FAQ change or restart)
  let sources = new Map<string, Promise<QaSource | undefined>>()
  const sourceFor = (faq: Faq) => {
    if (!faq.policyId) return undefined
    let s = sources.get(faq.id)
    if (!s) {
      const { policyId, interpretationId } = faq
      s = Promise.all([app.store.content.getPolicy(policyId), interpretationId ? app.store.content.getInterpretation(interpretationId) : undefined]).then(
        ([p, i]) => sourceOf(faq, p, i),
      )
      s.catch(() => sources.delete(faq.id))
      sources.set(faq.id, s)
    }
    return s
  }
  // questions that arrive while it is built wait for the same build; a failed read is not kept
  const qaIndex = () => {
    const generation = app.store.content.faqGeneration
    if (!building || builtFor !== generation) {
      builtFor = generation
      sources = new Map()
      building = app.store.content.listFaqs().then((faqs) => new QaIndex(faqs))
      building.catch(() => (building = undefined))
    }
    return building
  }
  app.get(
    '/qa/search',
    {
      schema: { querystring: QaSearchQuery, response: { 200: QaSearchResult, ...readErrors } },
      config: { validationMessages: messages, memo: true },
      // 问答缺口: an answer with no confident hit logs the question, masked (also when the micro-cache answers)
      onSend: recordUnanswered(app),
    },
    async (request) => {
      const q = request.query.q.trim()
      if (!q) throw badRequest(messages.q)
      // not confident: the best hit may be a guess, the client says 可能相关 (confidence.ts)
      const { items, confidence, confident } = (await qaIndex()).ask(q, request.query.limit ?? 5)
      const withSources = await Promise.all(
        items.map(async (hit) => {
          const source = await sourceFor(hit.faq)
          return source ? { ...hit, source } : hit
        }),
      )
      return { items: withSources, confidence, confident }
    },
  )
}

export default qaRoutes
