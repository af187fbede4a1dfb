import { Badge, Space, Tag } from 'antd'
import type { EditorialSummary } from '@common/contract'
import { STATUS_COLORS, statusText } from './labels'

/** the working version's status, and 已上线 while a published version is what residents see */
export function StatusCell({ item }: { item: Pick<EditorialSummary, 'status' | 'live' | 'publishedVersion'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[item.status]}>{statusText(item)}</Tag>
      {item.live && <Badge status='success' text={item.publishedVersion ? `已上线 v${item.publishedVersion}` : '已上线'} />}
    </Space>
  )
}
