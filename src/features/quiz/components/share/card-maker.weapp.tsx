import { useEffect, useRef } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CardMakerProps } from './card-maker'
import { CARD_HEIGHT, CARD_WIDTH, drawCard, type Ctx2D } from './draw-card'

let seq = 0

/**
 * Weapp: a `canvas type="2d"` kept off screen (an offscreen canvas can't be exported on iOS:
 * canvasToTempFilePath fails there), drawn at the device pixel ratio, exported to a temp file.
 */
export function CardMaker({ card, onImage }: CardMakerProps) {
  const id = useRef(`share-card-${(seq += 1)}`).current
  useEffect(() => {
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => {
          const node = res?.[0]?.node as { width: number; height: number; getContext: (t: '2d') => unknown } | undefined
          if (cancelled) return
          if (!node) return onImage(undefined)
          const dpr = Taro.getSystemInfoSync().pixelRatio || 2
          node.width = CARD_WIDTH * dpr
          node.height = CARD_HEIGHT * dpr
          drawCard(node.getContext('2d') as Ctx2D, card, dpr)
          Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
            .then((r) => !cancelled && onImage(r.tempFilePath))
            .catch(() => !cancelled && onImage(undefined))
        })
    })
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(card)])
  return (
    <Canvas
      type='2d'
      id={id}
      style={{ position: 'fixed', left: '-10000px', top: '0', width: `${CARD_WIDTH}px`, height: `${CARD_HEIGHT}px` }}
      aria-hidden
    />
  )
}

/** saves to the album; when the user once refused, opens the settings so they can allow it */
export async function saveCardImage(src: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src })
  } catch (e) {
    const msg = (e as { errMsg?: string }).errMsg ?? ''
    if (/auth deny|authorize/.test(msg)) {
      const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许保存到相册', confirmText: '去设置' })
      if (confirm) await Taro.openSetting()
      throw new Error('未获得相册权限')
    }
    throw e
  }
}
