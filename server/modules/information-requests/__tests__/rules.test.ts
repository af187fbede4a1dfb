/**
 * 依申请公开's pure rules: the 20-working-day deadline across weekends, 国庆 and 春节 with their
 * 调休 days, the one extension, days left, ID numbers, masking, the fee thresholds and the
 * transition table (who may do what from which state).
 */
import {
  foiaDueDate,
  foiaFee,
  idNumberProblem,
  isValidCreditCode,
  isValidIdCard,
  maskIdNumber,
  maskPhone,
  workingDaysLeft,
} from '../../../../common/foia-rules'
import { allowedActions, decide } from '../rules'

describe('the deadline in working days', () => {
  it('counts 20 working days after the day of receipt, over weekends', () => {
    // Friday 13 November 2026: four full weeks of working days later is Friday 11 December
    expect(foiaDueDate('2026-11-13')).toBe('2026-12-11')
    expect(foiaDueDate('2026-11-16')).toBe('2026-12-14')
  })

  it('skips 中秋 and 国庆 and counts the 调休 Saturday 10 October', () => {
    // 9-25 中秋 off, 10-01..10-07 off, Saturday 10-10 a working day
    expect(foiaDueDate('2026-09-21')).toBe('2026-10-26')
  })

  it('skips 春节 and counts the 调休 Saturdays 14 and 28 February', () => {
    expect(foiaDueDate('2026-02-06')).toBe('2026-03-12')
  })

  it('extends once by 20 more working days, over 元旦', () => {
    // from 2026-12-11 on: 2027-01-01 is 元旦
    expect(foiaDueDate('2026-11-13', true)).toBe('2027-01-11')
  })

  it('restarts from the day the correction arrives', () => {
    // received Monday 16 November, corrected Thursday 19 November: due three working days later than first
    expect(foiaDueDate('2026-11-19')).toBe('2026-12-17')
  })

  it('says how many working days are left, negative once past', () => {
    expect(workingDaysLeft('2026-12-09', '2026-12-11')).toBe(2)
    expect(workingDaysLeft('2026-12-11', '2026-12-11')).toBe(0)
    expect(workingDaysLeft('2026-12-14', '2026-12-11')).toBe(-1)
    expect(workingDaysLeft('2026-09-30', '2026-10-08')).toBe(1)
  })
})

describe('ID numbers', () => {
  it('checks the 居民身份证 check character and date of birth', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true)
    expect(isValidIdCard('11010519491231002x')).toBe(true)
    expect(isValidIdCard('331002199003071236')).toBe(true)
    expect(isValidIdCard('331002199003071237')).toBe(false)
    expect(isValidIdCard('331002199002301236')).toBe(false)
    expect(isValidIdCard('33100219900307123')).toBe(false)
  })

  it('checks the 统一社会信用代码', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true)
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false)
  })

  it('says what is wrong in Chinese', () => {
    expect(idNumberProblem('id_card', '331002199003071237')).toBe('居民身份证号码不正确，请核对')
    expect(idNumberProblem('passport', 'E12345678')).toBeUndefined()
    expect(idNumberProblem('passport', '!')).toBe('证件号码应为5到20位字母或数字')
  })

  it('masks all but the first three and last four', () => {
    expect(maskIdNumber('331002199003071236')).toBe('331***********1236')
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})

describe('fees only past the thresholds', () => {
  it('charges nothing for 30 pages and 10 applications a month', () => {
    expect(foiaFee(30, 10)).toBeUndefined()
  })
  it('charges by pages past 30', () => {
    expect(foiaFee(50, 1)?.amount).toBe(200)
    expect(foiaFee(150, 1)?.amount).toBe(700 + 1000)
    expect(foiaFee(250, 1)?.amount).toBe(700 + 2000 + 2000)
  })
  it('charges by count past 10 a month, more per band past 30', () => {
    expect(foiaFee(0, 11)?.amount).toBe(100)
    expect(foiaFee(0, 30)?.amount).toBe(100)
    expect(foiaFee(0, 31)?.amount).toBe(200)
    expect(foiaFee(0, 41)?.amount).toBe(300)
  })
})

describe('the transition table', () => {
  const state = (status: Parameters<typeof decide>[3]['status'], extra = {}) => ({ status, extended: false, ...extra })
  it('lets the officer take the office steps and the legal reviewer review', () => {
    expect(allowedActions('foia_officer', 'u1', state('registered'))).toEqual(['accept', 'request_correction'])
    expect(allowedActions('foia_officer', 'u1', state('processing'))).toEqual(['request_correction', 'extend', 'submit_review'])
    expect(allowedActions('legal_reviewer', 'u2', state('legal_review', { draftedBy: 'u1' }))).toEqual(['approve', 'return'])
    expect(allowedActions('legal_reviewer', 'u2', state('processing'))).toEqual([])
    expect(allowedActions('responder', 'u3', state('processing'))).toEqual([])
  })
  it('refuses a second extension, a self-review and a wrong state', () => {
    expect(decide('extend', 'foia_officer', 'u1', state('processing', { extended: true }))).toMatchObject({ ok: false, status: 409 })
    expect(decide('approve', 'admin', 'u1', state('legal_review', { draftedBy: 'u1' }))).toMatchObject({ ok: false, status: 403 })
    expect(decide('reply', 'foia_officer', 'u1', state('processing'))).toMatchObject({ ok: false, status: 409, message: '申请办理中，不能答复' })
    expect(decide('approve', 'foia_officer', 'u1', state('legal_review'))).toMatchObject({ ok: false, status: 403 })
  })
  it('replies 补正后未补正 only from 待补正', () => {
    expect(decide('submit_review', 'foia_officer', 'u1', state('correction'), 'no_correction')).toEqual({ ok: true, to: 'legal_review' })
    expect(decide('submit_review', 'foia_officer', 'u1', state('correction'), 'full')).toMatchObject({ ok: false })
    expect(decide('submit_review', 'foia_officer', 'u1', state('processing'), 'no_correction')).toMatchObject({ ok: false })
  })
})
