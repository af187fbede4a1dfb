import type { RouteObject } from 'react-router-dom'
import type { EditorialType } from '@common/contract'
import { EDITORIAL_TYPES } from '@common/contract'
import { EditorialEditPage } from './editorial-edit-page'
import { EditorialListPage } from './editorial-list-page'
import { typePath } from './labels'
import { ReviewQueuePage } from './review-queue-page'

const routesOf = (type: EditorialType): RouteObject[] => [
  { path: typePath(type), element: <EditorialListPage key={type} type={type} /> },
  { path: `${typePath(type)}/new`, element: <EditorialEditPage key={`${type}-new`} type={type} /> },
  { path: `${typePath(type)}/:id`, element: <EditorialEditPage key={type} type={type} /> },
]

/** the content pages: a list, 新建 and the editor per type, and 审核队列 (rendered inside the console's layout) */
export const editorialRoutes: RouteObject[] = [...EDITORIAL_TYPES.flatMap(routesOf), { path: '/review', element: <ReviewQueuePage /> }]
