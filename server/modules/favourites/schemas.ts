import { Type } from '@sinclair/typebox'
import { FAVOURITE_KINDS, FAVOURITES_PAGE_SIZE_MAX } from '../../../common/contract'
import { PAGE_MAX, StringEnum } from '../../schemas/common'

export const FavouriteKind = StringEnum(FAVOURITE_KINDS as readonly ['policy', 'interpretation', 'video'])

export const FavouriteParams = Type.Object({
  kind: FavouriteKind,
  id: Type.String({ minLength: 1, maxLength: 64 }),
})

export const FavouriteQuery = Type.Object({
  kind: Type.Optional(FavouriteKind),
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: FAVOURITES_PAGE_SIZE_MAX, default: 20 }),
})

export const FavouriteItem = Type.Object({
  kind: FavouriteKind,
  id: Type.String(),
  createdAt: Type.String(),
  available: Type.Boolean(),
  title: Type.String(),
  summary: Type.String(),
  cover: Type.Optional(Type.String()),
})

export const FavouritePage = Type.Object({
  items: Type.Array(FavouriteItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})

export const FavouriteState = Type.Object({ favourited: Type.Boolean() })

/** what the routes' validation says in Chinese */
export const FAVOURITE_VALIDATION = {
  kind: '收藏类型只能是政策、解读或视频',
  id: '请指定要收藏的内容',
  // page and pageSize: the sentences every paged list says (server/validation-message.ts)
}
