import { useEffect } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { mediaUrl } from '@/api'
import { Card } from '@/components/card'
import { EmptyState } from '@/components/empty-state'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import { fromNow } from '@/utils/date'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 阅读记录, kept on this device. 我的收藏 lives on the account now: old links to ?tab=favourites go there. */
export default function ReadingPage() {
  const toFavourites = useRouter().params.tab === 'favourites'
  const history = useReadingStore((s) => s.history)
  const clearHistory = useReadingStore((s) => s.clearHistory)

  useEffect(() => {
    if (toFavourites) void Taro.redirectTo({ url: routes.favourites })
  }, [toFavourites])
  if (toFavourites) return <ThemePage className='reading' />

  return (
    <ThemePage className='reading'>
      {history.length === 0 ? (
        <EmptyState
          title='还没有阅读记录'
          hint='看过的解读会出现在这里'
          actionText='去看解读'
          onAction={() => Taro.switchTab({ url: routes.interpretations })}
        />
      ) : null}
      {history.map((e) => (
        <Card key={e.id} className='reading__item' padding='none' label={e.title} onTap={() => Taro.navigateTo({ url: routes.interpretationDetail(e.id) })}>
          <Image className='reading__cover' src={mediaUrl(e.cover)} mode='aspectFill' aria-hidden />
          <View className='reading__body'>
            <Text className='reading__title'>{e.title}</Text>
            <Text className='reading__at'>阅读于 {fromNow(e.at)}</Text>
          </View>
        </Card>
      ))}
      {history.length > 0 ? (
        <View className='reading__clear' role='button' onClick={clearHistory}>
          清空阅读记录
        </View>
      ) : null}
    </ThemePage>
  )
}
