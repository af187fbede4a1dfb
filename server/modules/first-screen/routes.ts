/**
 * The pages whose HTML carries their first screen (pages/index.ts: 首页 at / and /pages/index/index,
 * an interpretation at /packages/interpretation/pages/detail/index?id=, …). The embedded API
 * answers go through the same response schemas as the API routes (fast-json-stringify, as Fastify
 * serialises them), so the page receives exactly what it would have fetched and nothing the schema
 * leaves out. Every other page of the app gets a skeleton.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { htmlCsp } from '../../plugins/security-headers'
import { withDemoBanner } from './demo-banner'
import { H5Document } from './document'
import { appConfigData, type ServerAnswers } from './page'
import { FIRST_SCREEN_PAGES } from './pages'
import { skeletonFirstScreen } from './skeleton'

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

/** a page of the app: `pages/<name>/index` or `packages/<sub>/pages/<name>/index` */
const APP_PAGE = /^\/((?:packages\/[\w-]+\/)?pages\/[\w-]+\/index)$/

/** what the client-side routes of the H5 app answer (setupNotFound's fallback) */
export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>

/**
 * The pages with their first screen (pages/index.ts); returns the answer for every other client-side route:
 * a page of the app gets index.html with a skeleton layer, anything else index.html as built.
 *
 * Every layer, drawn or skeleton, carries GET /app-config's answer and, when it says demo, the
 * 演示模式 banner where the page will draw it (the app reads the answer before its first frame).
 */
export function setupFirstScreenPages(app: FastifyInstance, staticDir: string, server: ServerAnswers): SpaFallback {
  const doc = new H5Document(staticDir)
  const everyPage = appConfigData(server)
  const demo = server.appConfig.demo

  for (const def of FIRST_SCREEN_PAGES) {
    const handler = async (request: FastifyRequest<{ Querystring: Record<string, unknown> }>, reply: FastifyReply) => {
      const drawn = await def.draw(app, request.query ?? {}, server)
      if (!drawn) return sendHtml(request, reply, doc.plain())
      const screen = demo ? withDemoBanner(drawn.html) : drawn.html
      return sendHtml(request, reply, doc.withFirstScreen(def.page, screen, { ...everyPage, ...drawn.data }, drawn.script))
    }
    for (const path of [`/${def.page}`, ...(def.alsoAt ?? [])]) app.get(path, { logLevel: 'warn' }, handler)
  }

  const skeleton = skeletonFirstScreen({ demo })
  return (request, reply) => {
    const page = APP_PAGE.exec(request.url.split('?')[0])?.[1]
    return sendHtml(request, reply, page ? doc.withSkeleton(page, skeleton, everyPage) : doc.plain())
  }
}
