/** What the lecture repository does around a write: replay, apply, and what else the step changes. */
import type { LectureOrder } from '../../../common/contract'
import { applyCommand, type LectureCaller, type LectureCommand, type LectureOrderRecord, newNotification, type NotificationRecord, toOrderView } from './orders'
import type { IdempotencyRecord } from '../idempotency/record'
import { replayOf } from './idempotency'
import type { LectureOrderWrite, LectureWriteOptions } from './types'

export function replayed(earlier: IdempotencyRecord, hash: string): LectureOrderWrite {
  return { order: replayOf<LectureOrder>(earlier, hash), replayed: true }
}

export interface PlannedStep {
  record: LectureOrderRecord
  notification: NotificationRecord
  view: LectureOrder
  /** the lecture now needs a sign-in code / no longer has one */
  code: 'create' | 'drop' | undefined
}

export function planStep(
  before: LectureOrderRecord,
  command: LectureCommand,
  caller: LectureCaller,
  options: LectureWriteOptions,
  now: Date,
  signedIn: number,
): PlannedStep {
  const { record } = applyCommand(before, command, caller, now, signedIn)
  const code =
    record.status === 'scheduled' && before.status !== 'scheduled'
      ? 'create'
      : before.status === 'scheduled' && record.status !== 'scheduled'
        ? 'drop'
        : undefined
  return {
    record,
    notification: newNotification(record, command.action, options.wechat, now),
    view: toOrderView(record, caller),
    code,
  }
}

/** a YYYY-MM month's first day and the first day of the next */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return [`${month}-01`, `${next}-01`]
}

export const CALENDAR_STATUSES = ['scheduled', 'delivered', 'rated'] as const
