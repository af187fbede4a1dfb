import { useState } from 'react'
import { Button, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { firstScreenBlockCount } from '@common/first-screen-blocks'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTextScale } from '@/features/elder-mode/stores/theme-store'
import { FavouriteButton } from '@/features/favourites/components/favourite-button'
import { embeddedInterpretation, getInterpretation } from '@/features/interpretations/api/get-interpretation'
import { InterpretationBlocks } from '@/features/interpretations/components/blocks/interpretation-blocks'
import { InterpretationHead, InterpretationLinks } from '@/features/interpretations/components/interpretation-head'
import { RelatedVideosLater } from '@/features/interpretations/components/related-videos-later'
import { useDrawnInSteps } from '@/features/interpretations/hooks/use-drawn-in-steps'
import { useReadingPosition } from '@/features/interpretations/hooks/use-reading-position'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import { useReadAloud } from '@/features/read-aloud/use-read-aloud'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

/** H5 has no share sheet: copy the page link instead. */
function copyLink(id: string) {
  const url = typeof window === 'undefined' ? routes.interpretationDetail(id) : `${window.location.origin}${routes.interpretationDetail(id)}`
  void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '链接已复制，可粘贴发送给朋友', icon: 'none' }))
}

export default function InterpretationDetailPage() {
  const id = useRouter().params.id ?? ''
  // H5: the answer the server-drawn first screen came with is drawn by the first render
  // … its first screen's blocks, that is: the rest, below the fold, once that is painted (unless
  // the reader returns to a place further down). Both are decided once, by the first render.
  const [{ given, firstDrawn }] = useState(() => {
    const embedded = embeddedInterpretation(id)
    const handingOver = embedded && !useReadingStore.getState().positions[id]
    return { given: embedded, firstDrawn: handingOver ? firstScreenBlockCount(embedded.blocks) : Infinity }
  })
  const { data: item, error, loading, reload } = useRequest(() => getInterpretation(id), [id], { initial: () => given })
  const drawn = useDrawnInSteps(item?.blocks.length ?? 0, firstDrawn)
  const readAloud = useReadAloud()
  const scale = useTextScale()
  useReadingPosition(item)
  useShareAppMessage(() => ({ title: item?.title ?? '政策解读', path: routes.interpretationDetail(id) }))
  useShareTimeline(() => ({ title: item?.title ?? '政策解读', query: `id=${id}` }))
  // H5: the first screen the server drew goes once this page shows its own
  useDismissFirstScreen(Boolean(item || error))

  if (loading && !item) return <Skeleton rows={4} />
  if (error || !item) return <ErrorState message={error?.message ?? '内容不存在或已下线'} onRetry={reload} />

  return (
    <ThemePage className='interp-detail'>
      <InterpretationHead item={item} readAloud={readAloud} />
      <InterpretationBlocks blocks={item.blocks} drawn={drawn} reading={readAloud.reading - 1} scale={scale} />
      {drawn >= item.blocks.length ? (
        <>
          <RelatedVideosLater ids={item.videoIds} />
          <InterpretationLinks policyId={item.policyId} />
        </>
      ) : null}
      <View className='interp-detail__bar'>
        <FavouriteButton kind='interpretation' id={item.id} className='interp-detail__action' onClassName='interp-detail__action--on' />
        <Button role='button' className='interp-detail__action' openType={isH5 ? undefined : 'share'} onClick={isH5 ? () => copyLink(id) : undefined}>
          分享给朋友
        </Button>
      </View>
    </ThemePage>
  )
}
