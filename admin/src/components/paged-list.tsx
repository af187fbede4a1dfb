import { App, Form, Table } from 'antd'
import type { FormInstance, TableProps } from 'antd'
import { type ReactNode, useCallback, useRef, useState } from 'react'
import type { Page } from '@common/contract'
import { ErrorState, errorMessage } from './error-state'
import { FilterButtons } from './filter-buttons'
import { type RequestState, useRequest } from './use-request'

export const LIST_PAGE_SIZE = 20

type Paged<F> = F & { page: number; pageSize: number }

export interface PagedList<F, D> extends RequestState<D> {
  /** what the user chose in the filter form */
  filters: F
  /** the filters, with `fixed` and the page: what was asked of the server */
  query: Paged<F>
  page: number
  pageSize: number
  setPage: (page: number) => void
  /** new filters: back to the first page */
  applyFilters: (filters: F) => void
}

/**
 * A list the server pages: the filters and page the user chose, the request for them (an older
 * answer is dropped) and its loading and error. `fixed` filters always apply (a queue's status).
 */
export function usePagedList<F extends object, D extends Page<unknown>>(
  load: (query: Paged<F>, signal: AbortSignal) => Promise<D>,
  options: { pageSize?: number; fixed?: Partial<F> } = {},
): PagedList<F, D> {
  const pageSize = options.pageSize ?? LIST_PAGE_SIZE
  const [filters, setFilters] = useState<F>({} as F)
  const [page, setPage] = useState(1)
  const query = { ...filters, ...options.fixed, page, pageSize } as Paged<F>
  // the query serialised: a new object with the same values loads nothing again
  const key = JSON.stringify(query)
  const latest = useRef(load)
  latest.current = load
  const run = useCallback((signal: AbortSignal) => latest.current(JSON.parse(key) as Paged<F>, signal), [key])
  const request = useRequest(run)
  const applyFilters = useCallback((next: F) => {
    setFilters(next)
    setPage(1)
  }, [])
  return { ...request, filters, query, page, pageSize, setPage, applyFilters }
}

/** the filter form above a list: inline fields, 查询 and (unless `reset={false}`) 重置, which clears them */
export function FilterBar<V extends object>({
  form,
  onApply,
  reset = true,
  children,
}: {
  form: FormInstance<V>
  onApply: (values: V) => void
  reset?: boolean
  children: ReactNode
}) {
  return (
    <Form form={form} layout='inline' onFinish={onApply} style={{ marginBottom: 16, rowGap: 8 }}>
      {children}
      <FilterButtons
        reset={reset}
        onReset={() => {
          form.resetFields()
          onApply({} as V)
        }}
      />
    </Form>
  )
}

/**
 * The page of rows, or the error with 重试 when nothing was loaded yet: the server's paging
 * (20 a page), 「共 N 条」 in the list's own unit, its empty text.
 */
export function PagedTable<T extends object, F, D extends Page<T>>({
  list,
  unit = '条',
  emptyText,
  ...table
}: { list: PagedList<F, D>; unit?: string; emptyText: string } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'>) {
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />
  return (
    <Table<T>
      rowKey='id'
      size='middle'
      {...table}
      dataSource={list.data?.items ?? []}
      loading={list.loading}
      locale={{ emptyText }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => `共 ${total} ${unit}`,
        onChange: list.setPage,
      }}
    />
  )
}

/** 导出 CSV: runs the export, says why it failed, and tells the button when it is busy */
export function useExport(run: () => Promise<void>): { exporting: boolean; exportCsv: () => void } {
  const { message } = App.useApp()
  const [exporting, setExporting] = useState(false)
  const exportCsv = () => {
    setExporting(true)
    run()
      .catch((e: unknown) => message.error(errorMessage(e)))
      .finally(() => setExporting(false))
  }
  return { exporting, exportCsv }
}
