/**
 * 换人 for the whole app: composed here because it reaches into several features (the reading
 * history, the quiz's kept attempts) that never import each other.
 */
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import { useAttemptStore } from '@/features/quiz/stores/attempt-store'
import { useFavouriteStore } from '@/features/favourites/stores/favourite-store'
import { clearParticipant } from '@/features/service-point/participant'
import { routes } from '@/utils/routes'

export function switchParticipant(): void {
  // 收藏 is on the account (nothing on the device): only what this session learnt of it goes
  clearParticipant([useReadingStore, useAttemptStore, useFavouriteStore])
  // every open page closes, the tab pages included: nothing of the last person stays on screen
  void Taro.reLaunch({ url: routes.home })
}

/** asks first: 换人 cannot be undone */
export async function confirmSwitchParticipant(): Promise<boolean> {
  const r = await Taro.showModal({
    title: '换人',
    content: '将清除上一位的登录、阅读记录、收藏和答题记录，交给下一位使用。',
    confirmText: '换人',
    cancelText: '取消',
  })
  if (!r.confirm) return false
  switchParticipant()
  void Taro.showToast({ title: '已清除，请下一位使用', icon: 'none' })
  return true
}

/** the kiosk's idle timer: only when someone used the device (signed in, or left 首页) */
export function switchParticipantIfUsed(): void {
  const path = Taro.getCurrentInstance().router?.path ?? ''
  if (useSessionStore.getState().user || !path.startsWith(routes.home)) switchParticipant()
}
