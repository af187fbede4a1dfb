import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import { bindPhone } from '../api/identity'
import './sign-in.scss'

/**
 * 绑定手机号 (mini-program only): WeChat's getPhoneNumber button hands a one-time code the server
 * exchanges for the number; an H5 account with that number becomes this one.
 */
export function BindPhone() {
  const user = useSessionStore((s) => s.user)
  const [bound, setBound] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (process.env.TARO_ENV !== 'weapp' || !user || user.role !== 'resident') return null

  const onGetPhoneNumber = async (e: { detail: { code?: string; errMsg?: string } }) => {
    const code = e.detail.code
    if (!code) return // declined
    setBusy(true)
    try {
      const result = await bindPhone(code)
      useSessionStore.setState({ user: result.user })
      setBound(result.mobile)
      void Taro.showToast({ title: result.merged ? '已绑定，网页端的记录已合并' : '手机号已绑定', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: err instanceof ApiError ? err.message : '绑定失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='mine__item'>
      {bound ? (
        <Text>已绑定 {bound}</Text>
      ) : (
        <Button role='button' className='sign-in__send' openType='getPhoneNumber' loading={busy} onGetPhoneNumber={onGetPhoneNumber}>
          绑定手机号
        </Button>
      )}
      <Text className='sign-in__hint'>绑定后，用同一手机号在网页上登录即为同一账号</Text>
    </View>
  )
}
