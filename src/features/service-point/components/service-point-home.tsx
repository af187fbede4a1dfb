import { Text, View } from '@tarojs/components'
import type { ServicePoint } from '../stores/service-point-store'
import './service-point-home.scss'

export interface Tile {
  label: string
  hint: string
  /** one character drawn large, so the tile reads without the words too */
  icon: string
  tone: string
  onOpen: () => void
}

/** 首页 at a 便民服务点: five large tiles and 换人, for people who rarely use a phone. */
export function ServicePointHome({ point, tiles, onSwitch }: { point: ServicePoint; tiles: Tile[]; onSwitch: () => void }) {
  return (
    <View className='sp-home'>
      <View className='sp-home__head'>
        <Text className='sp-home__title'>{point.villageName}便民服务点</Text>
        <Text className='sp-home__place'>{point.place}</Text>
      </View>
      <View className='sp-home__tiles'>
        {tiles.map((t) => (
          <View key={t.label} className='sp-home__tile' role='link' onClick={t.onOpen}>
            <Text className='sp-home__icon' style={{ background: t.tone }} aria-hidden>
              {t.icon}
            </Text>
            <Text className='sp-home__label'>{t.label}</Text>
            <Text className='sp-home__hint'>{t.hint}</Text>
          </View>
        ))}
      </View>
      <View className='sp-home__switch' role='button' onClick={onSwitch}>
        <Text className='sp-home__switch-title'>换人</Text>
        <Text className='sp-home__switch-hint'>清除上一位的登录、阅读和答题记录，交给下一位</Text>
      </View>
    </View>
  )
}
