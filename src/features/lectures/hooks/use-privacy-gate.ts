/**
 * The privacy authorisation before personal data (the phone number) is collected.
 * weapp: the base library asks through onNeedPrivacyAuthorization when the phone field is first
 * used; we show PrivacyPopup and answer resolve({event:'agree', buttonId}) after its
 * agreePrivacyAuthorization button, or {event:'disagree'}.
 * H5 (and tests): the same popup the first time the phone field is focused, remembered in storage.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { PRIVACY_AGREE_BUTTON_ID } from '../components/privacy-popup'

export const PRIVACY_STORAGE_KEY = 'zct-privacy-agreed'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

export interface PrivacyGate {
  open: boolean
  agreed: boolean
  /** call when the phone field is focused: opens the popup on H5 until agreed */
  request: () => void
  agree: () => void
  disagree: () => void
}

export function usePrivacyGate(): PrivacyGate {
  const [open, setOpen] = useState(false)
  const [agreed, setAgreed] = useState(() => Taro.getStorageSync(PRIVACY_STORAGE_KEY) === 'yes')
  const pending = useRef<Resolve>()

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.current = resolve
      resolve({ event: 'exposureAuthorization' })
      setOpen(true)
    })
  }, [])

  const close = (choice: 'agree' | 'disagree') => {
    setOpen(false)
    if (choice === 'agree') {
      setAgreed(true)
      Taro.setStorageSync(PRIVACY_STORAGE_KEY, 'yes')
    }
    pending.current?.(choice === 'agree' ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
    pending.current = undefined
  }

  return {
    open,
    agreed,
    request: () => {
      if (process.env.TARO_ENV !== 'weapp' && !agreed) setOpen(true)
    },
    agree: () => close('agree'),
    disagree: () => close('disagree'),
  }
}
