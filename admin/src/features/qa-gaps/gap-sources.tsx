import { Space, Tag } from 'antd'
import type { QaGap } from '@common/contract'

/** where a group's questions were asked: 问答 (智能问答) and/or 搜索 (一站搜索), with how many times each */
export function GapSources({ gap }: { gap: Pick<QaGap, 'count' | 'searchCount'> }) {
  const asked = gap.count - gap.searchCount
  return (
    <Space direction='vertical' size={2}>
      {asked > 0 && (
        <Tag color='geekblue' aria-label={`智能问答提问 ${asked} 次`}>
          问答 {asked}
        </Tag>
      )}
      {gap.searchCount > 0 && (
        <Tag color='purple' aria-label={`一站搜索 ${gap.searchCount} 次`}>
          搜索 {gap.searchCount}
        </Tag>
      )}
    </Space>
  )
}
