import { useEffect, useMemo, useState } from 'react'
import { Select, Spin } from 'antd'
import type { Id } from '@common/contract'
import { type Choice, useLoaded } from './lookups'

interface RemoteSelectProps {
  id?: string
  mode?: 'multiple'
  value: Id[]
  onChange: (ids: Id[]) => void
  /** the choices for what was typed (empty: the newest) */
  search: (q: string, signal: AbortSignal) => Promise<Choice[]>
  /** labels for ids already chosen when the form opens */
  loadChosen: (ids: Id[], signal: AbortSignal) => Promise<Choice[]>
  placeholder: string
  disabled?: boolean
  status?: 'error'
  'aria-label': string
}

/** a Select whose options come from the server as the editor types */
export function RemoteSelect({ mode, value, onChange, search, loadChosen, placeholder, disabled, status, id, 'aria-label': ariaLabel }: RemoteSelectProps) {
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300)
    return () => clearTimeout(timer)
  }, [typed])
  const found = useLoaded((signal) => search(q, signal), [q])
  const [known, setKnown] = useState<Record<Id, string>>({})
  const unknown = value.filter((v) => !(v in known) && !found.items.some((c) => c.value === v))
  const chosen = useLoaded((signal) => (unknown.length ? loadChosen(unknown, signal) : Promise.resolve([])), [unknown.join('|')])
  useEffect(() => {
    if (chosen.items.length) setKnown((k) => ({ ...k, ...Object.fromEntries(chosen.items.map((c) => [c.value, c.label])) }))
  }, [chosen.items])

  const options = useMemo(() => {
    const byId = new Map<Id, string>(Object.entries(known))
    for (const c of found.items) byId.set(c.value, c.label)
    // the chosen stay listed (with their labels) whatever was typed
    const ids = [...new Set([...value, ...found.items.map((c) => c.value)])]
    return ids.map((v) => ({ value: v, label: byId.get(v) ?? v }))
  }, [found.items, known, value])

  const remember = (ids: Id[]) => {
    const labels = Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label]))
    setKnown((k) => ({ ...k, ...labels }))
  }
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      mode={mode}
      showSearch
      allowClear
      filterOption={false}
      value={mode ? value : value[0]}
      options={options}
      placeholder={placeholder}
      disabled={disabled}
      status={status}
      searchValue={typed}
      onSearch={setTyped}
      notFoundContent={found.loading ? <Spin size='small' /> : '没有找到，请换个关键词'}
      onChange={(next: Id | Id[] | undefined) => {
        const ids = next === undefined ? [] : Array.isArray(next) ? next : [next]
        remember(ids)
        onChange(ids)
        if (!mode) setTyped('')
      }}
      onBlur={() => setTyped('')}
    />
  )
}
