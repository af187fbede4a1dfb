import type { TagTone } from '@/components/tag'
import type { LectureAction, LectureOrderStatus } from '@common/contract'

export const statusTone: Record<LectureOrderStatus, TagTone> = {
  submitted: 'warning',
  dispatched: 'primary',
  accepted: 'primary',
  scheduled: 'primary',
  delivered: 'success',
  rated: 'success',
  cancelled: 'neutral',
  rejected: 'danger',
}

export const actionLabel: Record<'submit' | LectureAction, string> = {
  submit: '点单',
  dispatch: '派单',
  accept: '接单',
  decline: '退回',
  schedule: '排期',
  complete: '完成',
  cancel: '取消',
  reject: '驳回',
  rate: '评价',
}

/** 138****1234 stays as is; a full number is shown as the server sent it (dispatcher, lecturer) */
export const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n)
