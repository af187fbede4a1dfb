/** Types of the platform files index.h5.tsx and index.weapp.tsx (Taro picks one at build time). */
import type { Canvas2D } from './canvas-2d'

export type { Canvas2D } from './canvas-2d'

export interface CanvasImageProps {
  /** CSS px of the picture */
  width: number
  height: number
  /** pixels per CSS px for the device's pixel ratio (e.g. always 2 for print, or the ratio clamped) */
  scale: (devicePixelRatio: number) => number
  /** draws on the 2D context, already sized to width × height × scale; call again when `drawKey` changes */
  draw: (ctx: Canvas2D, scale: number) => void
  /** what the picture shows, as a string: a new key draws it again */
  drawKey: string
  /** a PNG: a data URL on H5, a temp file path on weapp; undefined when drawing failed */
  onImage: (src: string | undefined) => void
}

/** draws a picture off screen (a canvas outside the document on H5, a hidden `canvas type="2d"` on weapp) and hands out the PNG */
export declare function CanvasImage(props: CanvasImageProps): JSX.Element | null
