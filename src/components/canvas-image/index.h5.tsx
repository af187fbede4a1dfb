import { useEffect } from 'react'
import type { CanvasImageProps } from '.'

/** H5: a canvas that never enters the document, exported as a PNG data URL. */
export function CanvasImage({ width, height, scale, draw, drawKey, onImage }: CanvasImageProps) {
  useEffect(() => {
    const s = scale(window.devicePixelRatio || 1)
    const canvas = document.createElement('canvas')
    canvas.width = width * s
    canvas.height = height * s
    const ctx = canvas.getContext('2d')
    if (!ctx) return onImage(undefined)
    draw(ctx, s)
    onImage(canvas.toDataURL('image/png'))
    return undefined
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawKey stands for what draw() shows; draw, scale and onImage are new closures each render
  }, [drawKey, width, height])
  return null
}
