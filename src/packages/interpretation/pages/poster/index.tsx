import { useMemo, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { mediaUrl, useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getInterpretation } from '@/features/interpretations/api/get-interpretation'
import { posterData } from '@/features/interpretations/components/poster/draw-poster'
import { PosterMaker, printPoster, sharePoster } from '@/features/interpretations/components/poster/poster-maker'
import { saveImage } from '@/utils/save-image'
import { formatDate } from '@/utils/date'
import { routes } from '@/utils/routes'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

/** where the QR code leads: the interpretation in the H5 app (the server serves it) */
function detailUrl(id: string): string {
  const path = routes.interpretationDetail(id)
  return isH5 && typeof window !== 'undefined' ? `${window.location.origin}${path}` : mediaUrl(path)
}

/** 明白卡: a poster of an interpretation for notice boards, to save, print or share. */
export default function PosterPage() {
  const id = useRouter().params.id ?? ''
  const { data: item, error, loading, reload } = useRequest(() => getInterpretation(id), [id])
  const [image, setImage] = useState<string>()
  const [failed, setFailed] = useState(false)
  const poster = useMemo(() => (item ? posterData(item, detailUrl(item.id), formatDate(new Date().toISOString())) : undefined), [item])

  if (loading && !item) return <Skeleton rows={4} />
  if (error || !item || !poster) return <ErrorState message={error?.message ?? '内容不存在或已下线'} onRetry={reload} />

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action()
      void Taro.showToast({ title: done, icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '操作失败，请重试', icon: 'none' })
    }
  }

  return (
    <ThemePage className='poster'>
      <PosterMaker
        poster={poster}
        onImage={(src) => {
          setImage(src)
          setFailed(!src)
        }}
      />
      {image ? (
        <Image
          className='poster__img'
          src={image}
          mode='widthFix'
          nativeProps={{ alt: `政策明白卡：${item.title}` }}
          aria-label={`政策明白卡：${item.title}`}
        />
      ) : failed ? (
        <ErrorState message='海报生成失败，请重试' onRetry={() => setFailed(false)} />
      ) : (
        <Skeleton rows={6} />
      )}
      <Text className='poster__hint'>打印后张贴在村务公开栏，村民扫码即可查看完整图解、听朗读。</Text>
      <View className='poster__actions'>
        <Button
          role='button'
          className='poster__btn poster__btn--primary'
          disabled={!image || undefined}
          onClick={() => image && run(() => saveImage(image, `政策明白卡-${item.id}.png`), isH5 ? '已下载' : '已保存到相册')}
        >
          {isH5 ? '下载图片' : '保存到相册'}
        </Button>
        <Button role='button' className='poster__btn' disabled={!image || undefined} onClick={() => image && printPoster(image)}>
          打印
        </Button>
        <Button
          role='button'
          className='poster__btn'
          disabled={!image || undefined}
          onClick={() =>
            image &&
            void sharePoster(image, item.title).then((shared) => {
              if (!shared) void Taro.setClipboardData({ data: poster.url }).then(() => Taro.showToast({ title: '链接已复制，可粘贴发送', icon: 'none' }))
            })
          }
        >
          分享
        </Button>
      </View>
    </ThemePage>
  )
}
