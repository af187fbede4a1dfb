import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { embeddedCampaign, getCampaign, getCampaignMe } from '@/features/quiz/api/quiz'
import { CampaignHero } from '@/features/quiz/components/campaign-hero'
import { CampaignJoin } from '@/features/quiz/components/campaign-join'
import { CampaignLinks } from '@/features/quiz/components/campaign-links'
import { CampaignRules } from '@/features/quiz/components/campaign-rules'
import { useRegionNames } from '@/features/quiz/hooks/use-region-names'
import { useDismissFirstScreen } from '@/utils/first-screen'

/** a campaign: what it is, its rules, 参加竞赛 while it runs, its board and practice */
export default function CampaignDetailPage() {
  const { id = '' } = useRouter().params
  const token = useSessionStore((s) => s.token)
  // H5: the answer the server-drawn first screen came with is drawn by the first render
  const campaign = useRequest(() => getCampaign(id), [id], { initial: () => embeddedCampaign(id) })
  const me = useRequest(() => (token ? getCampaignMe(id) : Promise.resolve(undefined)), [id, token])
  // a city-wide campaign names no region: nothing is loaded for it
  const regionNames = useRegionNames(campaign.data?.rules.eligibleRegions)
  // H5: the first screen the server drew goes once the page shows its own (or its error)
  useDismissFirstScreen(Boolean(campaign.data || campaign.error))

  usePullDownRefresh(() => {
    void Promise.all([campaign.reload(), me.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  // back from an attempt: attempts left and the best score have changed
  useDidShow(() => {
    if (token && me.data) void me.reload()
  })

  if (campaign.loading && !campaign.data) return <Skeleton rows={4} />
  if (campaign.error && !campaign.data) return <ErrorState message={campaign.error.message} onRetry={campaign.reload} />
  const c = campaign.data!
  return (
    <ThemePage>
      <CampaignHero campaign={c} />
      <CampaignRules campaign={c} regionNames={regionNames} />
      {c.status === 'ongoing' ? <CampaignJoin campaignId={id} signedIn={!!token} me={me.data} onChanged={() => void me.reload()} /> : null}
      <CampaignLinks campaign={c} />
    </ThemePage>
  )
}
