import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { PendingWrites } from '@/components/pending-writes'
import { ToggleSwitch } from '@/components/toggle-switch'
import { RoleLogin } from '@/features/profile/components/role-login'
import { BindPhone } from '@/features/resident-sign-in/components/bind-phone'
import { NicknameEditor } from '@/features/resident-sign-in/components/nickname-editor'
import { ResidentSignIn } from '@/features/resident-sign-in/components/resident-sign-in'
import { LectureEntries } from '@/features/lectures/components/mine-entries'
import { MessagesEntry } from '@/features/messages/components/messages-entry'
import { useDataSaverStore } from '@/features/settings/data-saver'
import { roleLabel } from '@/features/profile/roles'
import { logout } from '@/features/staff/api/staff-auth'
import { StaffEntries } from '@/features/staff/components/staff-entries'
import { orgLabel } from '@/features/staff/org'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { routes } from '@/utils/routes'
import { confirmSwitchParticipant } from '../switch-participant'
import './index.scss'
import { TextSizePicker } from '@/features/elder-mode/components/text-size'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function MinePage() {
  const user = useSessionStore((s) => s.user)
  const dataSaver = useDataSaverStore((s) => s.dataSaver)
  const setDataSaver = useDataSaverStore((s) => s.setDataSaver)
  const servicePoint = useServicePointStore((s) => s.point)
  const staff = user?.role === 'staff' || user?.role === 'admin'

  return (
    <ThemePage className='mine'>
      <View className='mine__card'>
        <View className='mine__avatar' aria-hidden>
          {user ? user.nickname.slice(0, 1) : '访'}
        </View>
        <View className='mine__who'>
          <Text className='mine__name'>{user ? user.nickname : '未登录'}</Text>
          <Text className='mine__role'>{user ? [roleLabel[user.role], orgLabel(user)].filter(Boolean).join(' · ') : '登录后可咨询、点单、参加竞赛'}</Text>
        </View>
      </View>

      {user ? null : <ResidentSignIn onSignedIn={() => undefined} />}
      {user ? null : <RoleLogin />}
      {user?.role === 'resident' ? (
        <View className='mine__list'>
          <NicknameEditor />
          <BindPhone />
        </View>
      ) : null}

      <StaffEntries />

      <PendingWrites />

      <View className='mine__list' role='list'>
        <MessagesEntry />
        <MenuItem label='我的收藏' onTap={() => Taro.navigateTo({ url: routes.favourites })} />
        <MenuItem label='阅读记录' onTap={() => Taro.navigateTo({ url: routes.reading('history') })} />
        <MenuItem label='我的咨询' onTap={() => Taro.navigateTo({ url: routes.myConsultations })} />
        <MenuItem label='我的信息公开申请' onTap={() => Taro.navigateTo({ url: routes.foiaMine })} />
        <MenuItem label='网络课堂' onTap={() => Taro.navigateTo({ url: routes.courses })} />
        <MenuItem label='智能问答' onTap={() => Taro.navigateTo({ url: routes.qa() })} />
        <MenuItem label='政策库' onTap={() => Taro.navigateTo({ url: routes.policyList() })} />
        <MenuItem label='我能享受哪些政策' onTap={() => Taro.navigateTo({ url: routes.policyMatch })} />
        <MenuItem label='我的情况' onTap={() => Taro.navigateTo({ url: routes.mySituation })} />
        {staff || servicePoint ? (
          <MenuItem
            label={servicePoint ? `便民服务点：${servicePoint.villageName}` : '设为便民服务点'}
            onTap={() => Taro.navigateTo({ url: routes.servicePoint })}
          />
        ) : null}
      </View>

      <View className='section__title' role='heading' aria-level={2}>
        <Text>字体大小</Text>
      </View>
      <View className='mine__list'>
        <TextSizePicker />
      </View>

      <LectureEntries />

      <View className='mine__list'>
        <View className='mine__item'>
          <ToggleSwitch label='省流量模式（视频不自动播放）' checked={dataSaver} onChange={setDataSaver} />
        </View>
      </View>

      {servicePoint ? (
        <Button role='button' className='mine__logout mine__switch' onClick={() => void confirmSwitchParticipant()}>
          换人（清除本人记录）
        </Button>
      ) : null}
      {user ? (
        <Button role='button' className='mine__logout' onClick={() => void logout()}>
          退出登录
        </Button>
      ) : null}
      <Text className='mine__footer'>政策通 · 台州市政务公开</Text>
    </ThemePage>
  )
}

function MenuItem({ label, onTap }: { label: string; onTap: () => void }) {
  return (
    <View className='mine__item' role='listitem' onClick={onTap}>
      <Text>{label}</Text>
      <Text className='mine__chevron' aria-hidden>
        ›
      </Text>
    </View>
  )
}
