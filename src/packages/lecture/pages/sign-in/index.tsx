import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import type { SignInResult } from '@common/contract'
import { signInWithCode, signInWithOrder } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/components/login-needed'
import { parseSignIn } from '@/features/lectures/sign-in-payload'
import { SignInCodeForm, SignInDone } from '@/features/lectures/components/sign-in-form'
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
  return (
    <ThemePage>
      {done ? (
        <SignInDone done={done} />
      ) : (
        <SignInCodeForm
          code={code}
          onCode={setCode}
          busy={busy}
          error={error}
          onSend={() => void send(code)}
          onScan={process.env.TARO_ENV === 'weapp' ? () => void scan() : undefined}
        />
      )}
    </ThemePage>
  )
}
