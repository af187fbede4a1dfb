import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import type { RegionEntry } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { RegionPicker } from '@/components/region-picker'
import { IDLE_CHOICES, useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { routes } from '@/utils/routes'
import './index.scss'

const idleLabel = (s: number) => (s === 0 ? '不自动' : s < 120 ? `${s} 秒` : `${s / 60} 分钟`)

/** A staff member binds this device to their village: 首页 turns into the service-point tiles. */
export default function BindServicePointPage() {
  const user = useSessionStore((s) => s.user)
  const { point, idleSeconds, bind, unbind, setIdleSeconds } = useServicePointStore()
  const [choosing, setChoosing] = useState(!point)
  const staff = user && (user.role === 'staff' || user.role === 'admin')

  const pick = (village: RegionEntry) => {
    if (!user) return
    bind({
      villageCode: village.code,
      villageName: village.name,
      place: [...village.ancestors.map((r) => r.name), village.name].join(' · '),
      staffName: user.nickname,
      boundAt: new Date().toISOString(),
    })
    setChoosing(false)
    void Taro.showToast({ title: `已设为${village.name}便民服务点`, icon: 'none' })
  }

  if (!staff) {
    return (
      <ThemePage className='sp-bind'>
        <View className='sp-bind__card' role='alert'>
          <Text className='sp-bind__title'>需要便民服务点工作人员登录</Text>
          <Text>请在「我的」以工作人员身份登录后，再把本机设为村（社区）便民服务点。</Text>
          <Button role='button' className='sp-bind__primary' onClick={() => Taro.switchTab({ url: routes.mine })}>
            去登录
          </Button>
        </View>
      </ThemePage>
    )
  }

  return (
    <ThemePage className='sp-bind'>
      {point && !choosing ? (
        <View className='sp-bind__card'>
          <Text className='sp-bind__title'>本机是 {point.villageName} 便民服务点</Text>
          <Text>{point.place}</Text>
          <Text className='sp-bind__meta'>由 {point.staffName} 设置</Text>
          <Button role='button' className='sp-bind__primary' onClick={() => Taro.switchTab({ url: routes.home })}>
            回到首页
          </Button>
          <Button role='button' className='sp-bind__secondary' onClick={() => setChoosing(true)}>
            改为其他村（社区）
          </Button>
          <Button
            role='button'
            className='sp-bind__secondary'
            onClick={() => {
              unbind()
              void Taro.showToast({ title: '已取消便民服务点模式', icon: 'none' })
            }}
          >
            取消便民服务点模式
          </Button>
        </View>
      ) : (
        <RegionPicker value='' onChange={(_, village) => village && pick(village)} levels={['village']} label='本机所在的村（社区）' inline />
      )}

      <View className='section__title' role='heading' aria-level={2}>
        <Text>无人操作时自动换人（网页版）</Text>
      </View>
      <View className='sp-bind__idle' role='radiogroup' aria-label='无人操作多久后回到首页'>
        {IDLE_CHOICES.map((s) => (
          <View
            key={s}
            className={`sp-bind__idle-option ${idleSeconds === s ? 'sp-bind__idle-option--on' : ''}`}
            role='radio'
            aria-checked={idleSeconds === s}
            onClick={() => setIdleSeconds(s)}
          >
            {idleLabel(s)}
          </View>
        ))}
      </View>
      <Text className='sp-bind__note'>在服务点的平板或电脑上用网页版时，超过这段时间无人操作，会清除上一位的记录并回到首页。</Text>
    </ThemePage>
  )
}
