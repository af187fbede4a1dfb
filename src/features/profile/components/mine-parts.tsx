import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { ToggleSwitch } from '@/components/toggle-switch'
import { TextSizePicker } from '@/features/elder-mode/components/text-size'
import { MessagesEntry } from '@/features/messages/components/messages-entry'
import { BindPhone } from '@/features/resident-sign-in/components/bind-phone'
import { NicknameEditor } from '@/features/resident-sign-in/components/nickname-editor'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { useDataSaverStore } from '@/features/settings/data-saver'
import { orgLabel } from '@/features/staff/org'
import { routes } from '@/utils/routes'
import { roleLabel } from '../roles'
import { MenuItem, MenuList } from './menu-list'

/** who is signed in: the first character as the avatar, the name, the role and organisation */
export function MineHeader() {
  const user = useSessionStore((s) => s.user)
  return (
    <View className='mine__card'>
      <View className='mine__avatar' aria-hidden>
        {user ? user.nickname.slice(0, 1) : '访'}
      </View>
      <View className='mine__who'>
        <Text className='mine__name'>{user ? user.nickname : '未登录'}</Text>
        <Text className='mine__role'>{user ? [roleLabel[user.role], orgLabel(user)].filter(Boolean).join(' · ') : '登录后可咨询、点单、参加竞赛'}</Text>
      </View>
    </View>
  )
}

/** a resident's own 昵称 and phone */
export function ResidentProfile() {
  const user = useSessionStore((s) => s.user)
  if (user?.role !== 'resident') return null
  return (
    <MenuList list={false}>
      <NicknameEditor />
      <BindPhone />
    </MenuList>
  )
}

const go = (url: string) => () => void Taro.navigateTo({ url })

/** the pages 我的 leads to; 便民服务点 for staff or a device already bound to one */
export function MineMenu() {
  const user = useSessionStore((s) => s.user)
  const servicePoint = useServicePointStore((s) => s.point)
  const staff = user?.role === 'staff' || user?.role === 'admin'
  return (
    <MenuList>
      <MessagesEntry />
      <MenuItem label='我的收藏' onTap={go(routes.favourites)} />
      <MenuItem label='阅读记录' onTap={go(routes.reading('history'))} />
      <MenuItem label='我的咨询' onTap={go(routes.myConsultations)} />
      <MenuItem label='我的信息公开申请' onTap={go(routes.foiaMine)} />
      <MenuItem label='网络课堂' onTap={go(routes.courses)} />
      <MenuItem label='智能问答' onTap={go(routes.qa())} />
      <MenuItem label='政策库' onTap={go(routes.policyList())} />
      <MenuItem label='我能享受哪些政策' onTap={go(routes.policyMatch)} />
      <MenuItem label='我的情况' onTap={go(routes.mySituation)} />
      {staff || servicePoint ? (
        <MenuItem label={servicePoint ? `便民服务点：${servicePoint.villageName}` : '设为便民服务点'} onTap={go(routes.servicePoint)} />
      ) : null}
    </MenuList>
  )
}

/** 字体大小 */
export function TextSizeSetting() {
  return (
    <>
      <View className='section__title' role='heading' aria-level={2}>
        <Text>字体大小</Text>
      </View>
      <MenuList list={false}>
        <TextSizePicker />
      </MenuList>
    </>
  )
}

/** 省流量模式: videos do not play by themselves */
export function DataSaverSetting() {
  const dataSaver = useDataSaverStore((s) => s.dataSaver)
  const setDataSaver = useDataSaverStore((s) => s.setDataSaver)
  return (
    <MenuList list={false}>
      <View className='mine__item'>
        <ToggleSwitch label='省流量模式（视频不自动播放）' checked={dataSaver} onChange={setDataSaver} />
      </View>
    </MenuList>
  )
}
