/** a page of a list as a repository is asked for it (page from 1) */
export interface PageRequest {
  page: number
  pageSize: number
}

export function pageOffset({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize
}
