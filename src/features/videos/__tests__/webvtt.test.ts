import { cueAt, parseTimestamp, parseWebVtt, transcript, WebVttError } from '../webvtt'

const sample = `WEBVTT - 政策通

NOTE 这是注释，不显示

1
00:00:00.000 --> 00:00:03.000
政府的政策文件，在哪儿能查到？

00:00:03.000 --> 00:00:06.500 align:start
登录台州市人民政府门户网站，
进入<b>“政府信息公开”</b>专栏就能查。

01:00:00.250 --> 01:00:01.000
一小时后
`

describe('WebVTT', () => {
  it('parses cue timing with and without hours, ids and settings', () => {
    const cues = parseWebVtt(sample)
    expect(cues).toHaveLength(3)
    expect(cues[0]).toEqual({ id: '1', start: 0, end: 3, text: '政府的政策文件，在哪儿能查到？' })
    expect(cues[1].start).toBe(3)
    expect(cues[1].end).toBe(6.5)
    expect(cues[2].start).toBe(3600.25)
    expect(parseTimestamp('02:03.456')).toBeCloseTo(123.456)
  })

  it('keeps multi-line cues and drops markup tags', () => {
    expect(parseWebVtt(sample)[1].text).toBe('登录台州市人民政府门户网站，\n进入“政府信息公开”专栏就能查。')
  })

  it('accepts CRLF line ends and a byte-order mark', () => {
    expect(parseWebVtt('\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\n你好\r\n')).toEqual([{ start: 0, end: 1, text: '你好' }])
  })

  it('finds the cue at a playback time', () => {
    const cues = parseWebVtt(sample)
    expect(cueAt(cues, 0)?.text).toContain('在哪儿能查到')
    expect(cueAt(cues, 2.999)?.start).toBe(0)
    expect(cueAt(cues, 3)?.start).toBe(3)
    expect(cueAt(cues, 10)).toBeUndefined()
  })

  it('gives the captions as a transcript', () => {
    expect(transcript(parseWebVtt(sample)).split('\n')).toEqual([
      '政府的政策文件，在哪儿能查到？',
      '登录台州市人民政府门户网站，进入“政府信息公开”专栏就能查。',
      '一小时后',
    ])
  })

  it.each([
    ['没有文件头', '00:00.000 --> 00:01.000\n你好', '字幕文件第1行有误：缺少 WEBVTT 文件头'],
    ['bad timestamp', 'WEBVTT\n\n00:00 --> 00:01.000\n你好', '字幕文件第3行有误：时间格式不对：“00:00”'],
    ['end before start', 'WEBVTT\n\n00:02.000 --> 00:01.000\n你好', '字幕文件第3行有误：结束时间必须晚于开始时间'],
    ['no timing', 'WEBVTT\n\n1\n你好', '字幕文件第4行有误：缺少时间轴（开始 --> 结束）'],
  ])('refuses a bad file (%s) with a clear message', (_, source, message) => {
    expect(() => parseWebVtt(source)).toThrow(WebVttError)
    expect(() => parseWebVtt(source)).toThrow(message)
  })

  it('parses every caption file shipped in mock/media', () => {
    const fs = jest.requireActual('node:fs') as typeof import('node:fs')
    const path = jest.requireActual('node:path') as typeof import('node:path')
    const dir = path.join(__dirname, '../../../../mock/media/captions')
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.vtt'))) {
      const cues = parseWebVtt(fs.readFileSync(path.join(dir, f), 'utf8'))
      expect(cues.length).toBeGreaterThanOrEqual(4)
    }
  })
})
