import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Interpretation } from '@common/contract'
import { kindLabel, staleNotice } from '@common/labels/interpretation-kinds'
import { validityLabel, validityTone } from '@common/labels/policy-validity'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import { ReadAloudButton } from '@/features/read-aloud/components/read-aloud-button'
import type { ReadAloud } from '@/features/read-aloud/use-read-aloud'
import { formatDate } from '@/utils/date'
import { routes } from '@/utils/routes'
import { blockSpeechText } from '../speech-text'

/** The top of an interpretation: kind and validity, title, department and date, 朗读 and 海报, and a warning when its policy is no longer in force. */
export function InterpretationHead({ item, readAloud }: { item: Interpretation; readAloud: ReadAloud }) {
  return (
    <Card layout='flush' className='interp-detail__head'>
      <View className='interp-detail__tags'>
        <Tag>{kindLabel[item.kind]}</Tag>
        <Tag tone={validityTone[item.validity]}>{validityLabel[item.validity]}</Tag>
      </View>
      <View className={`interp-detail__title ${readAloud.reading === 0 ? 'block--reading' : ''}`} role='heading' aria-level={1}>
        {item.title}
      </View>
      <Text className='interp-detail__meta'>
        {item.department} · {formatDate(item.publishedAt)}
      </Text>
      <View className='interp-detail__tools'>
        <ReadAloudButton control={readAloud} label='朗读全文' blocks={() => [item.title, ...item.blocks.map(blockSpeechText)]} />
        <Button role='button' className='interp-detail__poster' onClick={() => Taro.navigateTo({ url: routes.poster(item.id) })}>
          生成明白卡海报
        </Button>
      </View>
      {item.validity !== 'valid' ? (
        <View className='interp-detail__stale' role='alert'>
          {staleNotice[item.validity]}
        </View>
      ) : null}
    </Card>
  )
}

/** Where an interpretation leads on: its policy's original text, and 智能问答 for what it leaves open. */
export function InterpretationLinks({ policyId }: { policyId: string }) {
  return (
    <Card padding='none' className='interp-detail__links'>
      <View className='interp-detail__link' role='link' onClick={() => Taro.navigateTo({ url: routes.policyDetail(policyId) })}>
        <Text>查看政策原文</Text>
        <Text aria-hidden>›</Text>
      </View>
      <View className='interp-detail__link' role='link' onClick={() => Taro.navigateTo({ url: routes.qa() })}>
        <Text>还有疑问？问问智能问答</Text>
        <Text aria-hidden>›</Text>
      </View>
    </Card>
  )
}
