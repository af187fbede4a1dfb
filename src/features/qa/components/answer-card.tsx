import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import type { QaHit } from '@common/contract'
import { routes } from '@/utils/routes'
import { validityLabel, validityTone } from '@common/labels/policy-validity'
import { Highlighted } from './highlighted'

/** the FAQs about 依申请公开: they lead to the app's own application form rather than a web form elsewhere */
const FOIA_FAQS = new Set(['f001', 'f002'])
import './qa.scss'

export interface AnswerCardProps {
  hit: QaHit
  onOpenInterpretation?: (id: string) => void
  onOpenPolicy?: (id: string) => void
  /** 朗读: 0 while the question is read, 1 the answer */
  reading?: number
  /** e.g. the 朗读 button */
  actions?: ReactNode
  /** a word above the question, e.g. 可能相关 when the server is not sure this is the answer */
  label?: string
}

/** The best answer: question, answer, and where it comes from (答案出处: the policy, its article, the interpretation). */
export function AnswerCard({ hit, onOpenInterpretation, onOpenPolicy, reading = -1, actions, label }: AnswerCardProps) {
  const { faq, source } = hit
  return (
    <Card className='answer-card'>
      <View role='article' aria-label={label ? `${label}：${faq.question}` : faq.question}>
        {label ? (
          <View className='answer-card__label'>
            <Tag tone='warning'>{label}</Tag>
          </View>
        ) : null}
        <View className={`answer-card__q ${reading === 0 ? 'answer-card--reading' : ''}`}>
          <Text className='answer-card__mark'>问</Text>
          <Highlighted className='answer-card__q-text' text={faq.question} terms={hit.matched} />
        </View>
        <View className={`answer-card__a ${reading === 1 ? 'answer-card--reading' : ''}`}>
          <Text className='answer-card__mark answer-card__mark--a'>答</Text>
          <Text className='answer-card__a-text'>{faq.answer}</Text>
        </View>
        {actions}
        {source ? (
          <View className='answer-card__source' role='link' onClick={onOpenPolicy ? () => onOpenPolicy(source.policy.id) : undefined}>
            <View className='answer-card__source-head'>
              <Text className='answer-card__source-label'>依据</Text>
              {source.policy.validity !== 'valid' ? <Tag tone={validityTone[source.policy.validity]}>{validityLabel[source.policy.validity]}</Tag> : null}
            </View>
            <Text className='answer-card__source-title'>
              《{source.policy.title}》（{source.policy.docNumber}）
            </Text>
            {source.article ? (
              <>
                <Text className='answer-card__source-heading'>{source.article.heading}</Text>
                <Text className='answer-card__source-text'>{source.article.text}</Text>
              </>
            ) : null}
          </View>
        ) : null}
        <View className='answer-card__links'>
          {FOIA_FAQS.has(faq.id) ? (
            <View className='answer-card__link' role='link' onClick={() => void Taro.navigateTo({ url: routes.foiaApply })}>
              在线申请政府信息公开 ›
            </View>
          ) : null}
          {faq.interpretationId && onOpenInterpretation ? (
            <View className='answer-card__link' role='link' onClick={() => onOpenInterpretation(faq.interpretationId as string)}>
              {source?.interpretation ? `解读：${source.interpretation.title} ›` : '看图解读 ›'}
            </View>
          ) : null}
          {faq.policyId && onOpenPolicy ? (
            <View className='answer-card__link' role='link' onClick={() => onOpenPolicy(faq.policyId as string)}>
              查看政策原文 ›
            </View>
          ) : null}
        </View>
      </View>
    </Card>
  )
}
