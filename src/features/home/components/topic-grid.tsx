import { Text, View } from '@tarojs/components'
import type { Topic } from '@common/contract'
import './topic-grid.scss'

/**
 * 政策专题: one tile per topic in its colour (topic-grid.scss), showing the topic's first
 * character (no emoji font needed), opening the policy library filtered by it.
 */
export function TopicGrid({ topics, onOpen }: { topics: Topic[]; onOpen: (id: string) => void }) {
  return (
    <View className='topic-grid'>
      {topics.map((t) => (
        <View key={t.id} className='topic-grid__item' role='link' onClick={() => onOpen(t.id)}>
          <View className={`topic-grid__icon topic-grid__icon--${t.id}`} aria-hidden>
            {t.name.slice(0, 1)}
          </View>
          <Text className='topic-grid__name'>{t.name}</Text>
        </View>
      ))}
    </View>
  )
}
