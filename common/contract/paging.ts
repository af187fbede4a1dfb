/** one page of a list, and how a client asks for one: every list endpoint pages the same way */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface PageQuery {
  page?: number
  pageSize?: number
}

export const PAGE_SIZE_DEFAULT = 10
export const PAGE_SIZE_MAX = 50
/** the last page any list serves: 10,000 pages is beyond every list here, and OFFSET stays small */
export const PAGE_MAX = 10_000
