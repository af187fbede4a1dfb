import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ElderModeToggle } from '@/features/elder-mode/components/text-size'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { ServicePointHome, type Tile } from '@/features/service-point/components/service-point-home'
import type { ServicePoint } from '@/features/service-point/stores/service-point-store'
import { lectureRoutes, routes } from '@/utils/routes'

const TILES: Tile[] = [
  { label: '看解读', hint: '图解政策，一看就懂', icon: '读', tone: '#1659c7', onOpen: () => Taro.switchTab({ url: routes.interpretations }) },
  { label: '看视频', hint: '十几秒看懂一项政策', icon: '视', tone: '#0f8a7e', onOpen: () => Taro.switchTab({ url: routes.videos }) },
  { label: '问政策', hint: '有问题直接问，可代居民咨询', icon: '问', tone: '#c2410c', onOpen: () => Taro.navigateTo({ url: routes.qa() }) },
  { label: '约宣讲', hint: '为本村点一场政策宣讲', icon: '讲', tone: '#7048e8', onOpen: () => Taro.navigateTo({ url: lectureRoutes.menu() }) },
  { label: '来答题', hint: '政策知识竞赛', icon: '答', tone: '#2b8a3e', onOpen: () => Taro.switchTab({ url: routes.quiz }) },
]

/** 首页 on a device bound to a 便民服务点: five big tiles and 换人 */
export function ServicePointHomePage({ point, onSwitch }: { point: ServicePoint; onSwitch: () => void }) {
  return (
    <ThemePage className='home home--service-point'>
      <View className='home__sp-top'>
        <ElderModeToggle />
      </View>
      <ServicePointHome point={point} tiles={TILES} onSwitch={onSwitch} />
    </ThemePage>
  )
}
