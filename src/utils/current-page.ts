/** The page on screen as an app path with its query: where sign-in sends the resident back to. */
import Taro from '@tarojs/taro'
import { isAppPath } from '@common/contract'

export function currentAppPath(): string | undefined {
  if (typeof Taro.getCurrentInstance !== 'function') return undefined
  const router = Taro.getCurrentInstance()?.router
  if (!router?.path) return undefined
  const params = Object.entries(router.params ?? {})
    // Taro's own bookkeeping ($taroTimestamp, stamp) is not part of the page's address
    .filter(([k, v]) => v !== undefined && v !== '' && !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  const url = `/${router.path.replace(/^\//, '').split('?')[0]}${params.length ? `?${params.join('&')}` : ''}`
  return isAppPath(url) ? url : undefined
}
