import { Image } from '@tarojs/components'
import type { BlockImageProps } from './block-image'

/** an interpretation's picture: full width, its own height, lazily loaded; tap to preview */
export function BlockImage({ src, alt, onOpen }: BlockImageProps) {
  return <Image className='block__image' src={src} mode='widthFix' lazyLoad aria-label={`${alt}（点击查看大图）`} onClick={onOpen} />
}
