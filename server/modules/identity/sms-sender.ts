/**
 * Who delivers an SMS code. In the local demo (dev login on) the LogSender writes it to the server
 * log as 「演示模式验证码」 — the one place a code is ever logged — and the send route returns it
 * as `devCode` for the demo screen. In production a real provider (Tencent Cloud SMS) when
 * configured; with neither, sending answers 503 「短信服务未配置」.
 */
import type { FastifyBaseLogger } from 'fastify'
import { maskMobile } from './mobile'

export interface SmsSender {
  send(mobile: string, code: string): Promise<void>
  /** true only for the demo sender: the code may be shown to the caller */
  readonly demo?: boolean
}

export class SmsSendError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SmsSendError'
  }
}

export class LogSender implements SmsSender {
  readonly demo = true
  constructor(private readonly log: FastifyBaseLogger) {}

  async send(mobile: string, code: string): Promise<void> {
    this.log.info({ mobile: maskMobile(mobile), code }, '演示模式验证码')
  }
}
