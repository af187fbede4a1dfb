import { useState } from 'react'
import { Card } from '@/components/card'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { useDemoStore } from '@/components/demo-banner'
import { ROLES, type Role } from '@common/contract'
import { roleLoginTitle } from '@common/labels/sign-in'
import { devLogin } from '../api/dev-login'
import { roleLabel } from '../roles'
import './role-login.scss'

/** 开发登录: pick a role — only while the server says it runs the local demo (GET /app-config); elsewhere it has no /auth/dev. */
export function RoleLogin() {
  const signIn = useSessionStore((s) => s.signIn)
  const demo = useDemoStore((s) => s.demo)
  const [busy, setBusy] = useState<Role>()
  const login = async (role: Role) => {
    setBusy(role)
    try {
      signIn(await devLogin(role))
      void Taro.showToast({ title: `已以${roleLabel[role]}身份登录`, icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '登录失败', icon: 'none' })
    } finally {
      setBusy(undefined)
    }
  }
  if (!demo) return null
  return (
    <Card className='role-login'>
      <Text className='role-login__title'>{roleLoginTitle}</Text>
      <View className='role-login__grid'>
        {ROLES.map((r) => (
          <Button role='button' key={r} className='role-login__btn' loading={busy === r} disabled={busy !== undefined || undefined} onClick={() => login(r)}>
            {roleLabel[r]}
          </Button>
        ))}
      </View>
    </Card>
  )
}
