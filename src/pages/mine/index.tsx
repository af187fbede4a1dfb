import { Button, Text } from '@tarojs/components'
import { useSessionStore } from '@/api'
import { PendingWrites } from '@/components/pending-writes'
import { RoleLogin } from '@/features/profile/components/role-login'
import { DataSaverSetting, MineHeader, MineMenu, ResidentProfile, TextSizeSetting } from '@/features/profile/components/mine-parts'
import { ResidentSignIn } from '@/features/resident-sign-in/components/resident-sign-in'
import { LectureEntries } from '@/features/lectures/components/mine-entries'
import { logout } from '@/features/staff/api/staff-auth'
import { StaffEntries } from '@/features/staff/components/staff-entries'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { confirmSwitchParticipant } from '../switch-participant'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTabBarSelection } from '@/custom-tab-bar/use-tab-bar-selection'
import { routes } from '@/utils/routes'

export default function MinePage() {
  useTabBarSelection(routes.mine)
  const user = useSessionStore((s) => s.user)
  const servicePoint = useServicePointStore((s) => s.point)
  // H5: the first screen the server drew goes as soon as this page draws: all it shows is known here
  useDismissFirstScreen(true)

  return (
    <ThemePage className='mine'>
      <MineHeader />
      {user ? null : <ResidentSignIn onSignedIn={() => undefined} />}
      {user ? null : <RoleLogin />}
      <ResidentProfile />
      <StaffEntries />
      <PendingWrites />
      <MineMenu />
      <TextSizeSetting />
      <LectureEntries />
      <DataSaverSetting />
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
