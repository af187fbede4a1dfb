import { useEffect } from 'react'
import type { CardMakerProps } from './card-maker'
import { CARD_HEIGHT, CARD_WIDTH, drawCard, type Ctx2D } from './draw-card'

/** H5: draws on a canvas that never enters the document and hands out a PNG data URL. */
export function CardMaker({ card, onImage }: CardMakerProps) {
  useEffect(() => {
    const scale = Math.min(3, Math.max(2, window.devicePixelRatio || 1))
    const canvas = document.createElement('canvas')
    canvas.width = CARD_WIDTH * scale
    canvas.height = CARD_HEIGHT * scale
    const ctx = canvas.getContext('2d')
    if (!ctx) return onImage(undefined)
    drawCard(ctx as unknown as Ctx2D, card, scale)
    onImage(canvas.toDataURL('image/png'))
    return undefined
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(card)])
  return null
}
