/**
 * POST JSON to api.weixin.qq.com (or the stand-in tests give as `apiBase`). Failures become a
 * WechatCallError whose message is safe to log: the path and what went wrong, never the URL
 * (it may carry the access_token), the body or the reply.
 */
import { WECHAT_API_BASE, type WechatConfig } from './jscode2session'

export class WechatCallError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WechatCallError'
  }
}

export async function wechatPost<T>(config: WechatConfig, path: string, body: unknown, query: Record<string, string> = {}): Promise<T> {
  const url = new URL(path, config.apiBase ?? WECHAT_API_BASE)
  url.search = new URLSearchParams(query).toString()
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
    })
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
    throw new WechatCallError(`${path}: ${timedOut ? 'timeout' : 'network error'}`)
  }
  if (!res.ok) throw new WechatCallError(`${path}: HTTP ${res.status}`)
  try {
    // WeChat answers JSON with a text/plain content type
    return JSON.parse(await res.text()) as T
  } catch {
    throw new WechatCallError(`${path}: reply is not JSON`)
  }
}
