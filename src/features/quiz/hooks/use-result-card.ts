import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import type { AttemptResult, Campaign } from '@common/contract'
import { formatDate } from '@/utils/date'
import { saveImage } from '@/utils/save-image'
import type { CardData } from '../components/share/draw-card'
import { duration } from '../format'

type CardKind = CardData['kind']

/**
 * The result's share images: the card the resident asked for (成绩卡片 or 参与证书), the image once
 * drawn (no src: drawing failed), and saving it (the album on weapp, a download on H5).
 */
export function useResultCard(result: AttemptResult, campaign: Campaign | undefined) {
  const nickname = useSessionStore((s) => s.user?.nickname ?? '我')
  const [kind, setKind] = useState<CardKind>()
  const [image, setImage] = useState<{ kind: CardKind; src?: string }>()
  const [saving, setSaving] = useState(false)

  const card = useMemo<CardData | undefined>(
    () =>
      campaign && kind
        ? {
            kind,
            campaignTitle: campaign.title,
            department: campaign.department,
            name: nickname,
            score: result.score,
            maxScore: result.maxScore,
            correctCount: result.correctCount,
            total: result.total,
            timeUsed: duration(result.timeUsedSec),
            rank: result.rank,
            certificateText: campaign.rules.certificate,
            date: formatDate(result.submittedAt),
          }
        : undefined,
    [result, campaign, kind, nickname],
  )

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

  /** the image of the card on screen (undefined while it is being drawn) */
  const shown = card && image?.kind === card.kind ? image : undefined
  return { card, show: setKind, onImage: (src: string | undefined) => card && setImage({ kind: card.kind, src }), shown, save, saving }
}
