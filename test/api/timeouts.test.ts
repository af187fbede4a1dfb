/**
 * Slow clients are cut off: a connection that sends its headers and then dribbles the body (or
 * never finishes its headers) gets 408 and is closed once requestTimeout / headersTimeout pass,
 * instead of holding a socket for ever (issue 12: requestTimeout was 0).
 */
import { connect, type Socket } from 'node:net'
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from '../../server/app'
import { startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ requestTimeoutMs: 1500, headersTimeoutMs: 800 })
})
afterAll(() => server.close())

/** writes `head`, then one byte of `drip` every 100 ms; resolves with what came back and when the socket closed */
function dribble(head: string, drip: string): Promise<{ response: string; closedAfterMs: number; sent: number }> {
  const { port } = new URL(server.url)
  return new Promise((resolve) => {
    const started = Date.now()
    const socket: Socket = connect(Number(port), '127.0.0.1')
    let response = ''
    let sent = 0
    let timer: NodeJS.Timeout | undefined
    socket.on('connect', () => {
      socket.write(head)
      timer = setInterval(() => {
        if (sent < drip.length && !socket.destroyed) socket.write(drip[sent++])
      }, 100)
    })
    socket.on('data', (d) => (response += d.toString()))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearInterval(timer)
      resolve({ response, closedAfterMs: Date.now() - started, sent })
    })
  })
}

it('cuts a connection that sends its headers and then dribbles the body', async () => {
  const body = JSON.stringify({ code: 'x'.repeat(120) })
  const { response, closedAfterMs, sent } = await dribble(
    `POST /api/v1/auth/wechat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    body,
  )
  expect(response).toMatch(/^HTTP\/1\.1 408/)
  expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: '请求超时，连接已关闭' } })
  // 1.5 s plus Node's check interval (1 s), long before the body (≈ 21 s at this pace) is through
  expect(closedAfterMs).toBeGreaterThanOrEqual(1400)
  expect(closedAfterMs).toBeLessThan(4000)
  expect(sent).toBeLessThan(body.length)
}, 10_000)

it('cuts a connection that never finishes its headers', async () => {
  const { response, closedAfterMs } = await dribble('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n', 'X-Slow: ' + 'a'.repeat(100))
  expect(response).toMatch(/^HTTP\/1\.1 408/)
  expect(closedAfterMs).toBeLessThan(3500)
}, 10_000)

it('has the timeouts on by default', async () => {
  const plain = await startTestServer()
  try {
    expect(plain.app.server.requestTimeout).toBe(DEFAULT_REQUEST_TIMEOUT_MS)
    expect(plain.app.server.headersTimeout).toBe(DEFAULT_HEADERS_TIMEOUT_MS)
    expect(server.app.server.requestTimeout).toBe(1500)
    expect(server.app.server.headersTimeout).toBe(800)
  } finally {
    await plain.close()
  }
})

it('answers bytes that are not HTTP in the contract’s shape, in Chinese', async () => {
  const { response } = await dribble('NOT HTTP AT ALL\r\n\r\n', '')
  expect(response).toMatch(/^HTTP\/1\.1 400/)
  expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: '请求格式不正确' } })
})
