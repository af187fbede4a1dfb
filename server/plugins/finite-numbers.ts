/**
 * The schema validator (Ajv) coerces "Infinity", "-Infinity" and "1e400" in a query or path to
 * ±Infinity and lets them past `type: integer`, `minimum` and `maximum` (its number checks are
 * guarded by isFinite), and JSON.parse turns 1e400 in a body into Infinity: SQLite then throws
 * "datatype mismatch" (a 500). After validation and before any handler, a non-finite number in the
 * query, the params or the body is a 400 in Chinese, for every route at once.
 *
 * The same goes for the NUL character (U+0000) in any string: PostgreSQL's text cannot hold it
 * ("invalid byte sequence", a 500), SQLite would store it and cut it off in places. No field of
 * ours has a use for it, so it is refused before any handler, on both databases alike.
 */
import type { FastifyInstance } from 'fastify'
import { badRequest } from '../errors'
import { FIELD_KEYWORD_MESSAGES, FIELD_RULES } from '../validation-message'

/** the first non-finite number and the top-level field it sits under */
function firstNotFinite(value: unknown, key = '', depth = 0): [string, number] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : [key, value]
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined
  for (const [k, v] of Object.entries(value)) {
    const found = firstNotFinite(v, depth === 0 ? k : key, depth + 1)
    if (found) return found
  }
  return undefined
}

/** the top-level field of the first string holding a NUL character */
function firstNul(value: unknown, key = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? key : undefined
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined
  for (const [k, v] of Object.entries(value)) {
    const found = firstNul(v, depth === 0 ? k : key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

function message(key: string, value: number): string {
  // the validator's own sentences for these fields, so a non-finite page reads like a too-big one
  if (key === 'page' && value > 0) return FIELD_KEYWORD_MESSAGES['page.maximum']
  if (key === 'page' || key === 'pageSize') return `参数错误：${key} ${FIELD_RULES[key]}`
  return key ? `参数错误：${key} 数值超出范围` : '参数错误：数值超出范围'
}

export function setupFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const found = firstNotFinite(request.query) ?? firstNotFinite(request.params) ?? firstNotFinite(request.body)
    if (found) throw badRequest(message(...found))
    const nul = firstNul(request.params) ?? firstNul(request.query) ?? firstNul(request.body)
    if (nul !== undefined) throw badRequest(nul ? `参数错误：${nul} 含有无效字符` : '参数错误：含有无效字符')
  })
}
