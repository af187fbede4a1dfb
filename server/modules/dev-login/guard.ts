/**
 * Dev login answers only a request made on this machine, straight to the server: config.ts
 * already refuses to turn it on with a non-loopback HOST, behind TRUST_PROXY or in production, and
 * this is the second wall for a proxy on the same host that nobody told the server about (nginx on
 * 127.0.0.1 forwarding the internet to a `npm start` demo). Such a request carries proxy headers
 * (X-Forwarded-For, X-Real-IP, Forwarded, Via) or the site's own Host; either makes POST /auth/dev
 * answer 404 exactly as a server without dev login does.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isLoopbackHost } from '../../config'

const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'forwarded', 'via'] as const

/** the host name of a Host header: `127.0.0.1:8080` → 127.0.0.1, `[::1]:8080` → ::1 */
export function hostName(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host)
  if (bracketed) return bracketed[1]
  // a bare IPv6 address has more than one colon and no port
  if ((host.match(/:/g) ?? []).length > 1) return host
  return host.replace(/:\d*$/, '')
}

/** true for a request that came to the server directly, from a page or tool on this machine */
export function isDirectLocalRequest(request: FastifyRequest): boolean {
  if (PROXY_HEADERS.some((name) => request.headers[name] !== undefined)) return false
  const host = request.headers.host
  if (!host) return false
  return isLoopbackHost(hostName(host)) && isLoopbackHost(request.socket.remoteAddress ?? '')
}

/** onRequest of POST /auth/dev: anything but a direct local request gets the API's own 404 */
export async function devLoginOnlyLocal(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isDirectLocalRequest(request)) {
    request.log.warn('dev login refused: not a direct request on this machine')
    return reply.callNotFound()
  }
}
