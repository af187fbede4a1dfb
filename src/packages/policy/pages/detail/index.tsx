import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { ShareButton } from '@/components/share-button'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { FavouriteButton } from '@/features/favourites/components/favourite-button'
import { getPolicy, getPolicyInterpretations, getPolicyRelated } from '@/features/policies/api/get-policy'
import { PolicyHead } from '@/features/policies/components/policy-head'
import { PolicyText } from '@/features/policies/components/policy-text'
import { RelatedSection } from '@/features/policies/components/related-section'
import { ValidityBanner } from '@/features/policies/components/validity-banner'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function PolicyDetailPage() {
  const id = useRouter().params.id ?? ''
  const { data: policy, error, loading, reload } = useRequest(() => getPolicy(id), [id])
  // 相关解读: a policy page is no dead end; each interpretation links back to its policy
  const related = useRequest(async () => (await getPolicyInterpretations(id)).items, [id])
  // 相关视频 and 常见问答: the videos of its interpretations and the FAQs about it
  const more = useRequest(() => getPolicyRelated(id), [id])

  useShareAppMessage(() => ({ title: policy?.title ?? '政策原文', path: routes.policyDetail(id) }))
  useShareTimeline(() => ({ title: policy?.title ?? '政策原文', query: `id=${id}` }))
  // H5: the first screen the server drew (with its related links) goes once the page shows all of it, or its error
  useDismissFirstScreen(Boolean(error || (policy && !related.loading && !more.loading)))

  // (in a ThemePage: the H5 title bar's 返回 is there while it loads or fails too)
  if (loading && !policy)
    return (
      <ThemePage>
        <Skeleton rows={3} />
      </ThemePage>
    )
  if (error || !policy)
    return (
      <ThemePage>
        <ErrorState message={error?.message ?? '内容不存在或已下线'} onRetry={reload} />
      </ThemePage>
    )

  return (
    <ThemePage className='policy-detail'>
      <ValidityBanner
        validity={policy.validity}
        note={policy.validityNote}
        onOpenReplacement={policy.replacedBy ? () => Taro.redirectTo({ url: routes.policyDetail(policy.replacedBy as string) }) : undefined}
      />
      <PolicyHead
        policy={policy}
        actions={
          <>
            <ShareButton title={policy.title} path={routes.policyDetail(id)} />
            <FavouriteButton kind='policy' id={id} />
          </>
        }
      />
      <RelatedSection title='相关解读' links={related.data?.map((i) => ({ id: i.id, label: i.title, onTap: go(routes.interpretationDetail(i.id)) }))} />
      <RelatedSection title='相关视频' links={more.data?.videos.map((v) => ({ id: v.id, label: v.title, onTap: go(routes.videoPlay(v.id)) }))} />
      {/* a FAQ's answer opens in 智能问答, whose card links back to this policy (查看政策原文) */}
      <RelatedSection title='常见问答' links={more.data?.faqs.map((f) => ({ id: f.id, label: f.question, onTap: go(routes.qa(f.question)) }))} />
      <PolicyText sections={policy.sections} />
    </ThemePage>
  )
}
