import { CanvasImage } from '@/components/canvas-image'
import { CARD_HEIGHT, CARD_WIDTH, drawCard, type CardData } from './draw-card'

export interface CardMakerProps {
  card: CardData
  /** the image: a data URL on H5, a temp file path on weapp; undefined when drawing failed */
  onImage: (src: string | undefined) => void
}

/** the device's pixel ratio, at least 2 (sharp when shared) and at most 3 (the file stays small) */
const cardScale = (dpr: number) => Math.min(3, Math.max(2, dpr))

/** draws the result card or certificate off screen and hands out the image */
export function CardMaker({ card, onImage }: CardMakerProps) {
  return (
    <CanvasImage
      width={CARD_WIDTH}
      height={CARD_HEIGHT}
      scale={cardScale}
      draw={(ctx, scale) => drawCard(ctx, card, scale)}
      drawKey={JSON.stringify(card)}
      onImage={onImage}
    />
  )
}
