/**
 * The hook on GET /search (一站搜索) that logs a submitted search the 智能问答 has no confident
 * answer for, as recordUnanswered does for /qa/search, with the source 'search'. Logged: page 1
 * of a search over the FAQs (all types, or types naming faq), not a type-ahead (`suggest`), with
 * no answer on top (the engine was not confident). One resident's same search — the overview,
 * then the 问答 tab, a reload, page 2 — counts once per SEARCH_GAP_WINDOW_MS: the key is the
 * signed-in user (else the client's address, IPv6 by its /64) and the normalised text, hashed.
 * The window is shared by every instance through Redis when there is one, else kept in this
 * process (bounded). A failed record never fails the answer, and neither the question nor the
 * database's message is logged.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest, onSendHookHandler } from 'fastify'
import { clientKey } from '../../plugins/rate-limit'
import { normalize } from '../qa/normalize'
import { gapWritesOf } from './gap-writes'

/** a resident's same search within this long counts once */
export const SEARCH_GAP_WINDOW_MS = 30 * 60_000
/** searches the in-process window remembers before the oldest is forgotten */
const MEMORY_MAX = 50_000
/** an answer on top (SearchResult.answer): the engine was confident (JSON-escaped text never has this quote) */
const ANSWERED = '"answer":{'

/** whether a search is the first of its kind (user + text) within the window */
export class SearchGapWindow {
  private readonly seen = new Map<string, number>()
  constructor(
    private readonly app: FastifyInstance,
    private readonly windowMs = SEARCH_GAP_WINDOW_MS,
  ) {}

  async first(key: string): Promise<boolean> {
    const redis = this.app.redis?.client
    if (redis) return (await redis.set(`qa-gap:search:${key}`, '1', 'PX', this.windowMs, 'NX')) === 'OK'
    const now = this.app.store.now().getTime()
    const until = this.seen.get(key)
    if (until !== undefined && until > now) return false
    // re-inserted at the end: the Map's order is the order of expiry
    this.seen.delete(key)
    this.seen.set(key, now + this.windowMs)
    if (this.seen.size > MEMORY_MAX) this.seen.delete(this.seen.keys().next().value as string)
    return true
  }
}

/** the window's key: who searched and what, hashed (no text nor address kept) */
export function searchKey(request: FastifyRequest, q: string): string {
  const who = request.user ? `u:${request.user.id}` : `ip:${clientKey(request.ip)}`
  return createHash('sha256')
    .update(`${who}|${normalize(q).replace(/\s+/g, '')}`)
    .digest('base64url')
    .slice(0, 22)
}

/** whether a /search request is a submitted search over the FAQs, page 1 (the query may be unparsed: a micro-cache hit) */
function submittedFaqSearch(query: Record<string, unknown>): string | undefined {
  const { q, types, page, suggest } = query
  if (typeof q !== 'string' || !q.trim() || suggest === true || suggest === 'true') return undefined
  if (page !== undefined && Number(page) !== 1) return undefined
  if (typeof types === 'string' && types && !types.split(',').includes('faq')) return undefined
  return q.trim()
}

export function recordSearchGap(app: FastifyInstance): onSendHookHandler {
  const window = new SearchGapWindow(app)
  return async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string' || payload.includes(ANSWERED)) return payload
    const q = submittedFaqSearch((request.query ?? {}) as Record<string, unknown>)
    if (!q) return payload
    try {
      if (await window.first(searchKey(request, q))) await gapWritesOf(app.store).record(q, 'search')
    } catch (err) {
      request.log.warn({ code: (err as { code?: unknown }).code }, '问答缺口（搜索）未能记录')
    }
    return payload
  }
}
