import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { InformationRequest } from '@common/contract'
import { Deadline, StatusTag } from './request-detail'
import './foia.scss'

/** one application in 我的信息公开申请: its title and status, number and body, the due date */
export function RequestItem({ request: r, onOpen }: { request: InformationRequest; onOpen: (id: string) => void }) {
  return (
    <Card onTap={() => onOpen(r.id)}>
      <View className='foia__row'>
        <Text className='foia__title'>{r.infoTitle}</Text>
        <StatusTag request={r} />
      </View>
      <Text className='foia__meta'>
        {r.number} · {r.orgName}
      </Text>
      <Deadline request={r} />
    </Card>
  )
}
