import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api, useRequest, useSessionStore } from '@/api'
import { Card } from '@/components/card'
import { getLectureTopics } from '../api/lectures'
import './lectures.scss'

/**
 * 开发模式: a lecturer account is linked to the menu's lecturer of the same name; an account that is
 * not on the list picks one and is signed in as them. Nothing shows once the account is linked.
 */
export function DevLecturerSwitch({ nickname }: { nickname: string }) {
  const signIn = useSessionStore((s) => s.signIn)
  const lecturers = useRequest(async () => {
    const topics = await getLectureTopics()
    const byId = new Map(topics.flatMap((t) => t.lecturers).map((l) => [l.id, l]))
    return [...byId.values()]
  }, [])
  const [switching, setSwitching] = useState(false)
  if (!lecturers.data || lecturers.data.some((l) => l.name === nickname)) return null

  const becomeLecturer = async (name: string) => {
    setSwitching(true)
    try {
      signIn(await api.call('POST /auth/dev', { body: { role: 'lecturer', name } }))
    } catch {
      void Taro.showToast({ title: '切换失败，请重试', icon: 'none' })
    } finally {
      setSwitching(false)
    }
  }
  return (
    <Card className='lec-card lec-first'>
      <Text className='lec-card__title'>选择宣讲员身份（开发模式）</Text>
      <Text className='lec-card__meta'>当前账号“{nickname}”不在宣讲员名单中。选择一位宣讲员，以其身份登录：</Text>
      <View className='lec-choices' style={{ marginTop: '8px' }}>
        {lecturers.data.map((l) => (
          <View key={l.id} className='lec-choice' role='button' aria-disabled={switching} onClick={() => !switching && void becomeLecturer(l.name)}>
            {l.name}
          </View>
        ))}
      </View>
    </Card>
  )
}
