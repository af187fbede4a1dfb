import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { ApiError, useSessionStore } from '@/api'
import { isMobile, SMS_CODE_LENGTH, type Session } from '@common/contract'
import { smsSignInLabels as say } from '@common/labels/sign-in'
import { sendSmsCode, verifySmsCode } from '../api/identity'
import './sign-in.scss'

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback)

/** 手机号登录 on a card (as 微信授权登录 and the SMS-off note are): number, 获取验证码 (then a 60 s countdown), the code, 登录. In the demo the code is shown. */
export function SmsLogin({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const signIn = useSessionStore((s) => s.signIn)
  const [mobile, setMobile] = useState('')
  const [code, setCode] = useState('')
  const [countdown, setCountdown] = useState(0)
  const [devCode, setDevCode] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<'send' | 'verify'>()

  useEffect(() => {
    if (countdown <= 0) return undefined
    const timer = setTimeout(() => setCountdown((n) => n - 1), 1000)
    return () => clearTimeout(timer)
  }, [countdown])

  const send = async () => {
    const number = mobile.trim()
    if (!isMobile(number)) return setError('请输入正确的11位手机号')
    if (countdown > 0 || busy) return undefined
    setError(undefined)
    setBusy('send')
    try {
      const sent = await sendSmsCode(number)
      setCountdown(sent.resendAfterSec)
      setDevCode(sent.devCode)
    } catch (e) {
      setError(messageOf(e, '验证码发送失败，请重试'))
    } finally {
      setBusy(undefined)
    }
    return undefined
  }

  const verify = async () => {
    const number = mobile.trim()
    if (!isMobile(number)) return setError('请输入正确的11位手机号')
    if (!new RegExp(`^\\d{${SMS_CODE_LENGTH}}$`).test(code.trim())) return setError('请输入6位数字验证码')
    if (busy) return undefined
    setError(undefined)
    setBusy('verify')
    try {
      const session = await verifySmsCode(number, code.trim())
      signIn(session)
      onSignedIn(session)
    } catch (e) {
      setError(messageOf(e, '登录失败，请重试'))
    } finally {
      setBusy(undefined)
    }
    return undefined
  }

  return (
    <Card className='sign-in'>
      <Text className='sign-in__title' role='heading' aria-level={2}>
        {say.title}
      </Text>
      <Input
        className='form-field sign-in__input'
        type='number'
        maxlength={11}
        value={mobile}
        placeholder={say.mobilePlaceholder}
        aria-label='手机号'
        onInput={(e) => setMobile(e.detail.value)}
      />
      <View className='sign-in__row'>
        <Input
          className='form-field sign-in__input sign-in__code'
          type='number'
          maxlength={SMS_CODE_LENGTH}
          value={code}
          placeholder={say.codePlaceholder}
          aria-label='验证码'
          onInput={(e) => setCode(e.detail.value)}
        />
        <Button role='button' className='sign-in__send' disabled={countdown > 0 || busy === 'send' || undefined} loading={busy === 'send'} onClick={send}>
          {countdown > 0 ? `${countdown} 秒后重新获取` : say.send}
        </Button>
      </View>
      {devCode ? (
        <Text className='sign-in__demo' role='note'>
          演示模式：验证码 {devCode}
        </Text>
      ) : null}
      {error ? (
        <View className='sign-in__error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button role='button' className='sign-in__submit' loading={busy === 'verify'} disabled={busy === 'verify' || undefined} onClick={verify}>
        {say.submit}
      </Button>
      <Text className='sign-in__hint'>{say.hint}</Text>
    </Card>
  )
}
