import { useEffect, useRef } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PosterMakerProps } from './poster-maker'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterCtx } from './draw-poster'

let seq = 0

/** Weapp: a `canvas type="2d"` kept off screen, drawn at the device pixel ratio, exported to a temp file. */
export function PosterMaker({ poster, onImage }: PosterMakerProps) {
  const id = useRef(`poster-${(seq += 1)}`).current
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
          const dpr = Math.min(2, Taro.getSystemInfoSync().pixelRatio || 2)
          node.width = POSTER_WIDTH * dpr
          node.height = POSTER_HEIGHT * dpr
          drawPoster(node.getContext('2d') as PosterCtx, poster, dpr)
          Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
            .then((r) => !cancelled && onImage(r.tempFilePath))
            .catch(() => !cancelled && onImage(undefined))
        })
    })
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(poster)])
  return (
    <Canvas
      type='2d'
      id={id}
      style={{ position: 'fixed', left: '-10000px', top: '0', width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }}
      aria-hidden
    />
  )
}


export function printPoster(src: string): void {
  void Taro.previewImage({ urls: [src], current: src })
}

export async function sharePoster(src: string): Promise<boolean> {
  await Taro.showShareImageMenu({ path: src })
  return true
}
