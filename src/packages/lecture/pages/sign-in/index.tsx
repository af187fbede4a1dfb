import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import type { SignInResult } from '@common/contract'
import { signInWithCode, signInWithOrder } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/components/login-needed'
import { parseSignIn } from '@/features/lectures/sign-in-payload'
import { inShanghai } from '@common/shanghai-date'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 签到: scan the lecturer's QR code (weapp) or type the six digits. */
export default function SignInPage() {
  const params = useRouter().params
  const token = useSessionStore((s) => s.token)
  const [code, setCode] = useState(params.code ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<SignInResult>()

  const send = async (raw: string, orderId = params.id) => {
    const parsed = parseSignIn(raw)
    if (!parsed) return setError('签到码为6位数字')
    setError(undefined)
    setBusy(true)
    try {
      const id = parsed.orderId ?? orderId
      setDone(id ? await signInWithOrder(id, parsed.code) : await signInWithCode(parsed.code))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '签到失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await send(r.result)
    } catch {
      setError('没有识别到签到二维码，可以直接输入签到码')
    }
  }

  if (!token) return <LoginNeeded what='签到' />
  if (done) {
    return (
      <ThemePage>
        <View className='lec-card' role='status'>
          <Text className='lec-card__title'>{done.already ? '您已签到过' : '签到成功'}</Text>
          <Text className='lec-card__summary'>{done.topicTitle}</Text>
          <Text className='lec-card__meta'>
            签到时间 {inShanghai(done.signedInAt).format('M月D日 HH:mm')} · 本场已签到 {done.signedIn} 人
          </Text>
        </View>
      </ThemePage>
    )
  }
  return (
    <ThemePage>
      <View className='lec-form'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button role='button' className='lec-btn lec-btn--block' onClick={scan}>
            扫码签到
          </Button>
        ) : null}
        <Text className='lec-form__label'>输入签到码</Text>
        <Input
          className='form-field lec-form__input'
          type='number'
          maxlength={6}
          value={code}
          placeholder='宣讲员出示的6位数字'
          aria-label='签到码'
          onInput={(e) => setCode(e.detail.value)}
        />
        {error ? (
          <View className='lec-form__error' role='alert'>
            {error}
          </View>
        ) : null}
        <Button role='button' className='lec-btn lec-btn--block' loading={busy} disabled={busy || undefined} onClick={() => send(code)}>
          签到
        </Button>
      </View>
    </ThemePage>
  )
}
