/**
 * The schema validator coerces `?page=Infinity` to the number Infinity and lets it through the
 * integer and maximum keywords (only the string form slips by; 1e300 is caught by maximum), so a
 * query or path number that is not finite is refused here, after validation and before any
 * handler: 400 in Chinese instead of SQLite's `datatype mismatch` and a 500.
 */
import type { FastifyInstance } from 'fastify'
import { badRequest } from '../errors'

function firstNotFinite(values: unknown): [string, number] | undefined {
  if (!values || typeof values !== 'object') return undefined
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'number' && !Number.isFinite(v)) return [key, v]
  }
  return undefined
}

function message(key: string, value: number): string {
  if (key === 'page') return value > 0 ? '页码超出范围，最大为 10000' : '参数错误：page 必须是正整数'
  if (key === 'pageSize') return '参数错误：pageSize 必须是 1 到 50 之间的整数'
  return `参数错误：${key} 数值超出范围`
}

export function setupFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const found = firstNotFinite(request.query) ?? firstNotFinite(request.params)
    if (found) throw badRequest(message(...found))
  })
}
