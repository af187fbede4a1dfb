/**
 * Pino through Fastify: structured request logs without secrets or personal data. No bodies
 * (Fastify never logs them), no Authorization or Cookie header, and phone numbers in URLs
 * (e.g. a search for one) masked.
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify'

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g

export function maskPhones(text: string): string {
  return text.replace(MOBILE, '$1****$2')
}

export function loggerOptions(level = 'info', stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: maskPhones(decodeURIComponentSafe(withoutQuestion(request.url))),
          remoteAddress: request.ip,
        }
      },
    },
  }
}

/** the paths whose `q` is a resident's own text: 智能问答 (/qa/…) and 一站搜索 (/search) */
const QUESTION_PATHS = /\/(?:qa\/|search\?)/

/** a resident's question to 智能问答 or 一站搜索 is never logged: it may name them, their illness, their ID */
export function withoutQuestion(url: string): string {
  return QUESTION_PATHS.test(url) ? url.replace(/([?&]q=)[^&]*/g, '$1[redacted]') : url
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}
