import { Tag, Tooltip } from 'antd'
import type { BankLockState } from '@common/contract'

const LABELS: Record<BankLockState, { text: string; color: string; hint: string }> = {
  open: { text: '可编辑', color: 'green', hint: '没有竞赛使用该版本，可以直接修改' },
  locked: { text: '已锁定', color: 'red', hint: '未开始或进行中的竞赛正在使用该版本；修改将另存为新版本，供之后的竞赛使用' },
  frozen: { text: '只读', color: 'default', hint: '往期竞赛使用过该版本，为保留竞赛记录不能直接修改；修改将另存为新版本' },
}

/** 可编辑 / 已锁定 / 只读, with what it means */
export function LockBadge({ lock }: { lock: BankLockState }) {
  const label = LABELS[lock]
  return (
    <Tooltip title={label.hint}>
      <Tag color={label.color}>{label.text}</Tag>
    </Tooltip>
  )
}
