import { useEffect } from 'react'
import { useServicePointStore } from './stores/service-point-store'

const ACTIVITY = ['pointerdown', 'touchstart', 'keydown', 'wheel', 'scroll'] as const

/**
 * H5 kiosk at a service point: after `idleSeconds` without a touch, key or scroll, `onIdle` runs
 * (the app clears the person's data and goes back to 首页 for the next one). Off on weapp, when
 * the device is not a service point, or when set to 0.
 */
export function useIdleReturn(onIdle: () => void): void {
  const bound = useServicePointStore((s) => Boolean(s.point))
  const idleSeconds = useServicePointStore((s) => s.idleSeconds)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || !bound || idleSeconds <= 0) return
    let timer: ReturnType<typeof setTimeout>
    const arm = () => {
      clearTimeout(timer)
      timer = setTimeout(onIdle, idleSeconds * 1000)
    }
    ACTIVITY.forEach((e) => window.addEventListener(e, arm, { passive: true, capture: true }))
    arm()
    return () => {
      clearTimeout(timer)
      ACTIVITY.forEach((e) => window.removeEventListener(e, arm, { capture: true }))
    }
  }, [bound, idleSeconds, onIdle])
}
