/**
 * WeChat's 安全风控 getUserRiskRank: how risky is this user, for this scene?
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/safety-control-capability/getUserRiskRank.html
 * `POST /wxa/getuserriskrank?access_token=…` with {appid, openid, scene (0 注册 · 1 营销作弊),
 * mobile_no?, client_ip}; the reply is {errcode, errmsg, risk_rank 0–4 (higher is riskier), unoin_id}
 * (WeChat's spelling). The openid must have opened the mini-program recently (else 61010).
 * An invalid or expired token is fetched again once; any other failure is a WechatCallError.
 */
import type { AccessTokenCache } from './access-token'
import { WechatCallError, wechatPost } from './http'
import type { WechatConfig } from './jscode2session'

export interface UserRiskRankRequest {
  openid: string
  /** 0 注册 · 1 营销作弊 */
  scene: 0 | 1
  clientIp: string
  mobileNo?: string
}

interface UserRiskRankReply {
  errcode?: number
  errmsg?: string
  risk_rank?: number
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001])

export async function getUserRiskRank(config: WechatConfig, tokens: AccessTokenCache, request: UserRiskRankRequest): Promise<number> {
  const body = {
    appid: config.appId,
    openid: request.openid,
    scene: request.scene,
    client_ip: request.clientIp,
    ...(request.mobileNo ? { mobile_no: request.mobileNo } : {}),
  }
  for (let attempt = 1; ; attempt++) {
    const token = await tokens.get()
    const reply = await wechatPost<UserRiskRankReply>(config, '/wxa/getuserriskrank', body, { access_token: token })
    if (reply.errcode && TOKEN_ERRORS.has(reply.errcode) && attempt === 1) {
      tokens.invalidate(token)
      continue
    }
    if (reply.errcode) throw new WechatCallError(`/wxa/getuserriskrank: errcode ${reply.errcode}`)
    const rank = reply.risk_rank
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > 4) {
      throw new WechatCallError('/wxa/getuserriskrank: no risk_rank')
    }
    return rank
  }
}
