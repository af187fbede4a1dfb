import type { BlockImageProps } from './block-image'

/**
 * An interpretation's picture on H5: a plain <img>, full width at its own height — what Taro's
 * Image with mode widthFix does, without its 240 px-high box around the picture. The first picture
 * of a page opened from a link was already drawn by the server (server/h5/first-screen.ts) as this
 * same element, so the page takes over without the picture moving or loading again. Pictures load
 * lazily, as Taro's lazyLoad would.
 */
export function BlockImage({ src, alt, onOpen }: BlockImageProps) {
  return <img className='block__image' src={src} alt={alt} aria-label={`${alt}（点击查看大图）`} loading='lazy' decoding='async' onClick={onOpen} />
}
