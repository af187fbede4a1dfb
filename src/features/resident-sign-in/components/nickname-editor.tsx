import { useState } from 'react'
import { Card } from '@/components/card'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import { NICKNAME_MAX_LENGTH, NICKNAME_MIN_LENGTH } from '@common/contract'
import { setNickname } from '../api/identity'
import './sign-in.scss'

/** 修改昵称: the name boards and certificates show; the server trims and checks it */
export function NicknameEditor() {
  const user = useSessionStore((s) => s.user)
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (!user || user.role !== 'resident') return null

  const save = async () => {
    const name = value.trim()
    const length = [...name].length
    if (length < NICKNAME_MIN_LENGTH || length > NICKNAME_MAX_LENGTH) return setError(`昵称需${NICKNAME_MIN_LENGTH}到${NICKNAME_MAX_LENGTH}个字`)
    setBusy(true)
    setError(undefined)
    try {
      const updated = await setNickname(name)
      useSessionStore.setState({ user: updated })
      setEditing(false)
      void Taro.showToast({ title: '昵称已修改', icon: 'none' })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '修改失败，请重试')
    } finally {
      setBusy(false)
    }
    return undefined
  }

  if (!editing) {
    return (
      <View
        className='mine__item'
        role='button'
        onClick={() => {
          setValue(user.nickname)
          setEditing(true)
        }}
      >
        <Text>修改昵称</Text>
        <Text className='mine__chevron' aria-hidden>
          ›
        </Text>
      </View>
    )
  }
  return (
    <Card className='sign-in'>
      <Text className='sign-in__title'>修改昵称</Text>
      <Input
        className='form-field sign-in__input'
        value={value}
        maxlength={NICKNAME_MAX_LENGTH}
        placeholder={`${NICKNAME_MIN_LENGTH}到${NICKNAME_MAX_LENGTH}个字，排行榜和证书上显示`}
        aria-label='昵称'
        onInput={(e) => setValue(e.detail.value)}
      />
      {error ? (
        <View className='sign-in__error' role='alert'>
          {error}
        </View>
      ) : null}
      <View className='sign-in__line'>
        <Button role='button' className='sign-in__send' onClick={() => setEditing(false)}>
          取消
        </Button>
        <Button role='button' className='sign-in__submit' loading={busy} disabled={busy || undefined} onClick={save}>
          保存
        </Button>
      </View>
    </Card>
  )
}
