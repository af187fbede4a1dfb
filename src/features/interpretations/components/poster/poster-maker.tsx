import { CanvasImage } from '@/components/canvas-image'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterData } from './draw-poster'

export { printPoster, sharePoster } from './poster-output'

export interface PosterMakerProps {
  poster: PosterData
  /** the image: a PNG data URL on H5, a temp file path on weapp; undefined when drawing failed */
  onImage: (src: string | undefined) => void
}

/** 2× whatever the screen: the poster is also printed (on weapp at most the device's ratio, to spare memory) */
const posterScale = (dpr: number) => (process.env.TARO_ENV === 'weapp' ? Math.min(2, dpr) : 2)

/** draws the 明白卡 poster off screen and hands out the image */
export function PosterMaker({ poster, onImage }: PosterMakerProps) {
  return (
    <CanvasImage
      width={POSTER_WIDTH}
      height={POSTER_HEIGHT}
      scale={posterScale}
      draw={(ctx, scale) => drawPoster(ctx, poster, scale)}
      drawKey={JSON.stringify(poster)}
      onImage={onImage}
    />
  )
}
