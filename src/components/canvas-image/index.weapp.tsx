import { useEffect, useRef } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Canvas2D, CanvasImageProps } from '.'

let seq = 0

/**
 * Weapp: a `canvas type="2d"` kept off screen (an offscreen canvas can't be exported on iOS:
 * canvasToTempFilePath fails there), sized for the device, exported to a temp file.
 */
export function CanvasImage({ width, height, scale, draw, drawKey, onImage }: CanvasImageProps) {
  const id = useRef(`canvas-image-${(seq += 1)}`).current
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
          const s = scale(Taro.getSystemInfoSync().pixelRatio || 2)
          node.width = width * s
          node.height = height * s
          draw(node.getContext('2d') as Canvas2D, s)
          Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
            .then((r) => !cancelled && onImage(r.tempFilePath))
            .catch(() => !cancelled && onImage(undefined))
        })
    })
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawKey stands for what draw() shows; draw, scale and onImage are new closures each render
  }, [drawKey, width, height])
  return <Canvas type='2d' id={id} style={{ position: 'fixed', left: '-10000px', top: '0', width: `${width}px`, height: `${height}px` }} aria-hidden />
}
