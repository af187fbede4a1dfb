/**
 * The WeChat risk check of a submitted attempt. Where WeChat is configured and the contestant
 * signed in with WeChat, a fresh submit asks getUserRiskRank (scene 1 营销作弊) and stores the
 * outcome on the attempt: from rank 3 on it is flagged and not eligible for prizes (rules.ts), but
 * kept, scored and ranked like any other — the flag is for the console, not shown to the contestant.
 * WeChat gets at most `timeoutMs` (1.5 s): an error or a late answer leaves the attempt unflagged
 * with riskCheck 'unavailable', and the submit answers as usual. Logs carry the attempt and the
 * outcome, never the openid or the IP.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Store } from '../../store/store'
import { AccessTokenCache } from '../../wechat/access-token'
import { WechatCallError } from '../../wechat/http'
import type { WechatConfig } from '../../wechat/jscode2session'
import { getUserRiskRank } from '../../wechat/user-risk-rank'
import { integrityOf } from './repository'
import { RISK_SCENE_MARKETING, riskOutcome, type RiskOutcome } from './rules'

export const RISK_CHECK_TIMEOUT_MS = 1500

export interface RiskCheckOptions {
  wechat?: WechatConfig
  timeoutMs?: number
}

export interface SubmitRiskContext {
  store: Store
  userId: string
  attemptId: string
  clientIp: string
  log: FastifyBaseLogger
}

export interface RiskChecker {
  /** undefined when there is nothing to ask (no WeChat, or not a WeChat user) */
  afterSubmit(ctx: SubmitRiskContext): Promise<RiskOutcome | undefined>
}

class RiskTimeout extends Error {}

export function createRiskChecker(options: RiskCheckOptions = {}): RiskChecker {
  const timeoutMs = options.timeoutMs ?? RISK_CHECK_TIMEOUT_MS
  const wechat = options.wechat && { ...options.wechat, timeoutMs: Math.min(options.wechat.timeoutMs ?? timeoutMs, timeoutMs) }
  const tokens = wechat && new AccessTokenCache(wechat)

  return {
    async afterSubmit({ store, userId, attemptId, clientIp, log }) {
      if (!wechat || !tokens) return undefined
      const openid = await store.auth.wechatOpenid(userId)
      if (!openid) return undefined
      let rank: number | undefined
      let timer: NodeJS.Timeout | undefined
      try {
        // the token fetch and the call together get timeoutMs
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new RiskTimeout()), timeoutMs)
        })
        rank = await Promise.race([getUserRiskRank(wechat, tokens, { openid, scene: RISK_SCENE_MARKETING, clientIp }), late])
      } catch (err) {
        const reason = err instanceof RiskTimeout ? 'timeout' : err instanceof WechatCallError ? err.message : 'unexpected error'
        log.warn({ attemptId, riskCheck: 'unavailable', reason }, 'getUserRiskRank unavailable; attempt kept unflagged')
      } finally {
        clearTimeout(timer)
      }
      const outcome = riskOutcome(rank)
      await integrityOf(store).saveRiskOutcome(attemptId, outcome)
      if (outcome.riskCheck === 'flagged') log.info({ attemptId, riskRank: outcome.riskRank }, 'attempt flagged by getUserRiskRank')
      return outcome
    },
  }
}
