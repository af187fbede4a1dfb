import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PolicyMatchItem } from '@common/contract'
import { formatMonth } from '@common/eligibility'
import { Tag } from '@/components/tag'
import { routes } from '@/utils/routes'

/** one policy's result: 可以享受 with the amount and 怎么办, 还需了解 with what to find out, 以后 with the month */
export function PolicyResult({ item }: { item: PolicyMatchItem }) {
  const open = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='pm-card' data-testid={`pm-${item.policyId}`}>
      <View className='pm-card__head'>
        <Tag tone={item.verdict === 'yes' ? 'success' : item.verdict === 'unknown' ? 'warning' : 'neutral'}>
          {item.verdict === 'yes' ? '可以享受' : item.verdict === 'unknown' ? '可能可以' : '以后可以'}
        </Tag>
        {item.automatic ? <Tag tone='neutral'>免申即享</Tag> : null}
      </View>
      <Text className='pm-card__title' onClick={() => open(routes.policyDetail(item.policyId))}>
        {item.title}
      </Text>
      <Text className='pm-card__meta'>
        {item.department} · {item.docNumber}
      </Text>
      {item.amount ? <Text className='pm-card__amount'>标准：{item.amount}</Text> : null}
      {item.verdict === 'no' && item.from ? (
        <Text className='pm-card__later'>
          现在还不符合（{item.failed.join('、') || '条件未满足'}），预计{formatMonth(item.from)}起可以享受
        </Text>
      ) : null}
      {item.verdict === 'unknown' && item.questions.length ? (
        <Text className='pm-card__todo'>还需了解：{item.questions.map((q) => q.label).join('、')}</Text>
      ) : null}
      {item.note ? <Text className='pm-card__note'>{item.note}</Text> : null}
      {item.verdict !== 'no' && (item.steps.length || item.where || item.materials.length) ? (
        <View className='pm-card__how'>
          <Text className='pm-card__label'>怎么办</Text>
          {item.steps.map((s, i) => (
            <Text key={i} className='pm-card__line'>
              {i + 1}. {s}
            </Text>
          ))}
          {item.materials.length ? <Text className='pm-card__line'>带上：{item.materials.join('、')}</Text> : null}
          {item.where ? <Text className='pm-card__line'>去哪办：{item.where}</Text> : null}
        </View>
      ) : null}
      {item.faqs.map((f, i) => (
        <View key={i} className='pm-card__faq'>
          <Text className='pm-card__q'>问：{f.question}</Text>
          <Text className='pm-card__a'>答：{f.answer}</Text>
        </View>
      ))}
      <View className='pm-card__links'>
        {item.interpretationIds[0] ? (
          <Text className='pm-link' onClick={() => open(routes.interpretationDetail(item.interpretationIds[0]))}>
            看图解
          </Text>
        ) : null}
        <Text className='pm-link' onClick={() => open(routes.policyDetail(item.policyId))}>
          看原文
        </Text>
      </View>
    </View>
  )
}
