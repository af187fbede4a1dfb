import { Text, View } from '@tarojs/components'
import type { PolicySection } from '@common/contract'
import './policy-text.scss'

/** 原文: sections with their paragraphs, as plain text (never HTML). */
export function PolicyText({ sections }: { sections: PolicySection[] }) {
  return (
    <View className='policy-text'>
      {sections.map((s, i) => (
        <View key={i} className='policy-text__section'>
          <View className='policy-text__heading' role='heading' aria-level={2}>
            {s.heading}
          </View>
          {s.paragraphs.map((p, j) => (
            <Text key={j} className='policy-text__para'>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
