import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePageScroll, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { getInterpretation } from '@/features/interpretations/api/get-interpretation'
import { InterpretationBlocks } from '@/features/interpretations/components/blocks/interpretation-blocks'
import { kindLabel, staleNotice } from '@common/labels/interpretation-kinds'
import { RelatedVideos } from '@/features/interpretations/components/related-videos'
import { blockSpeechText } from '@/features/interpretations/speech-text'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import { ReadAloudButton } from '@/features/read-aloud/components/read-aloud-button'
import { useReadAloud } from '@/features/read-aloud/use-read-aloud'
import { validityLabel, validityTone } from '@common/labels/policy-validity'
import { formatDate } from '@/utils/date'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTextScale } from '@/features/elder-mode/stores/theme-store'

const SAVE_EVERY_MS = 500
const isH5 = process.env.TARO_ENV === 'h5'

/** H5 has no share sheet: copy the page link instead. */
function copyLink(id: string) {
  const url = typeof window === 'undefined' ? routes.interpretationDetail(id) : `${window.location.origin}${routes.interpretationDetail(id)}`
  void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '链接已复制，可粘贴发送给朋友', icon: 'none' }))
}

export default function InterpretationDetailPage() {
  const id = useRouter().params.id ?? ''
  const { data: item, error, loading, reload } = useRequest(() => getInterpretation(id), [id])
  const favourite = useReadingStore((s) => s.favourites.some((f) => f.id === id))
  const { toggleFavourite, recordRead, savePosition } = useReadingStore.getState()
  const [resumed, setResumed] = useState(false)
  const lastSave = useRef(0)
  const readAloud = useReadAloud()
  const scale = useTextScale()

  useEffect(() => {
    if (!item) return
    recordRead(item)
    void Taro.setNavigationBarTitle({ title: kindLabel[item.kind] === '图解' ? '图解政策' : '政策解读' })
    const top = useReadingStore.getState().positions[item.id]
    if (top && !resumed) {
      setResumed(true)
      // wait one frame so the blocks have their height before scrolling back
      setTimeout(() => {
        void Taro.pageScrollTo({ scrollTop: top, duration: 0 })
        void Taro.showToast({ title: '已回到上次阅读位置', icon: 'none' })
      }, 50)
    }
  }, [item, recordRead, resumed])

  usePageScroll(({ scrollTop }) => {
    const now = Date.now()
    if (!item || now - lastSave.current < SAVE_EVERY_MS) return
    lastSave.current = now
    savePosition(item.id, scrollTop)
  })
  useShareAppMessage(() => ({ title: item?.title ?? '政策解读', path: routes.interpretationDetail(id) }))
  useShareTimeline(() => ({ title: item?.title ?? '政策解读', query: `id=${id}` }))
  // H5: the first screen the server drew goes once this page shows its own
  useDismissFirstScreen(Boolean(item || error))

  if (loading && !item) return <Skeleton rows={4} />
  if (error || !item) return <ErrorState message={error?.message ?? '内容不存在或已下线'} onRetry={reload} />

  const onFavourite = () => {
    const on = toggleFavourite(item)
    void Taro.showToast({ title: on ? '已收藏' : '已取消收藏', icon: 'none' })
  }

  return (
    <ThemePage className='interp-detail'>
      <View className='interp-detail__head'>
        <View className='interp-detail__tags'>
          <Tag>{kindLabel[item.kind]}</Tag>
          <Tag tone={validityTone[item.validity]}>{validityLabel[item.validity]}</Tag>
        </View>
        <View className={`interp-detail__title ${readAloud.reading === 0 ? 'block--reading' : ''}`} role='heading' aria-level={1}>
          {item.title}
        </View>
        <Text className='interp-detail__meta'>
          {item.department} · {formatDate(item.publishedAt)}
        </Text>
        <View className='interp-detail__tools'>
          <ReadAloudButton control={readAloud} label='朗读全文' blocks={() => [item.title, ...item.blocks.map(blockSpeechText)]} />
          <Button role='button' className='interp-detail__poster' onClick={() => Taro.navigateTo({ url: routes.poster(item.id) })}>
            生成明白卡海报
          </Button>
        </View>
        {item.validity !== 'valid' ? (
          <View className='interp-detail__stale' role='alert'>
            {staleNotice[item.validity]}
          </View>
        ) : null}
      </View>

      <InterpretationBlocks blocks={item.blocks} reading={readAloud.reading - 1} scale={scale} />

      <RelatedVideos ids={item.videoIds} />

      <View className='interp-detail__links'>
        <View className='interp-detail__link' role='link' onClick={() => Taro.navigateTo({ url: routes.policyDetail(item.policyId) })}>
          <Text>查看政策原文</Text>
          <Text aria-hidden>›</Text>
        </View>
        <View className='interp-detail__link' role='link' onClick={() => Taro.navigateTo({ url: routes.qa() })}>
          <Text>还有疑问？问问智能问答</Text>
          <Text aria-hidden>›</Text>
        </View>
      </View>

      <View className='interp-detail__bar'>
        <Button
          role='button'
          className={`interp-detail__action ${favourite ? 'interp-detail__action--on' : ''}`}
          aria-pressed={favourite}
          onClick={onFavourite}
        >
          {favourite ? '★ 已收藏' : '☆ 收藏'}
        </Button>
        <Button role='button' className='interp-detail__action' openType={isH5 ? undefined : 'share'} onClick={isH5 ? () => copyLink(id) : undefined}>
          分享给朋友
        </Button>
      </View>
    </ThemePage>
  )
}
