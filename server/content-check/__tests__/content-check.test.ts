/**
 * Gaps of the local content check (review L4): traditional characters and NFKC forms of listed
 * words, reserved display names, and the lecture order's contact name.
 */
import { readFileSync } from 'node:fs'
import type { Session } from '../../../common/contract'
import { shanghaiToday } from '../../../common/shanghai-date'
import { auth, putJson } from './helpers'
import { postJson, startTestServer, type TestServer } from '../../../test/api/helpers/test-server'
import { CONTENT_REFUSED_MESSAGE } from '..'
import { findListedWord, loadWordList, WORD_LIST_FILE } from '../sensitive-words'
import { foldTraditional, TRADITIONAL_OF } from '../traditional'
import { checkNickname, defaultNickname, RESERVED_NICKNAME_MESSAGE, RESERVED_WORDS } from '../../modules/identity/nickname'
import { lectureOrderInput } from '../../../test/api/helpers/lecture-order'

const words = loadWordList()

describe('traditional characters and NFKC', () => {
  it('出售身份證 is caught like 出售身份证, and so are other listed words written in traditional', () => {
    expect(findListedWord('出售身份证', words)).toBeDefined()
    expect(findListedWord('出售身份證', words)).toBeDefined()
    expect(findListedWord('專業代開發票', words)).toBeDefined()
    expect(findListedWord('網賭平臺', words)).toBeDefined()
    // full-width and compatibility forms fold by NFKC
    expect(findListedWord('出售\u2f9d份証', words)).toBeDefined()
    expect(findListedWord('出 售－身 份 證', words)).toBeDefined()
    expect(findListedWord('身份證明的辦理', words)).toBeUndefined()
  })

  it('every listed word written with the table’s traditional forms is still caught', () => {
    const toTraditional = (w: string) => [...w].map((c) => TRADITIONAL_OF[c]?.[0] ?? c).join('')
    const changed = words.filter((w) => toTraditional(w) !== w)
    expect(changed.length).toBeGreaterThan(10)
    for (const w of changed) expect([toTraditional(w), findListedWord(toTraditional(w), words)]).toEqual([toTraditional(w), expect.any(String)])
  })

  it('the table folds only to characters of the word list and the reserved names, and never changes a simplified character', () => {
    const listed = new Set([...readFileSync(WORD_LIST_FILE, 'utf8').replace(/^#.*$/gm, ''), ...RESERVED_WORDS.join(''), ...'局委厅办公室街道中心部门会区县'])
    for (const simplified of Object.keys(TRADITIONAL_OF)) expect([simplified, listed.has(simplified)]).toEqual([simplified, true])
    expect(foldTraditional('办理身份证的材料')).toBe('办理身份证的材料')
    expect(foldTraditional('辦理身份證')).toBe('办理身份证')
  })
})

describe('reserved display names', () => {
  it.each([
    '管理员',
    '官方客服',
    '管理員',
    '台州市政府',
    '工作人员小王',
    '人社局',
    '椒江区委',
    '椒江區委',
    '政務服務中心',
    '居民0001',
    '居民０００１',
    '居民 1234',
    '宣讲员老陈',
  ])('%s is refused in Chinese', (name) => {
    expect(checkNickname(name)).toEqual({ ok: false, message: RESERVED_NICKNAME_MESSAGE })
  })

  it.each(['海门老王', '居民老李', '居民12345', '小林', '社区热心人'])('%s is allowed', (name) => {
    expect(checkNickname(name)).toEqual({ ok: true, nickname: name })
  })

  it('the system default is never a name one can choose', () => {
    for (let i = 0; i < 20; i++) expect(checkNickname(defaultNickname()).ok).toBe(false)
  })
})

describe('over the API', () => {
  let server: TestServer
  let resident: Session
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false })
    resident = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: '测试居民' }))).json()) as Session
  })
  afterAll(() => server.close())

  it('PUT /me/nickname refuses a reserved name and a traditional-character listed word', async () => {
    for (const [nickname, message] of [
      ['官方客服', RESERVED_NICKNAME_MESSAGE],
      ['居民0001', RESERVED_NICKNAME_MESSAGE],
      ['出售身份證', CONTENT_REFUSED_MESSAGE],
    ]) {
      const res = await server.api('/me/nickname', putJson({ nickname }, auth(resident.token)))
      expect([nickname, res.status, ((await res.json()) as { error: { message: string } }).error.message]).toEqual([nickname, 400, message])
    }
  })

  it('a lecture order’s contact name is content-checked: 400, nothing stored', async () => {
    const today = shanghaiToday()
    const order = { ...lectureOrderInput(today), placeName: '文化礼堂', audienceSize: 40, contactName: '出售身份證', contactPhone: '13800001111' }
    const res = await server.api('/lecture-orders', postJson(order, auth(resident.token)))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(CONTENT_REFUSED_MESSAGE)
    expect(await server.store.lectures.listOrdersByUser(resident.user.id)).toEqual([])
    expect((await server.api('/lecture-orders', postJson({ ...order, contactName: '林晓燕' }, auth(resident.token)))).status).toBe(201)
  })
})
