import { Tag } from 'antd'
import type { InformationRequest } from '@common/contract'

/** days left in working days, as the board shows them */
export function DaysLeft({ r }: { r: InformationRequest }) {
  if (r.status === 'correction') return <Tag color='orange'>待补正·计时暂停</Tag>
  if (r.daysLeft === undefined) return <span>—</span>
  if (r.daysLeft < 0) return <Tag color='red'>超期 {-r.daysLeft} 个工作日</Tag>
  if (r.daysLeft <= 5) return <Tag color='gold'>剩 {r.daysLeft} 个工作日</Tag>
  return <Tag>剩 {r.daysLeft} 个工作日</Tag>
}
