import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { FavouriteList } from '@/features/favourites/components/favourite-list'

/** 我的收藏: policies, interpretations and videos the resident kept, on their account. */
export default function FavouritesPage() {
  return (
    <ThemePage>
      <FavouriteList />
    </ThemePage>
  )
}
