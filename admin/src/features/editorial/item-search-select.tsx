import { Select, Spin } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EditorialType } from '@common/contract'
import { EDITORIAL_TYPE_LABELS } from '@common/contract'
import { editorialApi } from './editorial-api'

interface Option {
  value: string
  label: string
}

/** an item (a policy, an interpretation) picked by searching its title (GET /admin/<type>?q=) */
export function ItemSearchSelect(props: {
  type: EditorialType
  value?: string
  onChange?: (id: string | undefined) => void
  disabled?: boolean
  excludeId?: string
  id?: string
}) {
  const [options, setOptions] = useState<Option[]>([])
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)

  const { type, excludeId } = props
  const search = useCallback(
    (q: string) => {
      const mine = ++seq.current
      setLoading(true)
      editorialApi
        .list(type, { q: q || undefined, pageSize: 20 })
        .then((page) => {
          if (mine !== seq.current) return
          setOptions(page.items.filter((p) => p.id !== excludeId).map((p) => ({ value: p.id, label: p.title })))
        })
        .catch(() => mine === seq.current && setOptions([]))
        .finally(() => mine === seq.current && setLoading(false))
    },
    [type, excludeId],
  )

  useEffect(() => {
    // the first page; later searches follow the typing
    search('')
  }, [search])

  const withCurrent = props.value && !options.some((o) => o.value === props.value) ? [{ value: props.value, label: props.value }, ...options] : options
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      value={props.value || undefined}
      onChange={(v) => props.onChange?.(v)}
      disabled={props.disabled}
      filterOption={false}
      onSearch={search}
      options={withCurrent}
      placeholder={`输入标题搜索${EDITORIAL_TYPE_LABELS[props.type]}`}
      notFoundContent={loading ? <Spin size='small' /> : '没有找到'}
      style={{ minWidth: 240 }}
    />
  )
}
