import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { mediaUrl } from '@/api'
import { DataTable } from '@/components/data-table'
import type { Block } from '@common/contract'
import type { TextScale } from '@common/theme'
import { formatDate } from '@/utils/date'
import { ChartBlock } from '../chart/chart-block'
import { BlockImage } from './block-image'
import { FaqAccordion } from './faq-accordion'
import './interpretation-blocks.scss'

/** Renders an interpretation's ordered blocks. All text is rendered as text, never as HTML. */
export function InterpretationBlocks({
  blocks,
  drawn = blocks.length,
  reading = -1,
  scale,
}: {
  blocks: Block[]
  /** how many of the blocks to draw (the first ones; a picture still opens among all of them) */
  drawn?: number
  /** the block 朗读 is reading: highlighted */
  reading?: number
  /** the reader's text size, for what is drawn rather than styled (charts) */
  scale?: TextScale
}) {
  const images = blocks.flatMap((b) => (b.type === 'image' ? [mediaUrl(b.src)] : []))
  return (
    <View className='blocks'>
      {blocks.slice(0, drawn).map((block, i) => (
        <View
          key={i}
          className={`block block--${block.type} ${reading === i ? 'block--reading' : ''}`}
          data-block-index={i}
          aria-current={reading === i ? 'true' : undefined}
        >
          <BlockView block={block} index={i} images={images} scale={scale} />
        </View>
      ))}
    </View>
  )
}

function BlockView({ block, index, images, scale }: { block: Block; index: number; images: string[]; scale?: TextScale }) {
  switch (block.type) {
    case 'heading':
      return (
        <View className='block__heading' role='heading' aria-level={2}>
          {block.text}
        </View>
      )
    case 'paragraph':
      return <Text className='block__paragraph'>{block.text}</Text>
    case 'image': {
      const src = mediaUrl(block.src)
      return (
        <View className='block__figure'>
          <BlockImage src={src} alt={block.alt} onOpen={() => Taro.previewImage({ current: src, urls: images })} />
          {block.caption ? <Text className='block__caption'>{block.caption}</Text> : null}
        </View>
      )
    }
    case 'keyFigures':
      return (
        <View className='key-figures'>
          {block.items.map((f, i) => (
            <View key={i} className='key-figures__item'>
              <View className='key-figures__number'>
                <Text className='key-figures__value'>{f.value}</Text>
                {f.unit ? <Text className='key-figures__unit'>{f.unit}</Text> : null}
              </View>
              <Text className='key-figures__caption'>{f.caption}</Text>
            </View>
          ))}
        </View>
      )
    case 'timeline':
      return (
        <View className='timeline' role='list'>
          {block.items.map((t, i) => (
            <View key={i} className='timeline__item' role='listitem'>
              <View className='timeline__dot' aria-hidden />
              <Text className='timeline__date'>{formatDate(t.date)}</Text>
              <Text className='timeline__title'>{t.title}</Text>
              {t.detail ? <Text className='timeline__detail'>{t.detail}</Text> : null}
            </View>
          ))}
        </View>
      )
    case 'table':
      return <DataTable caption={block.title} columns={block.columns} rows={block.rows} />
    case 'callout':
      return (
        <View className={`callout callout--${block.tone}`} role='note'>
          <Text className='callout__title'>{block.title}</Text>
          <Text className='callout__text'>{block.text}</Text>
        </View>
      )
    case 'chart':
      return <ChartBlock id={`chart-${index}`} title={block.title} chart={block.chart} scale={scale} />
    case 'faq':
      return <FaqAccordion items={block.items} />
  }
}
