import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import { Card } from '@/components/card'
import { FormError, FormSubmit } from '@/components/form'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { roleLabel } from '@/features/profile/roles'
import { passwordLogin } from '@/features/staff/api/staff-auth'
import { routes } from '@/utils/routes'
import { StaffField } from '@/features/staff/components/staff-form'

/** 工作人员登录: username and password (H5 and the mini-program alike), then back to 我的. */
export default function StaffLoginPage() {
  const signIn = useSessionStore((s) => s.signIn)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const submit = async () => {
    if (busy) return
    const problem = !username.trim() ? '请输入用户名' : !password ? '请输入密码' : undefined
    setError(problem)
    if (problem) return
    setBusy(true)
    try {
      const session = await passwordLogin(username.trim(), password)
      signIn(session)
      setPassword('')
      void Taro.showToast({ title: `已登录：${session.user.nickname}（${roleLabel[session.user.role]}）`, icon: 'none' })
      void Taro.switchTab({ url: routes.mine })
    } catch (e) {
      // the server’s own words: 用户名或密码不正确 (a disabled account too), 账号已锁定，请 N 分钟后再试…
      setError(e instanceof ApiError ? e.message : '登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <ThemePage className='staff'>
      <Card className='staff__first'>
        <Text className='staff__title'>工作人员登录</Text>
        <Text className='staff__hint'>账号由所在单位的管理员开通；忘记密码请联系管理员重置。</Text>
        <StaffField label='用户名' value={username} maxlength={32} placeholder='请输入用户名' onInput={setUsername} />
        <StaffField label='密码' value={password} placeholder='请输入密码' password toggle onInput={setPassword} onConfirm={() => void submit()} />
        <FormError className='staff__error' message={error} />
        <FormSubmit className='staff__submit' busy={busy} onClick={() => void submit()}>
          登录
        </FormSubmit>
      </Card>
    </ThemePage>
  )
}
