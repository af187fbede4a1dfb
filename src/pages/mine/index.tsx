import { Button, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { RoleLogin } from '@/features/profile/components/role-login'
import { useDataSaverStore } from '@/features/settings/data-saver'
import { roleLabel } from '@/features/profile/roles'
import { routes } from '@/utils/routes'
import './index.scss'

export default function MinePage() {
  const user = useSessionStore((s) => s.user)
  const signOut = useSessionStore((s) => s.signOut)
  const dataSaver = useDataSaverStore((s) => s.dataSaver)
  const setDataSaver = useDataSaverStore((s) => s.setDataSaver)

  return (
    <View className='page mine'>
      <View className='mine__card'>
        <View className='mine__avatar' aria-hidden>
          {user ? user.nickname.slice(0, 1) : '访'}
        </View>
        <View className='mine__who'>
          <Text className='mine__name'>{user ? user.nickname : '未登录'}</Text>
          <Text className='mine__role'>{user ? roleLabel[user.role] : '登录后可咨询、点单、参加竞赛'}</Text>
        </View>
      </View>

      {user ? null : <RoleLogin />}

      <View className='mine__list' role='list'>
        <MenuItem label='我的收藏' onTap={() => Taro.navigateTo({ url: routes.reading('favourites') })} />
        <MenuItem label='阅读记录' onTap={() => Taro.navigateTo({ url: routes.reading('history') })} />
        <MenuItem label='我的咨询' onTap={() => Taro.navigateTo({ url: routes.myConsultations })} />
        <MenuItem label='网络课堂' onTap={() => Taro.navigateTo({ url: routes.courses })} />
        <MenuItem label='智能问答' onTap={() => Taro.navigateTo({ url: routes.qa() })} />
        <MenuItem label='政策库' onTap={() => Taro.navigateTo({ url: routes.policyList() })} />
      </View>

      <View className='mine__list'>
        <View className='mine__item'>
          <Text>省流量模式（视频不自动播放）</Text>
          <Switch checked={dataSaver} aria-label='省流量模式' onChange={(e) => setDataSaver(e.detail.value)} />
        </View>
      </View>

      {user ? (
        <Button role='button' className='mine__logout' onClick={signOut}>
          退出登录
        </Button>
      ) : null}
      <Text className='mine__footer'>政策通 · 台州市政务公开</Text>
    </View>
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
