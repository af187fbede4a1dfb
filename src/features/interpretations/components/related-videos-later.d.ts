/** Types of the platform files related-videos-later.h5.tsx and .weapp.tsx (Taro picks one at build time). */
export interface RelatedVideosProps {
  /** the interpretation's videos */
  ids: string[]
}

export declare function RelatedVideosLater(props: RelatedVideosProps): JSX.Element
