import { useEffect } from 'react'

/**
 * H5: Taro's tab bar items are `<a href="javascript:;">` (@tarojs/components taro-tabbar). Following
 * such a link runs an inline script, which the server's Content-Security-Policy blocks and
 * reports; the item's own click handler does the switching, so the link is not followed.
 */
export function useNoJavascriptUrls(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    const onClick = (e: MouseEvent) => {
      const target = e.target as Element | null
      if (target?.closest?.('a[href^="javascript:"]')) e.preventDefault()
    }
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [])
}
