import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

const HOME = '/pages/index/index'

/** a subpage is any page of a subpackage (the tab pages live in src/pages) */
export function isSubpage(path: string | undefined): boolean {
  return !!path && path.replace(/^\//, '').startsWith('packages/')
}

/** the title Taro H5 gives the page (its config's navigationBarTitleText, or setNavigationBarTitle's) */
function useDocumentTitle(): string {
  const [title, setTitle] = useState(() => (typeof document === 'undefined' ? '' : document.title))
  useEffect(() => {
    if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
    const read = () => setTitle(document.title)
    read()
    const observer = new MutationObserver(read)
    observer.observe(document.head, { subtree: true, childList: true, characterData: true })
    return () => observer.disconnect()
  }, [])
  return title
}

const pageCount = () => (typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages().length : 0)

/** back one page, or to 首页 when this page was opened directly (a shared link, a reload) */
export function goBack() {
  if (pageCount() > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: HOME })
}

function Bar({ path }: { path: string }) {
  const title = useDocumentTitle()
  const hasHistory = pageCount() > 1
  return (
    <View className='title-bar' data-testid='title-bar' data-path={path}>
      <View className='title-bar__back' role='button' aria-label={hasHistory ? '返回上一页' : '回到首页'} onClick={goBack}>
        <Text className='title-bar__arrow' aria-hidden>
          ‹
        </Text>
        <Text>{hasHistory ? '返回' : '首页'}</Text>
      </View>
      <Text className='title-bar__title'>{title}</Text>
      <View className='title-bar__spacer' />
    </View>
  )
}

/**
 * H5 has no native navigation bar: every subpage gets this one (title and 返回, or 首页 when there is
 * no page to go back to). The mini-program draws its own, so nothing is rendered there; nor on the tab
 * pages, whose tab bar is the way around.
 */
export function TitleBar({ enabled = process.env.TARO_ENV === 'h5' }: { enabled?: boolean }) {
  const path = Taro.getCurrentInstance().router?.path
  if (!enabled || !isSubpage(path)) return null
  return <Bar path={path!} />
}
