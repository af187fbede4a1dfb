import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

/**
 * 分享: the mini-program's own share sheet (a Button with openType='share', the page's
 * onShareAppMessage says what is shared); H5: the system share sheet where the browser has one
 * (navigator.share), otherwise the link is copied (链接已复制).
 */
export async function shareOnH5(title: string, path: string): Promise<void> {
  const url = `${window.location.origin}${path}`
  const nav = window.navigator as Navigator & { share?: (data: { title: string; url: string }) => Promise<void> }
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title, url })
      return
    } catch (e) {
      // the user closed the sheet: nothing to say
      if ((e as Error)?.name === 'AbortError') return
    }
  }
  await Taro.setClipboardData({ data: `${title} ${url}` })
  void Taro.showToast({ title: '链接已复制', icon: 'none' })
}

export function ShareButton({ title, path, weapp = process.env.TARO_ENV === 'weapp' }: { title: string; path: string; weapp?: boolean }) {
  if (weapp)
    return (
      <Button className='share-button' openType='share'>
        分享
      </Button>
    )
  return (
    <View className='share-button' role='button' onClick={() => void shareOnH5(title, path)}>
      分享
    </View>
  )
}
