import { useState } from 'react'
import { Card } from '@/components/card'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useRequest, useSessionStore } from '@/api'
import type { Session } from '@common/contract'
import { smsSignInLabels } from '@common/labels/sign-in'
import { getAuthMethods, wechatMiniLogin, wechatOaUrl } from '../api/identity'
import { forgetOaNonce, startOaNonce } from '../oa-nonce'
import { SmsLogin } from './sms-login'
import './sign-in.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'
/** WeChat's in-app browser, where web authorisation works */
const inWechatBrowser = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent)

/**
 * How a resident signs in: the mini-program with WeChat (wx.login); H5 with the mobile and an SMS
 * code, and inside WeChat's browser also 微信授权登录 when the server has a 公众号 configured.
 */
export function ResidentSignIn({ redirect, onSignedIn }: { redirect?: string; onSignedIn: (session: Session) => void }) {
  return isWeapp ? <WechatLogin onSignedIn={onSignedIn} /> : <H5SignIn redirect={redirect} onSignedIn={onSignedIn} />
}

function WechatLogin({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const signIn = useSessionStore((s) => s.signIn)
  const [busy, setBusy] = useState(false)
  const login = async () => {
    setBusy(true)
    try {
      const session = await wechatMiniLogin()
      signIn(session)
      onSignedIn(session)
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '登录失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card className='sign-in'>
      <Button role='button' className='sign-in__submit' loading={busy} disabled={busy || undefined} onClick={login}>
        微信一键登录
      </Button>
    </Card>
  )
}

function H5SignIn({ redirect, onSignedIn }: { redirect?: string; onSignedIn: (session: Session) => void }) {
  const methods = useRequest(getAuthMethods, [])
  const [error, setError] = useState<string>()
  const oa = methods.data?.wechatOa && inWechatBrowser()
  const startOa = async () => {
    try {
      const { url } = await wechatOaUrl(redirect, startOaNonce())
      window.location.href = url
    } catch (e) {
      forgetOaNonce()
      setError(e instanceof ApiError ? e.message : e instanceof Error && e.message.startsWith('当前浏览器') ? e.message : '微信授权暂时不可用，请用手机号登录')
    }
  }
  return (
    <View>
      {oa ? (
        <Card className='sign-in'>
          <Button role='button' className='sign-in__submit sign-in__wechat' onClick={startOa}>
            {smsSignInLabels.wechatOa}
          </Button>
          {error ? (
            <View className='sign-in__error' role='alert'>
              {error}
            </View>
          ) : null}
        </Card>
      ) : null}
      {methods.data && !methods.data.sms ? (
        <Card className='sign-in'>
          <Text className='sign-in__hint'>{smsSignInLabels.off}</Text>
        </Card>
      ) : (
        <SmsLogin onSignedIn={onSignedIn} />
      )}
    </View>
  )
}
