import { useEffect, useRef, useState } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'
import type { Interpretation } from '@common/contract'
import { kindLabel } from '@common/labels/interpretation-kinds'
import { useReadingStore } from '../stores/reading-store'

const SAVE_EVERY_MS = 500

/**
 * An interpretation as it is read: it goes into 阅读记录, the title bar names its kind, the page
 * returns to where the reader left off (once), and the scroll position is saved as they read.
 */
export function useReadingPosition(item: Interpretation | undefined): void {
  const { recordRead, savePosition } = useReadingStore.getState()
  const [resumed, setResumed] = useState(false)
  const lastSave = useRef(0)

  useEffect(() => {
    if (!item) return
    recordRead(item)
    void Taro.setNavigationBarTitle({ title: kindLabel[item.kind] === '图解' ? '图解政策' : '政策解读' })
    const top = useReadingStore.getState().positions[item.id]
    if (top && !resumed) {
      setResumed(true)
      // wait one frame so the blocks have their height before scrolling back
      setTimeout(() => {
        void Taro.pageScrollTo({ scrollTop: top, duration: 0 })
        void Taro.showToast({ title: '已回到上次阅读位置', icon: 'none' })
      }, 50)
    }
  }, [item, recordRead, resumed])

  usePageScroll(({ scrollTop }) => {
    const now = Date.now()
    if (!item || now - lastSave.current < SAVE_EVERY_MS) return
    lastSave.current = now
    savePosition(item.id, scrollTop)
  })
}
