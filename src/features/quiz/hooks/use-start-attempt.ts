import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CampaignMe } from '@common/contract'
import { routes } from '@/utils/routes'
import { startAttempt } from '../api/quiz'

/**
 * 开始答题 on a campaign's page: the region to rank under (the one saved by an earlier attempt
 * comes filled in), then an attempt (or the running one) opens. A refusal is shown and the
 * caller's standing reloaded (`onRefused`): attempts left may have changed.
 */
export function useStartAttempt(campaignId: string, me: CampaignMe | undefined, onRefused: () => void) {
  const [regionCode, setRegionCode] = useState('')
  const [starting, setStarting] = useState(false)

  useEffect(() => {
    if (me?.regionCode && !regionCode) setRegionCode(me.regionCode)
  }, [me?.regionCode, regionCode])

  const start = async () => {
    if (regionCode.length < 9) {
      void Taro.showToast({ title: '请选择所在乡镇（街道）', icon: 'none' })
      return
    }
    setStarting(true)
    try {
      const attempt = await startAttempt(campaignId, regionCode)
      void Taro.navigateTo({ url: routes.quizAttempt(attempt.id) })
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '无法开始答题', icon: 'none' })
      onRefused()
    } finally {
      setStarting(false)
    }
  }

  return { regionCode, setRegionCode, starting, start }
}
