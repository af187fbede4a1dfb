/**
 * Is a resident's text fit to store? With WeChat configured and a WeChat user (an openid):
 * msgSecCheck v2; otherwise, or when WeChat cannot answer, the local word list. `review` from
 * WeChat passes: a consultation is read by the department, never published. Logs say which check
 * decided and why, never the text.
 */
import type { FastifyBaseLogger } from 'fastify'
import { AccessTokenCache } from '../wechat/access-token'
import { WechatCallError } from '../wechat/http'
import type { WechatConfig } from '../wechat/jscode2session'
import { msgSecCheck } from '../wechat/msg-sec-check'
import { findListedWord, loadWordList } from './sensitive-words'

export const CONTENT_REFUSED_MESSAGE = '内容包含不适宜发布的信息，请修改后再提交'

export type CheckResult = { ok: true } | { ok: false; refused: true; reason: string }

export interface CheckContext {
  /** the user's openid when they signed in with WeChat */
  openid?: string
  log: FastifyBaseLogger
}

export interface ContentChecker {
  checkText(text: string, ctx: CheckContext): Promise<CheckResult>
}

export interface ContentCheckOptions {
  wechat?: WechatConfig
  /** normalised words; default: sensitive-words.txt */
  words?: readonly string[]
}

export function createContentChecker(options: ContentCheckOptions = {}): ContentChecker {
  const words = options.words ?? loadWordList()
  const wechat = options.wechat
  const tokens = wechat && new AccessTokenCache(wechat)

  const localCheck = (text: string, log: FastifyBaseLogger): CheckResult => {
    if (!findListedWord(text, words)) return { ok: true }
    log.info({ contentCheck: 'local' }, 'content refused by the local word list')
    return { ok: false, refused: true, reason: 'local word list' }
  }

  return {
    async checkText(text, ctx) {
      if (!wechat || !tokens || !ctx.openid) return localCheck(text, ctx.log)
      try {
        const verdict = await msgSecCheck(wechat, tokens, { content: text, openid: ctx.openid, scene: 2 })
        if (verdict.suggest !== 'risky') return { ok: true }
        ctx.log.info({ contentCheck: 'wechat', label: verdict.label }, 'content refused by msgSecCheck')
        return { ok: false, refused: true, reason: `msgSecCheck risky${verdict.label ? ` (label ${verdict.label})` : ''}` }
      } catch (err) {
        const reason = err instanceof WechatCallError ? err.message : 'unexpected error'
        ctx.log.warn({ contentCheck: 'local', reason }, 'msgSecCheck unavailable; checked with the local word list')
        return localCheck(text, ctx.log)
      }
    },
  }
}
