import { isMobile } from '@common/contract'
import { countdown, formatDate, fromNow } from '../date'
import { formatCount, formatDuration, maskPhone, minutesAndSeconds } from '../format'
import { highlight } from '../highlight'

describe('highlight', () => {
  it('marks every occurrence of the terms, longest first', () => {
    expect(highlight('医保异地就医备案怎么办理医保', ['医保', '异地就医', '异地'])).toEqual([
      { text: '医保', hit: true },
      { text: '异地就医', hit: true },
      { text: '备案怎么办理', hit: false },
      { text: '医保', hit: true },
    ])
  })
  it('treats regex characters in terms literally and leaves text alone without terms', () => {
    expect(highlight('补贴(元)', ['(元)'])).toEqual([
      { text: '补贴', hit: false },
      { text: '(元)', hit: true },
    ])
    expect(highlight('养老金', [])).toEqual([{ text: '养老金', hit: false }])
  })
})

describe('format', () => {
  it('masks a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('validates mainland mobile numbers', () => {
    expect(isMobile('13812345678')).toBe(true)
    expect(isMobile('12812345678')).toBe(false)
    expect(isMobile('1381234567')).toBe(false)
    expect(isMobile('138123456789')).toBe(false)
  })
  it('formats counts and durations the way Chinese apps do', () => {
    expect(formatCount(9999)).toBe('9999')
    expect(formatCount(12345)).toBe('1.2万')
    expect(formatCount(234567)).toBe('23万')
    expect(formatDuration(65)).toBe('1:05')
    // 10 questions × 20 s: 3 分 20 秒, never 共 3.3 分钟
    expect(minutesAndSeconds(198)).toBe('3 分 18 秒')
    expect(minutesAndSeconds(180)).toBe('3 分钟')
    expect(minutesAndSeconds(45)).toBe('45 秒')
    expect(minutesAndSeconds(0)).toBe('0 秒')
  })
})

describe('dates (dayjs zh-cn)', () => {
  const now = new Date('2026-11-28T08:00:00+08:00')
  it('formats calendar dates in Chinese', () => {
    expect(formatDate('2021-05-20')).toBe('2021年5月20日')
  })
  it('says how long ago in Chinese', () => {
    expect(fromNow('2026-11-25T08:00:00+08:00', now)).toBe('3 天前')
  })
  it('counts down in days and hours, then hours and minutes, and is empty once passed', () => {
    expect(countdown('2026-12-01T13:00:00+08:00', now)).toBe('3天5小时')
    expect(countdown('2026-11-28T10:30:00+08:00', now)).toBe('2小时30分')
    expect(countdown('2026-11-28T07:00:00+08:00', now)).toBe('')
  })
})
