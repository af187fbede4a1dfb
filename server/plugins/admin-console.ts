/**
 * The 政务工作台 console's build (dist/admin, made by `npm run build:admin`) at /admin/ when it
 * exists: hashed files under /admin/assets/ cached for a year, index.html revalidated, and every
 * other extension-less path under /admin/ answered with index.html (the console's client-side
 * routes: /admin/accounts, /admin/policies/12). Vite's index.html has no inline script, so its CSP
 * allows scripts from this origin only; antd's CSS-in-JS adds <style> elements, which style-src
 * already allows.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { htmlCsp } from './security-headers'

export const ADMIN_PREFIX = '/admin/'

export function adminCacheControl(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.(js|css)$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** index.html and its CSP, read again when the build changes */
function adminIndex(adminDir: string): () => { html: string; csp: string } {
  const file = resolve(adminDir, 'index.html')
  let cached: { mtimeMs: number; html: string; csp: string } | undefined
  return () => {
    const mtimeMs = statSync(file).mtimeMs
    if (cached?.mtimeMs !== mtimeMs) {
      const html = readFileSync(file, 'utf8')
      cached = { mtimeMs, html, csp: htmlCsp(html) }
    }
    return cached
  }
}

export type AdminFallback = (reply: FastifyReply) => FastifyReply

/** returns how to answer a console route with index.html, or undefined when there is no build */
export function setupAdminConsole(app: FastifyInstance, adminDir: string | undefined): AdminFallback | undefined {
  if (!adminDir || !existsSync(resolve(adminDir, 'index.html'))) return undefined
  const index = adminIndex(adminDir)
  const sendIndex: AdminFallback = (reply) => {
    const { html, csp } = index()
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', csp).send(html)
  }
  app.register(fastifyStatic, {
    root: resolve(adminDir),
    prefix: ADMIN_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (res, filePath) => res.setHeader('cache-control', adminCacheControl(filePath)),
  })
  app.get('/admin', { logLevel: 'warn' }, async (_request, reply) => reply.redirect(ADMIN_PREFIX))
  app.get(ADMIN_PREFIX, { logLevel: 'warn' }, async (_request, reply) => sendIndex(reply))
  return sendIndex
}
