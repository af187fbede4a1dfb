import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { embeddedHome, getHome } from '@/features/home/api/get-home'
import { HomeHero } from '@/features/home/components/home-hero'
import { HomeSections } from '@/features/home/components/home-sections'
import { ServicePointHomePage } from '@/features/home/components/service-point-page'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'
import { confirmSwitchParticipant } from '../switch-participant'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTabBarSelection } from '@/custom-tab-bar/use-tab-bar-selection'

export default function HomePage() {
  useTabBarSelection(routes.home)
  // H5: the answer the server-drawn first screen came with is drawn by the first render
  const { data: home, error, loading, reload } = useRequest(getHome, [], { initial: embeddedHome })

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '政策通 · 看得懂的台州政策', path: routes.home }))

  const servicePoint = useServicePointStore((s) => s.point)
  // H5: the first screen the server drew goes once this page shows its own
  useDismissFirstScreen(Boolean(servicePoint || home || error))

  if (servicePoint) return <ServicePointHomePage point={servicePoint} onSwitch={() => void confirmSwitchParticipant()} />

  return (
    <ThemePage className='home'>
      <HomeHero />
      {loading && !home ? <Skeleton rows={3} /> : null}
      {error && !home ? <ErrorState message={error.message} onRetry={reload} /> : null}
      {home ? <HomeSections home={home} /> : null}
    </ThemePage>
  )
}
