import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import type { RegionEntry } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { RegionPicker } from '@/components/region-picker'
import { BoundPoint, IdleChoice, StaffNeeded } from '@/features/service-point/components/bind-parts'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'

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
  const stop = () => {
    unbind()
    void Taro.showToast({ title: '已取消便民服务点模式', icon: 'none' })
  }

  if (!staff) {
    return (
      <ThemePage className='sp-bind'>
        <StaffNeeded />
      </ThemePage>
    )
  }
  return (
    <ThemePage className='sp-bind'>
      {point && !choosing ? (
        <BoundPoint point={point} onChange={() => setChoosing(true)} onUnbind={stop} />
      ) : (
        <RegionPicker value='' onChange={(_, village) => village && pick(village)} levels={['village']} label='本机所在的村（社区）' inline />
      )}
      <IdleChoice value={idleSeconds} onChange={setIdleSeconds} />
    </ThemePage>
  )
}
