/**
 * The two landing pages whose HTML carries their first screen (first-screen.ts): 首页 at / and
 * /pages/index/index, and an interpretation at /packages/interpretation/pages/detail/index?id=.
 * The embedded API answers go through the same response schemas as GET /home and
 * GET /interpretations/:id (fast-json-stringify, as Fastify serialises them), so the page receives
 * exactly what it would have fetched and nothing the schema leaves out. An unknown
 * id gets the plain index.html (the page shows its own 内容不存在 state).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import fastJson from 'fast-json-stringify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API_PREFIX } from '../../../common/contract'
import { composeHome } from '../content/home'
import { Home, Interpretation } from '../content/schemas'
import { htmlCsp } from '../../plugins/security-headers'
import { H5Document } from './document'
import { homeFirstScreen, interpretationFirstScreen, skeletonFirstScreen } from './first-screen'

export const HOME_PAGE = 'pages/index/index'
export const INTERPRETATION_PAGE = 'packages/interpretation/pages/detail/index'

/** an HTML answer, compressed as the client accepts (it is made per request, so not precompressed) */
function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  const accepts = String(request.headers['accept-encoding'] ?? '')
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding')
  // this response's inline scripts (the page data and the layer script differ per answer) by hash
  reply.header('content-security-policy', htmlCsp(html))
  if (/\bbr\b/.test(accepts)) {
    return reply.header('content-encoding', 'br').send(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }))
  }
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(html))
  return reply.send(html)
}

/** `value` as its API route would answer it: only what the response schema names */
function asServed<T>(serialise: (value: unknown) => string, value: T): T {
  return JSON.parse(serialise(value)) as T
}

/** a page of the app: `pages/<name>/index` or `packages/<sub>/pages/<name>/index` */
const APP_PAGE = /^\/((?:packages\/[\w-]+\/)?pages\/[\w-]+\/index)$/

/** what the client-side routes of the H5 app answer (setupNotFound's fallback) */
export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>

/**
 * The landing pages with their first screen; returns the answer for every other client-side route:
 * a page of the app gets index.html with a skeleton layer, anything else index.html as built.
 */
export function setupFirstScreenPages(app: FastifyInstance, staticDir: string): SpaFallback {
  const doc = new H5Document(staticDir)
  const serialiseHome = fastJson(Home)
  const serialiseInterpretation = fastJson(Interpretation)

  const home = async (request: FastifyRequest, reply: FastifyReply) => {
    const data = asServed(serialiseHome, await composeHome(app.store))
    return sendHtml(request, reply, doc.withFirstScreen(HOME_PAGE, homeFirstScreen(data), { [`${API_PREFIX}/home`]: data }))
  }
  app.get('/', { logLevel: 'warn' }, home)
  app.get(`/${HOME_PAGE}`, { logLevel: 'warn' }, home)

  app.get<{ Querystring: { id?: string } }>(`/${INTERPRETATION_PAGE}`, { logLevel: 'warn' }, async (request, reply) => {
    const id = typeof request.query.id === 'string' ? request.query.id : ''
    const item = id ? await app.store.content.getInterpretation(id) : undefined
    if (!item) return sendHtml(request, reply, doc.plain())
    const data = asServed(serialiseInterpretation, item)
    const url = `${API_PREFIX}/interpretations/${encodeURIComponent(id)}`
    return sendHtml(request, reply, doc.withFirstScreen(INTERPRETATION_PAGE, interpretationFirstScreen(data), { [url]: data }))
  })

  const skeleton = skeletonFirstScreen()
  return (request, reply) => {
    const page = APP_PAGE.exec(request.url.split('?')[0])?.[1]
    return sendHtml(request, reply, page ? doc.withSkeleton(page, skeleton) : doc.plain())
  }
}
