/**
 * The hook on GET /qa/search that logs a question answered with no confident answer: it reads the
 * answer as sent (also one the micro-cache answered, so every asking counts) and records the
 * question masked (recordGap, through GapWrites: askings of one question that arrive while its
 * previous write runs are counted in one). A failed record never fails the answer, and neither the question
 * nor the database's message is logged.
 */
import type { FastifyInstance, onSendHookHandler } from 'fastify'
import { gapWritesOf } from './gap-writes'

/** the end of a /qa/search answer with no confident hit (QaSearchResult's last field) */
const NOT_CONFIDENT = '"confident":false}'

export function recordUnanswered(app: FastifyInstance): onSendHookHandler {
  return async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string' || !payload.endsWith(NOT_CONFIDENT)) return payload
    const { q, suggest } = (request.query ?? {}) as { q?: unknown; suggest?: unknown }
    // type-ahead while the resident types is no question asked (a micro-cache hit has it unparsed: 'true')
    if (typeof q !== 'string' || !q.trim() || suggest === true || suggest === 'true') return payload
    try {
      await gapWritesOf(app.store).record(q, 'qa')
    } catch (err) {
      request.log.warn({ code: (err as { code?: unknown }).code }, '问答缺口未能记录')
    }
    return payload
  }
}
