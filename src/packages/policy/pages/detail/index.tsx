import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getPolicy, getPolicyInterpretations, getPolicyRelated } from '@/features/policies/api/get-policy'
import { PolicyText } from '@/features/policies/components/policy-text'
import { ValidityBanner } from '@/features/policies/components/validity-banner'
import { formatDate } from '@/utils/date'
import { closedLabel } from '@common/labels/policy-validity'
import { ShareButton } from '@/components/share-button'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function PolicyDetailPage() {
  const id = useRouter().params.id ?? ''
  const { data: policy, error, loading, reload } = useRequest(() => getPolicy(id), [id])
  // 相关解读: a policy page is no dead end; each interpretation links back to its policy
  const related = useRequest(async () => (await getPolicyInterpretations(id)).items, [id])
  // 相关视频 and 常见问答: the videos of its interpretations and the FAQs about it
  const more = useRequest(() => getPolicyRelated(id), [id])

  useShareAppMessage(() => ({ title: policy?.title ?? '政策原文', path: routes.policyDetail(id) }))
  useShareTimeline(() => ({ title: policy?.title ?? '政策原文', query: `id=${id}` }))

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
      <View className='policy-detail__head'>
        <View className='policy-detail__title' role='heading' aria-level={1}>
          {policy.title}
        </View>
        <View className='policy-detail__facts'>
          <Fact label='文号' value={policy.docNumber} />
          <Fact label='发布机关' value={policy.issuer} />
          <Fact label='主管部门' value={policy.department} />
          <Fact label='发布日期' value={formatDate(policy.publishedAt)} />
          {policy.effectiveFrom ? <Fact label='施行日期' value={formatDate(policy.effectiveFrom)} /> : null}
          {policy.closesAt ? <Fact label='截止日期' value={`${formatDate(policy.closesAt)}${policy.closed ? `（${closedLabel}）` : ''}`} /> : null}
        </View>
        <View className='policy-detail__share'>
          <ShareButton title={policy.title} path={routes.policyDetail(id)} />
        </View>
      </View>
      {related.data?.length ? (
        <View className='policy-detail__related' role='region' aria-label='相关解读'>
          <View className='section__title' role='heading' aria-level={2}>
            <Text>相关解读</Text>
          </View>
          {related.data.map((i) => (
            <View
              key={i.id}
              className='policy-detail__related-item'
              role='link'
              onClick={() => void Taro.navigateTo({ url: routes.interpretationDetail(i.id) })}
            >
              <Text>{i.title}</Text>
              <Text aria-hidden>›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {more.data?.videos.length ? (
        <View className='policy-detail__related' role='region' aria-label='相关视频'>
          <View className='section__title' role='heading' aria-level={2}>
            <Text>相关视频</Text>
          </View>
          {more.data.videos.map((v) => (
            <View key={v.id} className='policy-detail__related-item' role='link' onClick={() => void Taro.navigateTo({ url: routes.videoPlay(v.id) })}>
              <Text>{v.title}</Text>
              <Text aria-hidden>›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {more.data?.faqs.length ? (
        <View className='policy-detail__related' role='region' aria-label='常见问答'>
          <View className='section__title' role='heading' aria-level={2}>
            <Text>常见问答</Text>
          </View>
          {more.data.faqs.map((f) => (
            // the answer opens in 智能问答, whose card links back to this policy (查看政策原文)
            <View key={f.id} className='policy-detail__related-item' role='link' onClick={() => void Taro.navigateTo({ url: routes.qa(f.question) })}>
              <Text>{f.question}</Text>
              <Text aria-hidden>›</Text>
            </View>
          ))}
        </View>
      ) : null}
      <PolicyText sections={policy.sections} />
    </ThemePage>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='policy-detail__fact'>
      <Text className='policy-detail__fact-label'>{label}</Text>
      <Text className='policy-detail__fact-value'>{value}</Text>
    </View>
  )
}
