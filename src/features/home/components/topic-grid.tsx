import { Text, View } from '@tarojs/components'
import type { Topic } from '@/contract'
import './topic-grid.scss'

const glyph: Record<string, string> = {
  zwgk: '📢',
  yibao: '🏥',
  yanglao: '👴',
  jiuye: '💼',
  huinong: '🌾',
  jiaoyu: '🎒',
  zhufang: '🏠',
  yingshang: '🏪',
}

/** 政策专题: one tile per topic, opening the policy library filtered by it. */
export function TopicGrid({ topics, onOpen }: { topics: Topic[]; onOpen: (id: string) => void }) {
  return (
    <View className='topic-grid'>
      {topics.map((t) => (
        <View key={t.id} className='topic-grid__item' role='link' aria-label={`${t.name}政策`} onClick={() => onOpen(t.id)}>
          <View className='topic-grid__icon' aria-hidden>
            {glyph[t.id] ?? '📄'}
          </View>
          <Text className='topic-grid__name'>{t.name}</Text>
        </View>
      ))}
    </View>
  )
}
