import { Text, View } from '@tarojs/components'
import type { Topic } from '@/contract'
import './topic-grid.scss'

/** One colour per topic; the tile shows the topic's first character (no emoji font needed). */
const tint: Record<string, string> = {
  zwgk: '#1659c7',
  yibao: '#0f8a7e',
  yanglao: '#c2410c',
  jiuye: '#7048e8',
  huinong: '#2b8a3e',
  jiaoyu: '#c2255c',
  zhufang: '#1971c2',
  yingshang: '#b35900',
}

/** 政策专题: one tile per topic, opening the policy library filtered by it. */
export function TopicGrid({ topics, onOpen }: { topics: Topic[]; onOpen: (id: string) => void }) {
  return (
    <View className='topic-grid'>
      {topics.map((t) => (
        <View key={t.id} className='topic-grid__item' role='link' onClick={() => onOpen(t.id)}>
          <View className='topic-grid__icon' style={{ background: tint[t.id] ?? '#1659c7' }} aria-hidden>
            {t.name.slice(0, 1)}
          </View>
          <Text className='topic-grid__name'>{t.name}</Text>
        </View>
      ))}
    </View>
  )
}
