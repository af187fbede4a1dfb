import { useMemo, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getAttempt, getCampaign } from '@/features/quiz/api/quiz'
import { ReviewList } from '@/features/quiz/components/review-list'
import { CardMaker } from '@/features/quiz/components/share/card-maker'
import { saveImage } from '@/utils/save-image'
import type { CardData } from '@/features/quiz/components/share/draw-card'
import { duration, formatDateTime } from '@/features/quiz/format'
import { formatDate } from '@/utils/date'
import { routes } from '@/utils/routes'
import '../quiz.scss'

type CardKind = CardData['kind']

export default function AttemptResultPage() {
  const { id = '' } = useRouter().params
  const nickname = useSessionStore((s) => s.user?.nickname ?? '我')
  const view = useRequest(() => getAttempt(id), [id])
  const campaignId = view.data?.attempt.campaignId
  const campaign = useRequest(() => (campaignId ? getCampaign(campaignId) : Promise.resolve(undefined)), [campaignId])
  const [kind, setKind] = useState<CardKind>()
  const [image, setImage] = useState<{ kind: CardKind; src?: string }>()
  const [saving, setSaving] = useState(false)

  const result = view.data?.result
  const c = campaign.data
  const card = useMemo<CardData | undefined>(
    () =>
      result && c && kind
        ? {
            kind,
            campaignTitle: c.title,
            department: c.department,
            name: nickname,
            score: result.score,
            maxScore: result.maxScore,
            correctCount: result.correctCount,
            total: result.total,
            timeUsed: duration(result.timeUsedSec),
            rank: result.rank,
            certificateText: c.rules.certificate,
            date: formatDate(result.submittedAt),
          }
        : undefined,
    [result, c, kind, nickname],
  )

  if (view.loading && !view.data) return <Skeleton rows={4} />
  if (view.error && !view.data) return <ErrorState message={view.error.message} onRetry={view.reload} />
  if (!result) {
    const a = view.data!.attempt
    return (
      <ThemePage>
        <View className='quiz-panel'>
          <Text className='quiz-panel__title'>{a.status === 'active' ? '本次答题还未交卷' : '本次答题已超时，不计成绩'}</Text>
          <Button
            role='button'
            className='quiz-btn'
            onClick={() => Taro.redirectTo({ url: a.status === 'active' ? routes.quizAttempt(a.id) : routes.quizDetail(a.campaignId) })}
          >
            {a.status === 'active' ? '继续答题' : '返回竞赛'}
          </Button>
        </View>
      </ThemePage>
    )
  }

  const save = async () => {
    if (!image?.src) return
    setSaving(true)
    try {
      await saveImage(image.src, `${image.kind === 'certificate' ? '参与证书' : '答题成绩'}-${result.attemptId.slice(0, 8)}.png`)
      void Taro.showToast({ title: process.env.TARO_ENV === 'weapp' ? '已保存到相册' : '图片已下载', icon: 'success' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '保存失败', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <ThemePage>
      <View className='quiz-score'>
        <Text className='quiz-score__label'>{c?.title ?? '本次得分'}</Text>
        <Text className='quiz-score__value' aria-label={`得分 ${result.score} 分`}>
          {result.score}
        </Text>
        <Text className='quiz-score__label'>满分 {result.maxScore} 分</Text>
        <View className='quiz-stats'>
          <View className='quiz-stats__item'>
            <Text className='quiz-stats__value'>
              {result.correctCount}/{result.total}
            </Text>
            <Text className='quiz-stats__label'>答对题数</Text>
          </View>
          <View className='quiz-stats__item'>
            <Text className='quiz-stats__value'>{duration(result.timeUsedSec)}</Text>
            <Text className='quiz-stats__label'>用时</Text>
          </View>
          <View className='quiz-stats__item'>
            <Text className='quiz-stats__value'>{result.rank ? `第${result.rank}名` : '—'}</Text>
            <Text className='quiz-stats__label'>当前排名</Text>
          </View>
        </View>
        {result.countedScore !== undefined && result.countedScore !== result.score ? (
          <Text className='quiz-score__label'>
            排行榜计入成绩：{result.countedScore} 分（{c?.rules.scoreCounts === 'latest' ? '以最近一次为准' : '取最好成绩'}）
          </Text>
        ) : null}
      </View>

      <View className='quiz-actions'>
        <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => setKind('result')}>
          成绩卡片
        </Button>
        {c?.rules.certificate ? (
          <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => setKind('certificate')}>
            参与证书
          </Button>
        ) : null}
      </View>
      {card ? <CardMaker card={card} onImage={(src) => setImage({ kind: card.kind, src })} /> : null}
      {card && image?.kind === card.kind ? (
        <View className='quiz-panel'>
          {image.src ? (
            <>
              <Image className='quiz-card-image' src={image.src} mode='aspectFit' aria-label={card.kind === 'certificate' ? '参与证书图片' : '成绩卡片图片'} />
              <Button role='button' className='quiz-btn' loading={saving} disabled={saving || undefined} onClick={save}>
                {process.env.TARO_ENV === 'weapp' ? '保存到相册' : '下载图片'}
              </Button>
            </>
          ) : (
            <Text className='quiz-panel__line'>图片生成失败，请稍后重试</Text>
          )}
        </View>
      ) : null}

      <View className='quiz-actions'>
        <Button role='button' className='quiz-btn' onClick={() => Taro.navigateTo({ url: routes.quizLeaderboard(result.campaignId) })}>
          查看排行榜
        </Button>
        <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => Taro.redirectTo({ url: routes.quizDetail(result.campaignId) })}>
          再答一次
        </Button>
      </View>

      <View className='section__title'>{result.keyWithheld?.questions === result.total ? '答题情况' : '答题解析'}</View>
      {result.keyWithheld ? (
        <Text className='quiz-panel__line quiz-review-note' role='note'>
          竞赛结束后公布正确答案和解析{result.keyWithheld.until ? `（${formatDateTime(result.keyWithheld.until)} 后）` : ''}
          {result.keyWithheld.questions < result.total ? `，本次有 ${result.keyWithheld.questions} 道题暂不公布` : ''}
        </Text>
      ) : null}
      <ReviewList review={result.review} onOpenInterpretation={(iid) => Taro.navigateTo({ url: routes.interpretationDetail(iid) })} />
    </ThemePage>
  )
}
