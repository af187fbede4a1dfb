import Taro from '@tarojs/taro'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { MySituation } from '@/features/policy-match/components/my-situation'
import { routes } from '@/utils/routes'

/** 我的情况 */
export default function MySituationPage() {
  return (
    <ThemePage>
      <MySituation onLogin={() => void Taro.navigateTo({ url: routes.signIn(routes.mySituation) })} />
    </ThemePage>
  )
}
