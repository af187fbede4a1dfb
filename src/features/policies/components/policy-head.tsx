import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Policy } from '@common/contract'
import { closedLabel } from '@common/labels/policy-validity'
import { Card } from '@/components/card'
import { formatDate } from '@/utils/date'
import './policy-head.scss'

/** A policy's title and facts (文号, 机关, dates), with the page's actions (分享, 收藏) below them. */
export function PolicyHead({ policy, actions }: { policy: Policy; actions?: ReactNode }) {
  return (
    <Card layout='flush' className='policy-detail__head'>
      <View className='policy-detail__title' role='heading' aria-level={1}>
        {policy.title}
      </View>
      <View className='policy-detail__facts'>
        <Fact label='文号' value={policy.docNumber} />
        <Fact label='发布机关' value={policy.issuer} />
        <Fact label='主管部门' value={policy.department} />
        <Fact label='发布日期' value={formatDate(policy.publishedAt)} />
        {policy.effectiveFrom ? <Fact label='施行日期' value={formatDate(policy.effectiveFrom)} /> : null}
        {policy.closesAt ? <Fact label='截止日期' value={`${formatDate(policy.closesAt)}${policy.closed ? `（${closedLabel}）` : ''}`} /> : null}
      </View>
      {actions ? <View className='policy-detail__actions'>{actions}</View> : null}
    </Card>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='policy-detail__fact'>
      <Text className='policy-detail__fact-label'>{label}</Text>
      <Text className='policy-detail__fact-value'>{value}</Text>
    </View>
  )
}
