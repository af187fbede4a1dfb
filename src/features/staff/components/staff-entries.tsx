import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { MenuItem, MenuList } from '@/features/profile/components/menu-list'
import { staffRoutes } from '@/utils/routes'
import { isStaff } from '../org'

/**
 * 我的 tab: 「工作人员登录」 for someone not signed in as staff; 「登录设备」 and 「修改密码」 for
 * staff (a password account; other accounts are told the server's reason).
 */
export function StaffEntries() {
  const user = useSessionStore((s) => s.user)
  const entries = isStaff(user)
    ? [
        { label: '登录设备', url: staffRoutes.sessions },
        { label: '修改密码', url: staffRoutes.password },
      ]
    : [{ label: '工作人员登录', url: staffRoutes.login }]
  return (
    <MenuList name='工作人员'>
      {entries.map((e) => (
        <MenuItem key={e.label} label={e.label} spoken={e.label} onTap={() => Taro.navigateTo({ url: e.url })} />
      ))}
    </MenuList>
  )
}
