import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import { Card } from '@/components/card'
import { FormError, FormSubmit } from '@/components/form'
import { EmptyState } from '@/components/empty-state'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { changePassword } from '@/features/staff/api/staff-auth'
import { routes } from '@/utils/routes'
import { StaffField } from '@/features/staff/components/staff-form'

/** 修改密码: the current one, then the new one twice; every other device is signed out. */
export default function ChangePasswordPage() {
  const token = useSessionStore((s) => s.token)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const submit = async () => {
    if (busy) return
    const problem = !current ? '请输入当前密码' : !next ? '请输入新密码' : next !== again ? '两次输入的新密码不一致' : undefined
    setError(problem)
    if (problem) return
    setBusy(true)
    try {
      await changePassword(current, next)
      setCurrent('')
      setNext('')
      setAgain('')
      void Taro.showToast({ title: '密码已修改，其他设备已下线', icon: 'none' })
      void Taro.navigateBack()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '修改失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  if (!token) {
    return (
      <ThemePage className='staff'>
        <EmptyState title='请先登录' actionText='去登录' onAction={() => Taro.switchTab({ url: routes.mine })} />
      </ThemePage>
    )
  }

  return (
    <ThemePage className='staff'>
      <Card className='staff__first'>
        <StaffField label='当前密码' value={current} password onInput={setCurrent} />
        <StaffField label='新密码' value={next} password onInput={setNext} />
        <StaffField label='再次输入新密码' value={again} password onInput={setAgain} />
        <Text className='staff__hint'>至少 10 个字符，不能全是数字，不能包含用户名。修改后其他设备需要重新登录。</Text>
        <FormError className='staff__error' message={error} />
        <FormSubmit className='staff__submit' busy={busy} onClick={() => void submit()}>
          确认修改
        </FormSubmit>
      </Card>
    </ThemePage>
  )
}
