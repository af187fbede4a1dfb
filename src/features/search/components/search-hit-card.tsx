import { Image, Text, View } from '@tarojs/components'
import type { SearchHit } from '@common/contract'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import { kindLabel, kindTone } from '@common/labels/interpretation-kinds'
import { validityLabel, validityTone } from '@common/labels/policy-validity'
import { formatDate } from '@/utils/date'
import { formatDuration } from '@/utils/format'
import { RangedText } from './ranged-text'
import './search.scss'

/** One hit of 一站搜索: title and snippet with the matches emphasised, and what kind of thing it is. */
export function SearchHitCard({ hit, onOpen }: { hit: SearchHit; onOpen: (hit: SearchHit) => void }) {
  const facts = [
    hit.docNumber,
    hit.department,
    hit.publishedAt ? formatDate(hit.publishedAt) : undefined,
    hit.durationSec !== undefined ? formatDuration(hit.durationSec) : undefined,
    hit.lessonCount !== undefined ? `${hit.lessonCount} 节课` : undefined,
  ].filter(Boolean)
  return (
    <Card padding='none'>
      <View className='search-hit' role='link' aria-label={hit.title} data-testid={`search-hit-${hit.type}`} onClick={() => onOpen(hit)}>
        {hit.cover ? <Image className='search-hit__cover' src={hit.cover} mode='aspectFill' lazyLoad aria-hidden /> : null}
        <View className='search-hit__body'>
          <RangedText className='search-hit__title' text={hit.title} ranges={hit.titleHighlights} />
          {hit.validity || hit.kind ? (
            <View className='search-hit__tags'>
              {hit.validity ? <Tag tone={validityTone[hit.validity]}>{validityLabel[hit.validity]}</Tag> : null}
              {hit.kind ? <Tag tone={kindTone[hit.kind]}>{kindLabel[hit.kind]}</Tag> : null}
            </View>
          ) : null}
          {hit.snippet ? <RangedText className='search-hit__snippet' text={hit.snippet} ranges={hit.snippetHighlights} /> : null}
          {facts.length ? <Text className='search-hit__facts'>{facts.join(' · ')}</Text> : null}
        </View>
      </View>
    </Card>
  )
}
