/**
 * An mp4's length and size from its own boxes (ffprobe is not installed here), and WebVTT
 * captions checked line by line, in Chinese.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { looksLikeMp4, parseMoov, probeMp4Boxes, probeVideo, probeWithFfprobe } from '../mp4-probe'
import { checkCaptions, vttTime } from '../vtt'

const MEDIA = join(__dirname, '../../../../mock/media')

describe('the mp4 probe', () => {
  it('reads the sample video: 12 s, its picture size, from mvhd and tkhd', async () => {
    const probe = await probeMp4Boxes(join(MEDIA, 'videos/v001.mp4'))
    expect(probe).toMatchObject({ probedWith: 'mp4' })
    expect(Math.round(probe!.durationMs / 1000)).toBe(12)
    expect(probe!.width).toBeGreaterThan(0)
    expect(probe!.height).toBeGreaterThan(0)
  })

  it('falls back to the boxes when ffprobe is not on PATH', async () => {
    expect(await probeWithFfprobe(join(MEDIA, 'videos/v001.mp4'), 'ffprobe-not-installed-here')).toBeNull()
    const probe = await probeVideo(join(MEDIA, 'videos/lesson-1.mp4'), { ffprobe: 'ffprobe-not-installed-here' })
    expect(probe?.probedWith).toBe('mp4')
  })

  it('knows an mp4 by its ftyp box, not by a name', () => {
    const mp4 = readFileSync(join(MEDIA, 'videos/v001.mp4'))
    expect(looksLikeMp4(mp4.subarray(0, 12))).toBe(true)
    expect(looksLikeMp4(readFileSync(join(MEDIA, 'posters/v001.jpg')).subarray(0, 12))).toBe(false)
    expect(looksLikeMp4(Buffer.from('WEBVTT\n\n00:00'))).toBe(false)
  })

  it('refuses a moov without a video track or a cut-short box', () => {
    expect(parseMoov(Buffer.from('00000008moov', 'latin1'))).toBeUndefined()
    const mp4 = readFileSync(join(MEDIA, 'videos/v001.mp4'))
    const at = mp4.indexOf('moov') - 4
    expect(parseMoov(mp4.subarray(at, at + 40))).toBeUndefined()
  })
})

describe('WebVTT captions', () => {
  const good = readFileSync(join(MEDIA, 'captions/v001.vtt'), 'utf8')

  it('accepts the sample captions within the video', () => {
    expect(checkCaptions(good, 12_000)).toEqual({ problems: [], cues: 4 })
    expect(vttTime('01:02.500')).toBe(62_500)
    expect(vttTime('1:02.500')).toBeUndefined()
  })

  it('names the line of each problem', () => {
    expect(checkCaptions('WEBVT\n').problems).toEqual([{ line: 1, message: '第 1 行应为 WEBVTT（字幕文件须为 WebVTT 格式）' }])
    const text = [
      'WEBVTT', //                                  1
      '',
      '00:00:02.000 --> 00:00:04.000', //           3
      '第一句',
      '',
      '00:00:01.000 --> 00:00:03.000', //           6  goes back in time
      '第二句',
      '',
      '00:00:05.000 --> 00:00:04.000', //           9  ends before it starts
      '<script>alert(1)</script>', //               10
      '',
      'cue-4',
      '00:00:05.000 --> 00:00:30.000', //           13 beyond the video
      '<b>粗体</b>', //                             14
      '',
      '00:00:6.000 --> 00:00:07.000', //            16 malformed
      '坏时间',
    ].join('\n')
    const { problems } = checkCaptions(text, 12_000)
    expect(problems.map((p) => p.line)).toEqual([6, 9, 10, 13, 14, 16])
    expect(problems[0].message).toBe('第 6 行：开始时间早于上一条字幕，字幕须按时间顺序排列')
    expect(problems[1].message).toBe('第 9 行：结束时间应晚于开始时间')
    expect(problems[2].message).toBe('第 10 行：字幕文字不能包含标签、HTML 或脚本')
    expect(problems[3].message).toBe('第 13 行：结束时间超出视频时长（00:00:12）')
    expect(problems[5].message).toContain('时间格式不正确')
  })

  it('accepts CRLF, a BOM, notes and cue identifiers; refuses STYLE and an empty file', () => {
    expect(checkCaptions('\uFEFFWEBVTT - 台州\r\n\r\nNOTE 说明\r\n\r\n1\r\n00:01.000 --> 00:02.000 align:start\r\n一句\r\n').problems).toEqual([])
    expect(checkCaptions('WEBVTT\n\nSTYLE\n::cue { color: red }\n').problems[0].line).toBe(3)
    expect(checkCaptions('WEBVTT\n').problems[0].message).toBe('字幕文件没有任何字幕')
  })
})
