/**
 * Tencent Cloud SMS, API 3.0 `SendSms` (version 2021-01-11), signed with TC3-HMAC-SHA256:
 * https://cloud.tencent.com/document/api/382/55981 (SendSms) and
 * https://cloud.tencent.com/document/api/382/52072 (signature v3).
 *
 *   POST https://sms.tencentcloudapi.com/   content-type: application/json; charset=utf-8
 *   X-TC-Action: SendSms  X-TC-Version: 2021-01-11  X-TC-Timestamp: <unix s>  X-TC-Region
 *   Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/sms/tc3_request,
 *                  SignedHeaders=content-type;host, Signature=<hex>
 *   {PhoneNumberSet:["+8613812345678"], SmsSdkAppId, SignName, TemplateId, TemplateParamSet:[code, "5"]}
 *
 * The template has two parameters: {1} the code, {2} the minutes it is valid. Errors never carry
 * the number, the code or the secret: only Tencent's error code.
 */
import { createHash, createHmac } from 'node:crypto'
import { SmsSendError, type SmsSender } from './sms-sender'

export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com'
const SERVICE = 'sms'
const ACTION = 'SendSms'
const VERSION = '2021-01-11'
const CONTENT_TYPE = 'application/json; charset=utf-8'

export interface TencentSmsConfig {
  secretId: string
  secretKey: string
  sdkAppId: string
  signName: string
  templateId: string
  /** default ap-guangzhou */
  region?: string
  /** default https://sms.tencentcloudapi.com; tests point it at a local fake */
  endpoint?: string
  timeoutMs?: number
}

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest()

/** the Authorization header for a POST of `payload` to `host` at `timestamp` (unix seconds) */
export function tc3Authorization(input: { secretId: string; secretKey: string; service: string; host: string; payload: string; timestamp: number }): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10)
  const signedHeaders = 'content-type;host'
  const canonicalRequest = ['POST', '/', '', `content-type:${CONTENT_TYPE}\nhost:${input.host}\n`, signedHeaders, sha256Hex(input.payload)].join('\n')
  const scope = `${date}/${input.service}/tc3_request`
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n')
  const secretDate = hmac(`TC3${input.secretKey}`, date)
  const secretService = hmac(secretDate, input.service)
  const secretSigning = hmac(secretService, 'tc3_request')
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex')
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
}

interface SendSmsReply {
  Response?: {
    Error?: { Code?: string; Message?: string }
    SendStatusSet?: { Code?: string; Message?: string }[]
    RequestId?: string
  }
}

export class TencentSmsSender implements SmsSender {
  constructor(
    private readonly config: TencentSmsConfig,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async send(mobile: string, code: string): Promise<void> {
    const url = new URL(this.config.endpoint ?? TENCENT_SMS_ENDPOINT)
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${mobile}`],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: this.config.templateId,
      TemplateParamSet: [code, '5'],
    })
    const timestamp = Math.floor(this.nowMs() / 1000)
    const authorization = tc3Authorization({
      secretId: this.config.secretId,
      secretKey: this.config.secretKey,
      service: SERVICE,
      host: url.host,
      payload,
      timestamp,
    })
    let reply: SendSmsReply
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': CONTENT_TYPE,
          'x-tc-action': ACTION,
          'x-tc-version': VERSION,
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': this.config.region ?? 'ap-guangzhou',
        },
        body: payload,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 5000),
      })
      if (!res.ok) throw new SmsSendError(`tencent sms: HTTP ${res.status}`)
      reply = (await res.json()) as SendSmsReply
    } catch (err) {
      if (err instanceof SmsSendError) throw err
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
      throw new SmsSendError(`tencent sms: ${timedOut ? 'timeout' : 'network error or bad reply'}`)
    }
    const error = reply.Response?.Error
    if (error) throw new SmsSendError(`tencent sms: ${error.Code ?? 'error'}`)
    const status = reply.Response?.SendStatusSet?.[0]
    if (!status || status.Code !== 'Ok') throw new SmsSendError(`tencent sms: ${status?.Code ?? 'no status'}`)
  }
}
