/**
 * Ajv (Fastify's validator) coerces "Infinity", "-Infinity" and "1e400" in a query or path to
 * ±Infinity and then lets them past `type: integer`, `minimum` and `maximum` (its number checks
 * are guarded by isFinite), and JSON.parse turns 1e400 in a body into Infinity: SQLite then
 * throws "datatype mismatch" (500). After validation, any non-finite number in the query, the
 * params or the body is a 400, for every route at once.
 */
import type { FastifyInstance } from 'fastify'
import { badRequest } from '../errors'

function hasNonFinite(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (depth > 8 || value === null || typeof value !== 'object') return false
  if (Buffer.isBuffer(value)) return false
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (hasNonFinite(v, depth + 1)) return true
  return false
}

export function setupFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (hasNonFinite(request.query) || hasNonFinite(request.params) || hasNonFinite(request.body)) throw badRequest('数字超出范围')
  })
}
