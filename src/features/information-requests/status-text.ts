import type { InformationRequest } from '@common/contract'
import { inShanghai } from '@common/shanghai-date'

/** the deadline as the resident reads it, in working days */
export function deadlineText(r: InformationRequest): string {
  if (r.status === 'correction') return '待您补正，补正后重新计算答复期限'
  if (r.status === 'answered' || r.status === 'closed') return r.reply?.repliedAt ? `已于 ${inShanghai(r.reply.repliedAt).format('YYYY-MM-DD')} 答复` : '已答复'
  if (!r.dueDate) return ''
  if (r.daysLeft !== undefined && r.daysLeft < 0) return `应于 ${r.dueDate} 前答复，已超期 ${-r.daysLeft} 个工作日`
  return `应于 ${r.dueDate} 前答复（还有 ${r.daysLeft ?? 0} 个工作日）${r.extended ? '，已依法延期' : ''}`
}
