import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { mediaUrl } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import { fromNow } from '@/utils/date'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

type Tab = 'favourites' | 'history'
const tabs = [
  { id: 'favourites', name: '我的收藏' },
  { id: 'history', name: '阅读记录' },
]

/** 我的收藏 and 阅读记录, both kept on this device. */
export default function ReadingPage() {
  const [tab, setTab] = useState<Tab>(useRouter().params.tab === 'history' ? 'history' : 'favourites')
  const favourites = useReadingStore((s) => s.favourites)
  const history = useReadingStore((s) => s.history)
  const clearHistory = useReadingStore((s) => s.clearHistory)
  const entries = tab === 'favourites' ? favourites : history

  return (
    <ThemePage className='reading'>
      <View className='page__filters'>
        <ChipBar options={tabs} value={tab} allLabel={null} onChange={(id) => id && setTab(id as Tab)} />
      </View>
      {entries.length === 0 ? (
        <EmptyState
          title={tab === 'favourites' ? '还没有收藏' : '还没有阅读记录'}
          hint={tab === 'favourites' ? '在解读页点“收藏”，以后在这里找到它' : '看过的解读会出现在这里'}
          actionText='去看解读'
          onAction={() => Taro.switchTab({ url: routes.interpretations })}
        />
      ) : null}
      {entries.map((e) => (
        <View key={e.id} className='reading__item' role='link' aria-label={e.title} onClick={() => Taro.navigateTo({ url: routes.interpretationDetail(e.id) })}>
          <Image className='reading__cover' src={mediaUrl(e.cover)} mode='aspectFill' aria-hidden />
          <View className='reading__body'>
            <Text className='reading__title'>{e.title}</Text>
            <Text className='reading__at'>
              {tab === 'favourites' ? '收藏于' : '阅读于'} {fromNow(e.at)}
            </Text>
          </View>
        </View>
      ))}
      {tab === 'history' && history.length > 0 ? (
        <View className='reading__clear' role='button' onClick={clearHistory}>
          清空阅读记录
        </View>
      ) : null}
    </ThemePage>
  )
}
