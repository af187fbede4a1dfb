import { useEffect, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { mediaUrl, useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getCampaign, getCampaignMe, getCounties, startAttempt } from '@/features/quiz/api/quiz'
import { campaignStatusLabel } from '@/features/quiz/components/campaign-card'
import { CampaignRules } from '@/features/quiz/components/campaign-rules'
import { RegionPicker } from '@/components/region-picker'
import { regionNamer } from '@/features/quiz/format'
import { useNow } from '@/features/quiz/hooks/use-now'
import { countdown } from '@/utils/date'
import { currentAppPath } from '@/utils/current-page'
import { routes } from '@/utils/routes'
import '../quiz.scss'

export default function CampaignDetailPage() {
  const { id = '' } = useRouter().params
  const token = useSessionStore((s) => s.token)
  const campaign = useRequest(() => getCampaign(id), [id])
  const regions = useRequest(getCounties, [])
  const me = useRequest(() => (token ? getCampaignMe(id) : Promise.resolve(undefined)), [id, token])
  const [regionCode, setRegionCode] = useState('')
  const [starting, setStarting] = useState(false)
  const now = useNow(1000)

  useEffect(() => {
    if (me.data?.regionCode && !regionCode) setRegionCode(me.data.regionCode)
  }, [me.data?.regionCode, regionCode])
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
  const tree = regions.data ?? []
  const timing =
    c.status === 'ongoing'
      ? `距结束 ${countdown(c.endsAt, now) || '不足1分钟'}`
      : c.status === 'upcoming'
        ? `距开始 ${countdown(c.startsAt, now) || '不足1分钟'}`
        : '已结束，可查看排行榜'
  const canPickTownship = regionCode.length >= 9

  const start = async () => {
    if (!canPickTownship) {
      void Taro.showToast({ title: '请选择所在乡镇（街道）', icon: 'none' })
      return
    }
    setStarting(true)
    try {
      const attempt = await startAttempt(id, regionCode)
      void Taro.navigateTo({ url: routes.quizAttempt(attempt.id) })
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '无法开始答题', icon: 'none' })
      void me.reload()
    } finally {
      setStarting(false)
    }
  }

  const mine = me.data
  return (
    <ThemePage>
      <View className='quiz-hero'>
        <Image className='quiz-hero__cover' src={mediaUrl(c.cover)} mode='aspectFill' aria-hidden />
        <View className='quiz-hero__body'>
          <Text className='quiz-hero__title'>{c.title}</Text>
          <Text className='quiz-hero__dept'>{c.department}</Text>
          <View className='quiz-hero__timing'>
            <Tag tone={c.status === 'ongoing' ? 'success' : c.status === 'upcoming' ? 'warning' : 'neutral'}>{campaignStatusLabel[c.status]}</Tag>
            <Text>{timing}</Text>
          </View>
          <Text className='quiz-hero__desc'>{c.description}</Text>
        </View>
      </View>

      <CampaignRules campaign={c} regionNames={regionNamer(tree)} />

      {c.status === 'ongoing' ? (
        <View className='quiz-panel'>
          <Text className='quiz-panel__title'>参加竞赛</Text>
          {!token ? (
            <>
              <Text className='quiz-panel__line'>登录后即可答题，成绩计入排行榜</Text>
              <Button role='button' className='quiz-btn' onClick={() => Taro.navigateTo({ url: routes.signIn(currentAppPath()) })}>
                去登录
              </Button>
            </>
          ) : (
            <>
              {mine ? (
                <Text className='quiz-panel__line'>
                  今天还可答 {mine.attemptsLeftToday} 次（已答 {mine.attemptsToday} 次）
                  {mine.counted ? ` · 计入成绩 ${mine.counted.score} 分，排名第 ${mine.rank} 名` : ''}
                </Text>
              ) : null}
              <Text className='quiz-panel__line'>所在地区（用于县市区、乡镇街道排名）</Text>
              <RegionPicker value={regionCode} onChange={setRegionCode} optional placeholder='选择所在地区（可选）' />
              <Button
                role='button'
                className='quiz-btn'
                loading={starting}
                disabled={starting || (mine?.attemptsLeftToday === 0 && !mine.activeAttemptId) || undefined}
                onClick={start}
              >
                {mine?.activeAttemptId ? '继续答题' : mine?.attemptsLeftToday === 0 ? '今日次数已用完' : '开始答题'}
              </Button>
            </>
          )}
        </View>
      ) : null}

      <View className='quiz-actions'>
        <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => Taro.navigateTo({ url: routes.quizLeaderboard(id) })}>
          排行榜
        </Button>
        <Button
          role='button'
          className='quiz-btn quiz-btn--ghost'
          onClick={() => Taro.navigateTo({ url: routes.quizPractice({ topic: c.topics.length === 1 ? c.topics[0] : undefined }) })}
        >
          练习
        </Button>
      </View>
    </ThemePage>
  )
}
