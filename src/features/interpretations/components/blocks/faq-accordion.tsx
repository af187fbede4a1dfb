import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { FaqItem } from '@common/contract'

/** 简明问答: questions that open to their answers, one or several at a time. */
export function FaqAccordion({ items }: { items: FaqItem[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  return (
    <View className='faq'>
      {items.map((f) => {
        const expanded = open.has(f.id)
        return (
          <View key={f.id} className={`faq__item ${expanded ? 'faq__item--open' : ''}`}>
            <View className='faq__q' role='button' aria-expanded={expanded} onClick={() => toggle(f.id)}>
              <Text className='faq__mark'>问</Text>
              <Text className='faq__q-text'>{f.question}</Text>
              <Text className='faq__caret' aria-hidden>
                {expanded ? '−' : '+'}
              </Text>
            </View>
            {expanded ? (
              <View className='faq__a'>
                <Text className='faq__mark faq__mark--a'>答</Text>
                <Text className='faq__a-text'>{f.answer}</Text>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
