import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import './related-section.scss'

export interface RelatedLink {
  id: string
  label: string
  onTap: () => void
}

/**
 * One titled list of links on a policy page (相关解读, 相关视频, 常见问答): a policy is no dead end.
 * Nothing is drawn when there is nothing to link.
 */
export function RelatedSection({ title, links }: { title: string; links: RelatedLink[] | undefined }) {
  if (!links?.length) return null
  return (
    <View role='region' aria-label={title}>
      <Card title={title} padding='none' className='related-section'>
        {links.map((l) => (
          <View key={l.id} className='related-section__item' role='link' onClick={l.onTap}>
            <Text>{l.label}</Text>
            <Text aria-hidden>›</Text>
          </View>
        ))}
      </Card>
    </View>
  )
}
