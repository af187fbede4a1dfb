import { Button, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import { type LectureTopic, lectureFormatLabel } from '@common/contract'
import { TopicReviews } from './topic-reviews'
import './lectures.scss'

/** One lecture of the menu: what it covers, how long, how, who gives it, how it was rated. */
export function TopicCard({ topic, onOrder }: { topic: LectureTopic; onOrder: () => void }) {
  return (
    <Card className='lec-card lec-topic'>
      <View role='listitem' aria-label={topic.title}>
        <Text className='lec-card__title'>{topic.title}</Text>
        <Text className='lec-card__meta'>
          {topic.department} · 约{topic.durationMin}分钟
        </Text>
        <Text className='lec-card__summary'>{topic.summary}</Text>
        <View className='lec-card__tags'>
          {topic.formats.map((f) => (
            <Tag key={f} tone='neutral'>
              {lectureFormatLabel[f]}
            </Tag>
          ))}
        </View>
        <Text className='lec-card__meta'>宣讲员：{topic.lecturers.map((l) => `${l.name}（${l.title}）`).join('；') || '待定'}</Text>
        <View className='lec-card__head' style={{ alignItems: 'center', marginTop: '8px' }}>
          <Text className='lec-rating' aria-label={`评分${topic.rating.average}分，${topic.rating.count}次评价`}>
            {topic.rating.count ? `★ ${topic.rating.average.toFixed(1)}（${topic.rating.count}次评价）` : '暂无评价'}
          </Text>
          <Button role='button' className='lec-btn' onClick={onOrder}>
            我要点单
          </Button>
        </View>
        <TopicReviews topicId={topic.id} />
      </View>
    </Card>
  )
}
