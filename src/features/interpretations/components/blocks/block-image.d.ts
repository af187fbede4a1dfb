/** Types of the platform files block-image.h5.tsx and block-image.weapp.tsx (Taro picks one at build time). */
export interface BlockImageProps {
  src: string
  alt: string
  /** tap: full-screen preview */
  onOpen: () => void
}

export declare function BlockImage(props: BlockImageProps): JSX.Element
