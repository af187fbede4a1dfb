import { Tag } from '@/components/tag'
import { type LectureOrderStatus, lectureStatusLabel } from '@common/contract'
import { statusTone } from '../labels'

export function StatusTag({ status }: { status: LectureOrderStatus }) {
  return <Tag tone={statusTone[status]}>{lectureStatusLabel[status]}</Tag>
}
