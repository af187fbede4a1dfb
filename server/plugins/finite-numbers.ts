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

/** what a walk of one value found first: a non-finite number (its top-level field) and a string holding NUL (its top-level field) */
interface Found {
  notFinite?: [string, number]
  nul?: string
}

/**
 * One walk of a value (query, params or body) for both: the first non-finite number and the first
 * string with a NUL character, each with the top-level field it sits under, in the order of the keys
 */
function walk(value: unknown, found: Found, key = '', depth = 0): void {
  if (typeof value === 'number') {
    if (!found.notFinite && !Number.isFinite(value)) found.notFinite = [key, value]
    return
  }
  if (typeof value === 'string') {
    if (found.nul === undefined && value.includes('\u0000')) found.nul = key
    return
  }
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return
  const object = value as Record<string, unknown>
  for (const k of Object.keys(object)) {
    walk(object[k], found, depth === 0 ? k : key, depth + 1)
    if (found.notFinite && found.nul !== undefined) return
  }
}

function scan(value: unknown): Found {
  const found: Found = {}
  walk(value, found)
  return found
}

function message(key: string, value: number): string {
  // the validator's own sentences for these fields, so a non-finite page reads like a too-big one
  if (key === 'page' && value > 0) return FIELD_KEYWORD_MESSAGES['page.maximum']
  if (key === 'page' || key === 'pageSize') return `参数错误：${key} ${FIELD_RULES[key]}`
  return key ? `参数错误：${key} 数值超出范围` : '参数错误：数值超出范围'
}

export function setupFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const [query, params, body] = [scan(request.query), scan(request.params), scan(request.body)]
    const found = query.notFinite ?? params.notFinite ?? body.notFinite
    if (found) throw badRequest(message(...found))
    const nul = params.nul ?? query.nul ?? body.nul
    if (nul !== undefined) throw badRequest(nul ? `参数错误：${nul} 含有无效字符` : '参数错误：含有无效字符')
  })
}
