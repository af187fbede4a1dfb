/** Health, and the error contract: `{error:{code,message}}`, Chinese, 4xx for bad input, never 5xx. */
import { startTestServer, postJson, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ devLogin: true })
})
afterAll(() => server.close())

async function expectError(res: Response, status: number, code: string, message?: string | RegExp) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = await res.json()
  expect(Object.keys(body)).toEqual(['error'])
  expect(body.error).toEqual({ code, message: expect.any(String) })
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
  if (message) expect(body.error.message).toMatch(message)
  return body.error.message as string
}

it('GET /health answers {ok:true}, uncached', async () => {
  const res = await server.api('/health')
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true })
  expect(res.headers.get('cache-control')).toBe('no-store')
})

describe('malformed input → 400 with the field named', () => {
  it.each([
    ['/policies?page=abc', '参数错误：page 必须是正整数'],
    ['/policies?page=0', '参数错误：page 必须是正整数'],
    ['/policies?page=1.5', '参数错误：page 必须是正整数'],
    ['/policies?page=-3', '参数错误：page 必须是正整数'],
    ['/policies?pageSize=999', '参数错误：pageSize 必须是 1 到 50 之间的整数'],
    ['/policies?pageSize=0', '参数错误：pageSize 必须是 1 到 50 之间的整数'],
    ['/interpretations?page=x', '参数错误：page 必须是正整数'],
    ['/videos?pageSize=51', '参数错误：pageSize 必须是 1 到 50 之间的整数'],
    ['/campaigns?status=soon', '参数错误：status 必须是以下之一：upcoming、ongoing、ended'],
    [`/policies?q=${'长'.repeat(101)}`, '参数错误：q 长度不能超过 100 个字符'],
    [`/policies?topic=${'x'.repeat(65)}`, '参数错误：topic 长度不能超过 64 个字符'],
  ])('GET %s', async (path, message) => {
    await expectError(await server.api(path), 400, 'bad_request', message)
  })

  it('a body that is not JSON', async () => {
    const res = await server.api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{role:' })
    await expectError(res, 400, 'bad_request')
  })

  it('a body missing a field, or with an unknown role', async () => {
    await expectError(await server.api('/auth/dev', postJson({})), 400, 'bad_request', '参数错误：role 不能为空')
    await expectError(await server.api('/auth/dev', postJson({ role: 'mayor' })), 400, 'bad_request', /role 必须是以下之一/)
  })

  it('a body of the wrong content type', async () => {
    const xml = await server.api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' })
    await expectError(xml, 415, 'bad_request', '不支持的内容类型')
    const text = await server.api('/auth/dev', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' })
    await expectError(text, 400, 'bad_request', '参数错误：请求体必须是对象')
  })

  it('an over-long id', async () => {
    await expectError(await server.api(`/policies/${'x'.repeat(65)}`), 400, 'bad_request', /id 长度不能超过/)
  })
})

describe('unknown → 404', () => {
  it.each([
    ['/policies/nope', '找不到该政策'],
    ['/interpretations/nope', '找不到该解读'],
    ['/faqs/nope', '找不到该问答'],
    ['/videos/nope', '找不到该视频'],
    ['/courses/nope', '找不到该课程'],
    ['/campaigns/nope', '找不到该知识竞赛'],
    ['/no-such-endpoint', '接口不存在'],
  ])('GET %s', async (path, message) => {
    await expectError(await server.api(path), 404, 'not_found', message)
  })

  it('an unknown /api path outside v1, and a wrong method', async () => {
    await expectError(await server.get('/api/v2/policies'), 404, 'not_found', '接口不存在')
    await expectError(await server.api('/policies', { method: 'DELETE' }), 404, 'not_found')
  })

  it('errors are never cached', async () => {
    const res = await server.api('/policies/nope')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('etag')).toBeNull()
  })
})

it('an unexpected failure is a 500 with a generic message, not the stack', async () => {
  const broken = await startTestServer({
    beforeListen: (app) => {
      app.get('/api/v1/boom', async () => {
        throw new Error('secret internals')
      })
    },
  })
  try {
    const res = await broken.api('/boom')
    const message = await expectError(res, 500, 'internal')
    expect(message).not.toContain('secret')
  } finally {
    await broken.close()
  }
})
