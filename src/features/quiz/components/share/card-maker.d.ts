/** Types of the platform files card-maker.h5.tsx and card-maker.weapp.tsx. */
import type { CardData } from './draw-card'

export interface CardMakerProps {
  card: CardData
  /** the image: a data URL on H5, a temp file path on weapp; undefined when drawing failed */
  onImage: (src: string | undefined) => void
}

/** draws the card (on a hidden canvas on weapp, an off-document one on H5) and hands out the image */
export declare function CardMaker(props: CardMakerProps): JSX.Element | null
