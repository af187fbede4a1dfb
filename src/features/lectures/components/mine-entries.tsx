import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { MenuItem, MenuList } from '@/features/profile/components/menu-list'
import { lectureRoutes } from '@/utils/routes'
import './mine-entries.scss'

interface Entry {
  label: string
  url: string
  badge?: number
}

/** 我的 tab: 宣讲点单 entries, with the views of the signed-in role (派单台, 我的宣讲); 我的消息 is the messages feature's entry. */
export function LectureEntries() {
  const user = useSessionStore((s) => s.user)
  const role = user?.role
  const entries: Entry[] = [
    { label: '宣讲点单', url: lectureRoutes.menu() },
    ...(role === 'resident' || role === 'staff' ? [{ label: '我的点单', url: lectureRoutes.mine }] : []),
    ...(role === 'dispatcher' || role === 'admin' ? [{ label: '派单台', url: lectureRoutes.dispatch }] : []),
    ...(role === 'lecturer' ? [{ label: '我的宣讲', url: lectureRoutes.lecturer }] : []),
    { label: '宣讲日历', url: lectureRoutes.calendar },
    { label: '现场签到', url: lectureRoutes.signIn() },
    { label: '隐私说明', url: lectureRoutes.privacy },
  ]
  return (
    <MenuList name='宣讲点单'>
      {entries.map((e) => (
        <MenuItem
          key={e.label}
          label={e.label}
          spoken={e.badge ? `${e.label}，${e.badge}条未读` : e.label}
          end={e.badge ? <Text className='lec-badge'>{e.badge > 99 ? '99+' : e.badge}</Text> : undefined}
          onTap={() => Taro.navigateTo({ url: e.url })}
        />
      ))}
    </MenuList>
  )
}
