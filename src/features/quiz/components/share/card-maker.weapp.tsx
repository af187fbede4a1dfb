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
