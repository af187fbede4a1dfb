/**
 * Security headers on every answer (HTML, API, media, errors), those of @fastify/helmet:
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
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyHelmetOptions } from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

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

/** what @fastify/helmet was given (and helmetHeaders gives it): exported for the test that compares the two */
export function helmetOptions(options: { hsts: boolean }): FastifyHelmetOptions {
  const directives = Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]))
  return {
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
  }
}

/**
 * The headers helmet sets with these options, names as it writes them, in its order: worked out
 * once, at start-up, by running helmet's own middleware (the `helmet` package, which
 * @fastify/helmet runs on every request) against a response that only records what is set on it.
 * @fastify/helmet builds that middleware anew on every request (parsing the CSP directives each
 * time: 2 % of a server's CPU in a quiz submit's profile), though with one global configuration
 * every answer gets the same headers. The test compares these with @fastify/helmet's on real answers.
 */
export function helmetHeaders(options: { hsts: boolean }): [string, string][] {
  // @fastify/helmet's own options (`global`, `enableCSPNonces`) are not helmet's
  const { global: _global, enableCSPNonces: _nonces, ...helmetOwn } = helmetOptions(options)
  const headers = new Map<string, string>()
  const recorder = {
    setHeader(name: string, value: string) {
      headers.set(name, value)
    },
    removeHeader(name: string) {
      headers.delete(name)
    },
  }
  let failure: unknown
  helmet(helmetOwn as HelmetOptions)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error
  })
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure))
  if (!headers.size) throw new Error('helmet set no headers')
  return [...headers]
}

/** helmet's headers (helmetHeaders, read once at start-up) on every answer, set as helmet set them: on the raw response, first */
export function setupSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const headers = helmetHeaders(options)
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw
    for (let i = 0; i < headers.length; i++) raw.setHeader(headers[i][0], headers[i][1])
    done()
  })
}
