import { Button } from '@tarojs/components'
import type { FavouriteKind } from '@common/contract'
import { useFavourite } from '../use-favourite'
import './favourite-button.scss'

export interface FavouriteButtonProps {
  kind: FavouriteKind
  id: string
  /** the page's own button class (default: an outlined button beside 分享), and the one added while it is a favourite */
  className?: string
  onClassName?: string
}

/** ☆ 收藏 / ★ 已收藏: the one 收藏 toggle of policies, interpretations and videos */
export function FavouriteButton({ kind, id, className = 'fav-button', onClassName = 'fav-button--on' }: FavouriteButtonProps) {
  const { favourited, busy, toggle } = useFavourite(kind, id)
  return (
    <Button
      role='button'
      className={`${className} ${favourited && onClassName ? onClassName : ''}`}
      aria-pressed={favourited}
      disabled={busy || undefined}
      onClick={() => void toggle()}
    >
      {favourited ? '★ 已收藏' : '☆ 收藏'}
    </Button>
  )
}
