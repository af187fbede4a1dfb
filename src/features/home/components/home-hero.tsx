import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SearchBar } from '@/components/search-bar'
import { ElderModeToggle } from '@/features/elder-mode/components/text-size'
import { routes } from '@/utils/routes'

/** 首页's top: the brand, 大字, the search bar and 有问题，直接问 (the server draws the same markup first: server/modules/first-screen) */
export function HomeHero() {
  return (
    <View className='home__hero'>
      <View className='home__top'>
        <View className='home__titles'>
          <Text className='home__brand'>政策通</Text>
          <Text className='home__slogan'>台州政策，一看就懂</Text>
        </View>
        <ElderModeToggle />
      </View>
      <SearchBar placeholder='搜政策、解读、问答：社保卡、医保…' onTap={() => Taro.navigateTo({ url: routes.search() })} />
      <View className='home__ask' role='link' onClick={() => Taro.navigateTo({ url: routes.qa() })}>
        <Text className='home__ask-title'>有问题，直接问</Text>
        <Text className='home__ask-hint'>“我妈82岁了，高龄津贴每月能领多少？”</Text>
      </View>
    </View>
  )
}
