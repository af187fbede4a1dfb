/**
 * Files: `mock/media` at /media/ (range requests for video seeking, long-lived caching) and the
 * built H5 app at / when it exists (client-side routes fall back to index.html, see
 * error-handlers.ts; the landing pages carry their first screen, see ../h5); without a build, /
 * explains how to make one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import type { ServerAnswers } from '../modules/first-screen/page'
import { setupFirstScreenPages, type SpaFallback } from '../modules/first-screen/routes'
import { htmlCsp } from './security-headers'

export const MEDIA_MAX_AGE = '30d'

export const NO_BUILD_MESSAGE = '政策通内容服务已启动，但还没有 H5 页面：请先运行 npm run build:h5，再重启服务。接口地址：/api/v1'

export function setupMedia(app: FastifyInstance, mediaDir: string | undefined): boolean {
  if (!mediaDir || !existsSync(mediaDir)) return false
  app.register(fastifyStatic, {
    root: resolve(mediaDir),
    prefix: '/media/',
    decorateReply: false,
    acceptRanges: true,
    maxAge: MEDIA_MAX_AGE,
    index: false,
    dotfiles: 'deny',
  })
  return true
}

/** build files named by their content hash never change: a year; index.html and the rest: revalidate */
export function h5CacheControl(filePath: string): string {
  return /\.[0-9a-f]{8,}\.(js|css)(\.br|\.gz)?$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * The CSP of the build's index.html (its inline scripts' hashes), whichever twin is sent
 * (.br, .gz): read again when the build changes.
 */
function indexCsp(staticDir: string): () => string {
  const file = resolve(staticDir, 'index.html')
  let cached: { mtimeMs: number; csp: string } | undefined
  return () => {
    const mtimeMs = statSync(file).mtimeMs
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, csp: htmlCsp(readFileSync(file, 'utf8')) }
    return cached.csp
  }
}

/** the tab's icon (the app's blue page), for browsers that ask /favicon.ico whatever the HTML says: never a 404 */
const FAVICON = resolve(__dirname, 'assets', 'favicon.ico')

export function setupFavicon(app: FastifyInstance): void {
  let bytes: Buffer | undefined
  app.get('/favicon.ico', { logLevel: 'warn' }, async (_request, reply) => {
    bytes ??= readFileSync(FAVICON)
    return reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(bytes)
  })
}

/** when the H5 app is served: the answer of its client-side routes (unknown extension-less paths fall back to it) */
export function setupH5(app: FastifyInstance, staticDir: string | undefined, server: ServerAnswers): SpaFallback | undefined {
  if (staticDir && existsSync(staticDir)) {
    const csp = indexCsp(staticDir)
    app.register(fastifyStatic, {
      root: resolve(staticDir),
      prefix: '/',
      index: 'index.html',
      dotfiles: 'deny',
      // .br / .gz written at build time by scripts/precompress.mjs
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', h5CacheControl(filePath))
        // index.html (also as the client-side routes' fallback): its inline scripts by hash
        if (/\.html(\.br|\.gz)?$/.test(filePath)) res.setHeader('content-security-policy', csp())
      },
    })
    // 首页 and an interpretation come with their first screen already in the HTML, the other pages with a skeleton
    return setupFirstScreenPages(app, resolve(staticDir), server)
  }
  app.get('/', { logLevel: 'warn' }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(NO_BUILD_MESSAGE),
  )
  return undefined
}
