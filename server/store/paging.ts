import type { PageRequest } from '../db/paging'

export function pageOffset({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize
}
