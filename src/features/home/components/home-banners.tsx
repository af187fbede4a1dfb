import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { mediaUrl } from '@/api'
import type { Banner } from '@common/contract'
import { tabRoutes } from '@/utils/routes'
import './home-banners.scss'

const IN_APP = /^\/(pages|packages)\//

/** a banner's in-app page: tab pages switch tabs, the others open on top */
function open(link: string) {
  const path = link.split('?')[0]
  if (tabRoutes.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url: link })
}

/**
 * 首页公益广告, stacked: the picture with its alt text for screen readers and the title. A banner
 * with an in-app path opens it; an https link is shown as text (the mini-program may only open
 * business domains it has registered, so it is not opened from here).
 */
export function HomeBanners({ banners }: { banners: readonly Banner[] }) {
  if (banners.length === 0) return null
  return (
    <View className='home-banners' role='region' aria-label='公益广告'>
      {banners.map((b) => {
        const inApp = IN_APP.test(b.link)
        return (
          <View
            key={b.id}
            className='home-banners__item'
            {...(inApp ? { role: 'link', onClick: () => open(b.link) } : {})}
            aria-label={inApp ? `${b.title}：${b.alt}` : undefined}
          >
            <Image className='home-banners__image' src={mediaUrl(b.image)} mode='aspectFill' lazyLoad role='img' aria-label={b.alt} />
            <Text className='home-banners__title'>{b.title}</Text>
            {!inApp && /^https:\/\//.test(b.link) ? (
              <Text className='home-banners__url' userSelect>
                {b.link}
              </Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
