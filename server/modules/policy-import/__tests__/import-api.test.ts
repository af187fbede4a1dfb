/**
 * POST /api/v1/admin/policies/import on a real server and database (SQLite; PostgreSQL under
 * test:pg): CSV with a BOM and XLSX made here with exceljs; a dry run shows every row and its
 * errors and writes nothing; one bad row imports nothing; a good file becomes drafts of the
 * organisation, all in one go, with one audit entry; another county's editor gets 403; 文号
 * duplicates within the file and against the library; too big, too many rows, not CSV or XLSX;
 * the same Idempotency-Key twice creates once.
 */
import ExcelJS from 'exceljs'
import type { ImportResult, PolicyDraft } from '../../../../common/contract'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { IMPORT_MAX_ROWS } from '../parse'

let server: TestServer
const tokens: Record<string, string> = {}

const HEADER = '标题,文号,发文机关,成文日期,发布日期,有效性,原文链接'
const GOOD_ROWS = [
  '仙居县高龄津贴发放办法,仙政办发〔2026〕1号,仙居县人民政府办公室,2026/1/5,2026年1月10日,现行有效,https://www.zjxj.gov.cn/art/1.html',
  '"仙居县困难群众医疗救助实施细则（试行）",仙医保发〔2026〕2号,仙居县医疗保障局 仙居县财政局,,2026-02-01,有效,',
  '仙居县旧版补贴办法,仙政发〔2020〕9号,仙居县人民政府,2020-03-01,2020-03-05,已废止,http://www.zjxj.gov.cn/old.html',
]
const csv = (lines: string[], bom = true) => Buffer.from(`${bom ? '\ufeff' : ''}${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8')

const signIn = async (role: string, org: string) => {
  const res = await server.api('/auth/dev', postJson({ role, org, name: `${role}-${org}` }))
  return ((await res.json()) as { token: string }).token
}

function form(bytes: Buffer, filename: string, type = 'text/csv'): FormData {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  return body
}

async function importFile(options: { token?: string; bytes: Buffer; filename?: string; dryRun?: boolean; orgCode?: string; key?: string; type?: string }) {
  const { token = tokens.xianju, bytes, filename = 'policies.csv', dryRun = true, orgCode = '331024', key, type } = options
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (key) headers['idempotency-key'] = key
  const res = await server.api(`/admin/policies/import?dryRun=${dryRun}&orgCode=${orgCode}`, { method: 'POST', headers, body: form(bytes, filename, type) })
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as ImportResult & { error?: { code: string; message: string; fields?: Record<string, string> } },
  }
}

const db = () => server.store.database.kysely
/** the policies the import made (the seeded content is there too, as published items of 系统导入) */
const policyItems = () =>
  db().selectFrom('editorial_items').selectAll().where('type', '=', 'policy').where('author_id', '<>', 'system').orderBy('created_at').orderBy('id').execute()
const importAudits = () => db().selectFrom('audit_log').selectAll().where('action', '=', 'policy.import').execute()

beforeAll(async () => {
  server = await startTestServer({ devLogin: true })
  tokens.xianju = await signIn('editor', '331024')
  tokens.jiaojiang = await signIn('editor', '331002')
  tokens.city = await signIn('admin', '331000')
  tokens.reviewer = await signIn('reviewer', '331024')
})
afterAll(() => server.close())

describe('dry run', () => {
  it('reads a CSV with a BOM: every row with its values and errors, and writes nothing', async () => {
    const lines = [
      ...GOOD_ROWS,
      ',仙政办发〔2026〕5号,仙居县人民政府办公室,,2026-13-01,作废,ftp://x',
      '仙居县另一个办法,仙政办发[2026]1号,仙居县人民政府办公室,2026-03-01,2026-02-01,有效,',
      '',
      '重复文库中的文号,台政办发〔2021〕28号,台州市人民政府办公室,,2021-06-01,有效,',
    ]
    const before = (await policyItems()).length
    const { status, body } = await importFile({ bytes: csv(lines) })
    expect(status).toBe(200)
    expect(body).toMatchObject({ dryRun: true, valid: 3, invalid: 3, created: [] })
    expect(body.rows[0]).toEqual({
      row: 2,
      title: '仙居县高龄津贴发放办法',
      docNumber: '仙政办发〔2026〕1号',
      issuer: '仙居县人民政府办公室',
      writtenAt: '2026-01-05',
      publishedAt: '2026-01-10',
      validity: 'valid',
      sourceUrl: 'https://www.zjxj.gov.cn/art/1.html',
      errors: [],
    })
    expect(body.rows[1]).toMatchObject({ row: 3, title: '仙居县困难群众医疗救助实施细则（试行）', publishedAt: '2026-02-01', errors: [] })
    expect(body.rows[1]).not.toHaveProperty('writtenAt')
    expect(body.rows[2]).toMatchObject({ validity: 'repealed', errors: [] })
    expect(body.rows[3]).toEqual({
      row: 5,
      title: '',
      docNumber: '仙政办发〔2026〕5号',
      issuer: '仙居县人民政府办公室',
      validity: undefined,
      errors: [
        '缺少标题',
        '发布日期无法识别：2026-13-01（应如 2021-03-05）',
        '有效性无法识别：作废（应为有效、已修订或已废止）',
        '原文链接不是有效的网址（应以 http:// 或 https:// 开头）',
      ],
    })
    expect(body.rows[4].errors).toEqual(['成文日期晚于发布日期', '文号与第 2 行重复'])
    // the blank line is skipped, the numbering still the file's
    expect(body.rows[5]).toMatchObject({ row: 8, errors: ['文号已存在：政策库中已有该文号的政策'] })
    expect((await policyItems()).length).toBe(before)
    expect(await importAudits()).toHaveLength(0)
  })

  it('reads an XLSX made by Excel: date cells, numbers, a title line above the header', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('政策文件库')
    sheet.addRow(['仙居县政策文件库导出（2026年3月）'])
    sheet.addRow(['标题 ', ' 文号', '发文机关', '成文日期', '发布日期', '有效性', '原文链接'])
    sheet.addRow([
      '仙居县农村养老服务补贴办法',
      '仙民发〔2026〕3号',
      '仙居县民政局',
      new Date(Date.UTC(2026, 0, 20)),
      new Date(Date.UTC(2026, 0, 25)),
      '已修订',
      { text: '原文', hyperlink: 'https://www.zjxj.gov.cn/a.html' },
    ])
    sheet.addRow(['仙居县就业补贴办法', '仙人社发〔2026〕4号', '仙居县人力资源和社会保障局', null, 46082, '失效', null])
    sheet.addRow([
      '仙居县链接错误的办法',
      '仙人社发〔2026〕5号',
      '仙居县人力资源和社会保障局',
      null,
      '2026.3.2',
      '有效',
      { text: '原文', hyperlink: 'mailto:a@b.cn' },
    ])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const { status, body } = await importFile({ bytes, filename: '导出.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    expect(status).toBe(200)
    expect(body.rows).toEqual([
      {
        row: 3,
        title: '仙居县农村养老服务补贴办法',
        docNumber: '仙民发〔2026〕3号',
        issuer: '仙居县民政局',
        writtenAt: '2026-01-20',
        publishedAt: '2026-01-25',
        validity: 'revised',
        // a hyperlink cell: its address, whatever text it shows
        sourceUrl: 'https://www.zjxj.gov.cn/a.html',
        errors: [],
      },
      {
        row: 4,
        title: '仙居县就业补贴办法',
        docNumber: '仙人社发〔2026〕4号',
        issuer: '仙居县人力资源和社会保障局',
        publishedAt: '2026-03-01',
        validity: 'repealed',
        errors: [],
      },
      {
        row: 5,
        title: '仙居县链接错误的办法',
        docNumber: '仙人社发〔2026〕5号',
        issuer: '仙居县人力资源和社会保障局',
        publishedAt: '2026-03-02',
        validity: 'valid',
        errors: ['原文链接不是有效的网址（应以 http:// 或 https:// 开头）'],
      },
    ])
  })
})

describe('the file as a whole', () => {
  it('not CSV or XLSX, not UTF-8, too big, too many rows, no header: 400 in Chinese, nothing written', async () => {
    const refused = async (bytes: Buffer, filename: string) => {
      const { status, body } = await importFile({ bytes, filename, dryRun: false })
      expect(status).toBe(400)
      return body.error?.message
    }
    expect(await refused(Buffer.from('%PDF-1.7\n'), 'list.pdf')).toBe('仅支持 CSV 或 XLSX 文件')
    expect(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'list.xls')).toBe('仅支持 CSV 或 XLSX 文件')
    // 「标题」 in GBK, as an old Excel saves CSV
    expect(await refused(Buffer.from([0xb1, 0xea, 0xcc, 0xe2, 0x2c, 0x0a]), 'gbk.csv')).toBe('CSV 文件须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）')
    expect(await refused(Buffer.alloc(2 * 1024 * 1024 + 10, 0x41), 'big.csv')).toBe('文件不能超过 2 MB')
    const many = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `政策${i},文号${i},机关,,2026-01-01,有效,`)
    expect(await refused(csv(many), 'many.csv')).toBe('一次最多导入 2000 行')
    expect(await refused(Buffer.from('名称,编号\n甲,乙\n'), 'other.csv')).toBe(
      '找不到表头：第一行应为 标题、文号、发文机关、成文日期、发布日期、有效性、原文链接',
    )
    expect(await refused(Buffer.from('标题,文号,发文机关\n甲,乙,丙\n'), 'short.csv')).toBe('缺少列：发布日期')
    expect(await policyItems()).toHaveLength(0)
  })

  it('no file at all', async () => {
    const res = await server.api('/admin/policies/import?dryRun=true&orgCode=331024', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.xianju}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('请选择要导入的 CSV 或 XLSX 文件')
  })
})

describe('who may import, for whom', () => {
  it('an editor of 椒江区 importing for 仙居县: 403; a reviewer: 403; the city admin may', async () => {
    expect((await importFile({ token: tokens.jiaojiang, bytes: csv(GOOD_ROWS), orgCode: '331024' })).status).toBe(403)
    const own = await importFile({ token: tokens.jiaojiang, bytes: csv(GOOD_ROWS), orgCode: '331002' })
    expect(own.status).toBe(200)
    expect((await importFile({ token: tokens.reviewer, bytes: csv(GOOD_ROWS) })).status).toBe(403)
    expect((await importFile({ token: tokens.city, bytes: csv(GOOD_ROWS), orgCode: '331024001' })).status).toBe(200)
    const res = await server.api('/admin/policies/import?dryRun=true&orgCode=331024', { method: 'POST', body: form(csv(GOOD_ROWS), 'a.csv') })
    expect(res.status).toBe(401)
    const bad = await importFile({ bytes: csv(GOOD_ROWS), orgCode: '12' })
    expect(bad.status).toBe(400)
    expect(bad.body.error?.message).toBe('请选择所属单位（6 位县市区或 9 位乡镇街道代码）')
  })
})

describe('import: all rows or none', () => {
  it('one bad row: 400 with every row, nothing written', async () => {
    const { status, body } = await importFile({
      bytes: csv([...GOOD_ROWS, '缺日期的政策,仙政办发〔2026〕7号,仙居县人民政府办公室,,,有效,']),
      dryRun: false,
      key: 'bad-file',
    })
    expect(status).toBe(400)
    expect(body.error).toEqual({ code: 'bad_request', message: '有 1 行存在错误，未导入任何政策，请修改后重新导入', fields: { 'rows[5]': '缺少发布日期' } })
    expect(body).toMatchObject({ dryRun: false, valid: 3, invalid: 1, created: [] })
    expect(body.rows).toHaveLength(4)
    expect(await policyItems()).toHaveLength(0)
    expect(await importAudits()).toHaveLength(0)
  })

  it('a good file: every row a 草稿 of the organisation by the caller, one audit entry; the same key again creates nothing more', async () => {
    const first = await importFile({ bytes: csv(GOOD_ROWS, false), dryRun: false, key: 'import-1' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ dryRun: false, valid: 3, invalid: 0 })
    expect(first.body.created).toHaveLength(3)
    const items = await policyItems()
    expect(items.map((i) => i.id).sort()).toEqual([...first.body.created].sort())
    expect(items.map((i) => [i.status, i.org_code, i.version, i.author_name])).toEqual(Array(3).fill(['draft', '331024', 1, 'editor-331024']))
    const versions = await db().selectFrom('editorial_versions').selectAll().where('item_id', '=', first.body.created[1]).execute()
    expect(JSON.parse(versions[0].draft) as PolicyDraft).toEqual({
      title: '仙居县困难群众医疗救助实施细则（试行）',
      docNumber: '仙医保发〔2026〕2号',
      issuer: '仙居县医疗保障局 仙居县财政局',
      department: '仙居县医疗保障局',
      topic: '',
      regionCode: '331024',
      publishedAt: '2026-02-01',
      summary: '',
      sections: [],
      validity: 'valid',
    })
    const audits = await importAudits()
    expect(audits).toHaveLength(1)
    expect(JSON.parse(audits[0].detail as string)).toEqual({ count: 3 })

    const again = await importFile({ bytes: csv(GOOD_ROWS, false), dryRun: false, key: 'import-1' })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(await policyItems()).toHaveLength(3)
    expect(await importAudits()).toHaveLength(1)

    // the key names that import: another file with it is refused
    expect((await importFile({ bytes: csv(GOOD_ROWS.slice(0, 1)), dryRun: false, key: 'import-1' })).status).toBe(422)
  })

  it('the imported 文号 are taken: importing the file again without the key finds every row a duplicate', async () => {
    const { status, body } = await importFile({ bytes: csv(GOOD_ROWS), dryRun: false })
    expect(status).toBe(400)
    expect(body.rows.map((r) => r.errors)).toEqual(Array(3).fill(['文号已存在：工作台中已有该文号的政策']))
    expect(await policyItems()).toHaveLength(3)
  })
})
