/**
 * Security headers on every answer (HTML, API, media, errors) by @fastify/helmet:
 * Content-Security-Policy, X-Content-Type-Options: nosniff, X-Frame-Options: DENY with
 * frame-ancestors 'none', Referrer-Policy: no-referrer, and Strict-Transport-Security only when
 * the deployment says it is behind HTTPS (HSTS=1): on plain-HTTP localhost it would do nothing
 * but confuse a later HTTPS dev server on the same host.
 *
 * The CSP: scripts only from this origin, plus — on an HTML page — the SHA-256 of each of that
 * page's inline scripts (index.html's three, and on a first-screen page its data and layer
 * scripts, hashed per response by server/h5: `htmlCsp(html)`); no 'unsafe-inline', no eval.
 * Styles allow 'unsafe-inline': Taro's H5 runtime and its components (Stencil) add <style>
 * elements at run time, and the first screen inlines the page's stylesheet. Pictures may come from
 * https hosts (content may name them) and blob:/data: (canvas results: certificates, 明白卡);
 * video from blob: as well (hls.js feeds Media Source through blob: URLs, its worker too).
 */
import { createHash } from 'node:crypto'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/** the policy's directives but script-src, in order; exported for tests */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'media-src': ["'self'", 'blob:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'script-src-attr': ["'none'"],
}

/** the header value, with `scriptSources` (hashes) allowed besides 'self' */
export function contentSecurityPolicy(scriptSources: string[] = []): string {
  const directives = { ...CSP_DIRECTIVES, 'script-src': ["'self'", ...scriptSources] }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi

/** `'sha256-…'` of every inline (src-less) script of `html`, as the browser hashes its text */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(m[1])) continue
    hashes.add(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/** the CSP for an HTML document: its own inline scripts and nothing else inline */
export function htmlCsp(html: string): string {
  return contentSecurityPolicy(inlineScriptHashes(html))
}

export function setupSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const directives = Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]))
  app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, scriptSrc: ["'self'"] },
    },
    // the mini-program shows /media pictures and videos from its own (WeChat) origin
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
}
