/** Types of the platform files poster-maker.h5.tsx and poster-maker.weapp.tsx. */
import type { PosterData } from './draw-poster'

export interface PosterMakerProps {
  poster: PosterData
  /** the image: a PNG data URL on H5, a temp file path on weapp; undefined when drawing failed */
  onImage: (src: string | undefined) => void
}

export declare function PosterMaker(props: PosterMakerProps): JSX.Element | null

/** H5: prints the poster alone; weapp: opens the image, whose menu can send it to a printer app */
export declare function printPoster(src: string): void

/** weapp: WeChat's share-image menu; H5: the system share sheet with the PNG where the browser has one, else false */
export declare function sharePoster(src: string, title: string): Promise<boolean>
