/**
 * The pieces of the policy list reader: the date, validity and 文号 forms offices write, the file
 * kinds, and the guard against an XLSX that unpacks to far more than its size.
 */
import { deflateRawSync } from 'node:zlib'
import { docNumberKey, fileKindOf, IMPORT_MAX_UNPACKED_BYTES, normaliseDate, normaliseValidity, parsePolicyList, unpackedSize } from '../parse'

describe('dates', () => {
  it.each([
    ['2021-03-05', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['２０２１年３月５日', '2021-03-05'],
    ['2021.03.05', '2021-03-05'],
    ['20210305', '2021-03-05'],
    [' 2021-3-5 ', '2021-03-05'],
  ])('%s → %s', (written, iso) => expect(normaliseDate(written)).toBe(iso))

  it('Excel date cells and serial numbers', () => {
    expect(normaliseDate(new Date(Date.UTC(2021, 2, 5)))).toBe('2021-03-05')
    expect(normaliseDate(44260)).toBe('2021-03-05')
  })

  it.each(['2021-02-29', '2021-13-01', '3/5/2021', '去年', '2021-03-05 10:00', ''])('%s is refused', (written) =>
    expect(normaliseDate(written)).toBeUndefined(),
  )
  it('a fractional or negative serial is refused', () => {
    expect(normaliseDate(44260.5)).toBeUndefined()
    expect(normaliseDate(-1)).toBeUndefined()
  })
})

describe('validity', () => {
  it.each([
    ['有效', 'valid'],
    ['现行有效', 'valid'],
    ['', 'valid'],
    ['已修订', 'revised'],
    ['修订', 'revised'],
    ['已废止', 'repealed'],
    ['失效', 'repealed'],
    ['废止/失效', 'repealed'],
    [' 已 废止 ', 'repealed'],
  ] as const)('%s → %s', (written, validity) => expect(normaliseValidity(written)).toBe(validity))
  it('anything else is unknown', () => expect(normaliseValidity('作废了吧')).toBeUndefined())
})

it('文号 compare across bracket styles, widths and spaces', () => {
  expect(docNumberKey('台政办发〔2021〕28号')).toBe(docNumberKey('台政办发[2021]28号'))
  expect(docNumberKey('台政办发【2021】28号')).toBe(docNumberKey('台政办发（２０２１） 28号'))
  expect(docNumberKey('台政办发〔2021〕28号')).not.toBe(docNumberKey('台政办发〔2021〕29号'))
})

it('file kinds: by the bytes, then the name', () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0])
  expect(fileKindOf(zip, 'a.xlsx')).toBe('xlsx')
  expect(fileKindOf(zip, 'a.csv')).toBeUndefined()
  expect(fileKindOf(Buffer.from('标题,文号'), 'a.CSV')).toBe('csv')
  expect(fileKindOf(Buffer.from('标题,文号'), 'a.pdf')).toBeUndefined()
  expect(fileKindOf(Buffer.from([0x41, 0, 0x42]), 'a.csv')).toBeUndefined()
})

/** a zip of one stored entry declaring `declared` bytes once unpacked (what a zip bomb's directory says) */
function zipDeclaring(declared: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const data = deflateRawSync(Buffer.alloc(1024))
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(declared, 24)
  central.writeUInt16LE(name.length, 28)
  const centralAt = local.length + name.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(centralAt, 16)
  return Buffer.concat([local, name, data, central, name, end])
}

it('an XLSX that would unpack to more than 64 MB is refused before it is unpacked', async () => {
  expect(unpackedSize(zipDeclaring(1234))).toBe(1234)
  expect(unpackedSize(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined()
  await expect(parsePolicyList(zipDeclaring(IMPORT_MAX_UNPACKED_BYTES + 1), 'bomb.xlsx')).rejects.toThrow('XLSX 文件内容过大，请拆分后导入')
  await expect(parsePolicyList(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toThrow('XLSX 文件已损坏，无法读取')
})
