import type { PageRequest } from './store'

export function pageOffset({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize
}
