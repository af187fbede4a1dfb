import { Select, Spin } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { EDITORIAL_STATUS_LABELS } from '@common/contract'
import { qaGapsApi } from './qa-gaps-api'

interface Option {
  value: string
  label: string
}

/** a 简明问答 picked by searching its question (GET /admin/faqs?q=), with its status beside it */
export function FaqSearchSelect(props: { value?: string; onChange?: (id: string | undefined) => void; id?: string }) {
  const [options, setOptions] = useState<Option[]>([])
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)

  const search = useCallback((q: string) => {
    const mine = ++seq.current
    setLoading(true)
    qaGapsApi
      .searchFaqs(q.trim())
      .then((page) => {
        if (mine === seq.current) setOptions(page.items.map((f) => ({ value: f.id, label: `${f.title}（${EDITORIAL_STATUS_LABELS[f.status]}）` })))
      })
      .catch(() => mine === seq.current && setOptions([]))
      .finally(() => mine === seq.current && setLoading(false))
  }, [])

  useEffect(() => search(''), [search])

  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      filterOption={false}
      onSearch={search}
      options={options}
      placeholder='输入问题搜索简明问答'
      notFoundContent={loading ? <Spin size='small' /> : '没有找到'}
      style={{ width: '100%' }}
    />
  )
}
