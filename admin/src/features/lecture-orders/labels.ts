import type { LectureOrderStatus } from '@common/contract'

export const STATUS_COLORS: Readonly<Record<LectureOrderStatus, string>> = {
  submitted: 'orange',
  dispatched: 'blue',
  accepted: 'cyan',
  scheduled: 'geekblue',
  delivered: 'green',
  rated: 'green',
  cancelled: 'default',
  rejected: 'red',
}
