/**
 * A local stand-in for sms.tencentcloudapi.com's SendSms (API 3.0): it checks the request the way
 * the real service does — action, version, a timestamp within 5 minutes, the credential scope, and
 * the TC3-HMAC-SHA256 signature recomputed here from the secret key, the Host header and the raw
 * body — and answers the service's reply shapes. Written from Tencent's signature v3 document,
 * independently of the sender under test. `failNext(code)` scripts one SendStatus failure.
 */
import { createHash, createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeSmsCall {
  headers: IncomingHttpHeaders
  body: { PhoneNumberSet?: string[]; SmsSdkAppId?: string; SignName?: string; TemplateId?: string; TemplateParamSet?: string[] }
  /** the signature check's verdict: 'ok' or Tencent's error code */
  auth: string
}

export interface FakeTencentSms {
  endpoint: string
  calls: FakeSmsCall[]
  /** the code of the last message delivered to `+86<mobile>` */
  lastCodeFor: (mobile: string) => string | undefined
  failNext: (statusCode: string) => void
  close: () => Promise<void>
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest()

export async function startFakeTencentSms(credentials: { secretId: string; secretKey: string }): Promise<FakeTencentSms> {
  const calls: FakeSmsCall[] = []
  let nextFailure: string | undefined

  const verify = (headers: IncomingHttpHeaders, raw: string): string => {
    if (headers['x-tc-action'] !== 'SendSms') return 'InvalidAction'
    if (headers['x-tc-version'] !== '2021-01-11') return 'InvalidParameter'
    const timestamp = Number(headers['x-tc-timestamp'])
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return 'AuthFailure.SignatureExpire'
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      String(headers.authorization ?? ''),
    )
    if (!m) return 'AuthFailure.InvalidAuthorization'
    const [, secretId, date, service, signedHeaders, signature] = m
    if (secretId !== credentials.secretId) return 'AuthFailure.SecretIdNotFound'
    if (service !== 'sms' || date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return 'AuthFailure.InvalidAuthorization'
    const names = signedHeaders.split(';')
    if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.InvalidAuthorization'
    const canonicalHeaders = names
      .map(
        (n) =>
          `${n}:${String(headers[n] ?? '')
            .trim()
            .toLowerCase()}\n`,
      )
      .join('')
    const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256(raw)}`
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/sms/tc3_request\n${sha256(canonicalRequest)}`
    const key = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), 'sms'), 'tc3_request')
    const expected = createHmac('sha256', key).update(stringToSign).digest('hex')
    return expected === signature ? 'ok' : 'AuthFailure.SignatureFailure'
  }

  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (raw += chunk))
    req.on('end', () => {
      const auth = verify(req.headers, raw)
      let body: FakeSmsCall['body'] = {}
      try {
        body = JSON.parse(raw) as FakeSmsCall['body']
      } catch {
        // recorded as empty
      }
      calls.push({ headers: req.headers, body, auth })
      res.setHeader('content-type', 'application/json')
      const requestId = `req-${calls.length}`
      if (auth !== 'ok') return res.end(JSON.stringify({ Response: { Error: { Code: auth, Message: 'auth failed' }, RequestId: requestId } }))
      const phone = body.PhoneNumberSet?.[0]
      if (!phone || !body.SmsSdkAppId || !body.SignName || !body.TemplateId || !Array.isArray(body.TemplateParamSet)) {
        return res.end(JSON.stringify({ Response: { Error: { Code: 'MissingParameter', Message: 'missing' }, RequestId: requestId } }))
      }
      const code = nextFailure ?? 'Ok'
      nextFailure = undefined
      res.end(
        JSON.stringify({
          Response: {
            SendStatusSet: [
              {
                SerialNo: `sn-${calls.length}`,
                PhoneNumber: phone,
                Fee: 1,
                SessionContext: '',
                Code: code,
                Message: code === 'Ok' ? 'send success' : 'failed',
                IsoCode: 'CN',
              },
            ],
            RequestId: requestId,
          },
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    lastCodeFor: (mobile) => calls.filter((c) => c.auth === 'ok' && c.body.PhoneNumberSet?.[0] === `+86${mobile}`).at(-1)?.body.TemplateParamSet?.[0],
    failNext: (statusCode) => {
      nextFailure = statusCode
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
