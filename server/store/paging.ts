import type { Page } from '../../src/contract'
import type { PageRequest } from './store'

export function pageOffset({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize
}

/** one page of an already filtered and ordered list */
export function paginate<T>(all: readonly T[], request: PageRequest): Page<T> {
  const start = pageOffset(request)
  return {
    items: all.slice(start, start + request.pageSize),
    total: all.length,
    page: request.page,
    pageSize: request.pageSize,
  }
}

/** newest first by an ISO date, ties broken by id so pages never overlap */
export function newestFirst<T extends { publishedAt: string; id: string }>(a: T, b: T): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
