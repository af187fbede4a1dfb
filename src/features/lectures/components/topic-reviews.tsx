import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { LectureReview } from '@common/contract'
import { inShanghai } from '@common/shanghai-date'
import { getLectureTopic } from '../api/lectures'
import { stars } from '../labels'
import './lectures.scss'

/** 往期评价: loaded when asked for, newest first, with the village they came from (no names). */
export function TopicReviews({ topicId }: { topicId: string }) {
  const [reviews, setReviews] = useState<LectureReview[]>()
  const [state, setState] = useState<'closed' | 'loading' | 'open' | 'error'>('closed')
  const toggle = async () => {
    if (state === 'open') return setState('closed')
    setState('loading')
    try {
      setReviews((await getLectureTopic(topicId)).reviews)
      setState('open')
    } catch {
      setState('error')
    }
  }
  return (
    <View>
      <View className='lec-link' role='button' aria-expanded={state === 'open'} onClick={toggle}>
        {state === 'open' ? '收起往期评价' : state === 'loading' ? '正在加载评价…' : state === 'error' ? '评价加载失败，点此重试' : '查看往期评价'}
      </View>
      {state === 'open' && reviews ? (
        reviews.length === 0 ? (
          <Text className='lec-card__meta'>本平台还没有评价，以上为往期宣讲的评分</Text>
        ) : (
          <View role='list' aria-label='往期评价'>
            {reviews.slice(0, 5).map((r, i) => (
              <View key={`${r.at}-${i}`} role='listitem' className='lec-review'>
                <Text className='lec-rating' aria-label={`${r.stars}星`}>
                  {stars(r.stars)}
                </Text>
                <Text className='lec-card__meta'>
                  {r.regionName} · {inShanghai(r.at).format('YYYY-MM-DD')}
                </Text>
                {r.comment ? <Text className='lec-card__summary'>{r.comment}</Text> : null}
              </View>
            ))}
          </View>
        )
      ) : null}
    </View>
  )
}
