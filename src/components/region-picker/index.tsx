import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { api, useRequest } from '@/api'
import type { RegionEntry, RegionLevel } from '@common/contract'
import './index.scss'

export interface RegionPickerProps {
  /** a county, township or village code, or '' */
  value: string
  onChange: (code: string, region?: RegionEntry) => void
  /** the levels that can be chosen (the drill-down goes on below them while there is a level left) */
  levels?: RegionLevel[]
  /** the deepest level offered: 'township' stops the drill-down there */
  deepest?: RegionLevel
  label?: string
  placeholder?: string
  /** an optional field offers 不选 */
  optional?: boolean
  /** always open, without 收起 (a page whose whole point is picking a place) */
  inline?: boolean
}

const DEPTH: Record<RegionLevel, number> = { county: 0, township: 1, village: 2 }
const PROMPT = ['请选择县（市、区）', '请选择乡镇（街道）', '请选择村（社区）']

/** the entries of a region's ancestors, each with its own ancestors (for 返回上一级 and 就选) */
const trail = (r: RegionEntry): RegionEntry[] => r.ancestors.map((a, i) => ({ ...a, ancestors: r.ancestors.slice(0, i), childCount: 1 }))

const pathOf = (r: Pick<RegionEntry, 'name' | 'ancestors'>) => [...r.ancestors.map((a) => a.name), r.name].join(' · ')

/** the typed words, asked for after a short pause (each keystroke is not a request) */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

/**
 * One place picker for the whole app: type a name (「安洲」) and pick it from the matches, or go down
 * 县市区 → 乡镇街道 → 村社区 one level at a time. Each level and each search is one small request; the
 * weapp never loads the 3,429 villages at once.
 */
export function RegionPicker({
  value,
  onChange,
  levels = ['county', 'township', 'village'],
  deepest = 'village',
  label = '所在地区',
  placeholder = '请选择所在地区',
  optional,
  inline,
}: RegionPickerProps) {
  const [expanded, setOpen] = useState(false)
  const open = inline || expanded
  const [path, setPath] = useState<RegionEntry[]>([])
  const [text, setText] = useState('')
  const q = useDebounced(text.trim(), 250)
  const current = useRequest(() => (value ? api.call('GET /regions/:code', { params: { code: value } }) : Promise.resolve(undefined)), [value])
  const parent = path[path.length - 1]
  const children = useRequest(
    () => (open && !q ? api.call('GET /regions/children', { query: parent ? { parent: parent.code } : {} }) : Promise.resolve([])),
    [open, q, parent?.code],
  )
  const hits = useRequest(() => (open && q ? api.call('GET /regions/search', { query: { q, limit: 20 } }) : Promise.resolve([])), [open, q])

  const selectable = (r: RegionEntry) => levels.includes(r.level)
  const canGoDown = (r: RegionEntry) => r.childCount > 0 && DEPTH[r.level] < DEPTH[deepest]
  const choose = (r: RegionEntry) => {
    onChange(r.code, r)
    setOpen(false)
    setText('')
  }
  const enter = (r: RegionEntry) => {
    if (canGoDown(r)) {
      setPath([...trail(r), r])
      setText('')
    } else if (selectable(r)) choose(r)
  }
  const openPicker = () => {
    const c = current.data
    // open where the current choice is: its parent's list
    setPath(c ? trail(c) : [])
    setOpen(true)
  }

  const shown = value ? (current.data ? pathOf(current.data) : '') : ''
  if (!open) {
    return (
      // its own key, as the panel has: were the panel's element reused for the field, the tap that
      // closes the panel would bubble on to the field's onClick and open it again (Taro H5)
      <View
        key='field'
        className='region-picker form-field'
        role='button'
        aria-label={`${label}：${shown || placeholder}`}
        onClick={openPicker}
        data-testid='region-picker'
      >
        <Text className={shown ? 'region-picker__value' : 'region-picker__placeholder'}>{shown || placeholder}</Text>
        <Text aria-hidden>▾</Text>
      </View>
    )
  }

  const list = q ? hits : children
  const level = path.length
  return (
    <View key='panel' className='region-picker__panel' role='group' aria-label={`选择${label}`}>
      <View className='region-picker__search'>
        <Input
          className='region-picker__input'
          value={text}
          placeholder='输入乡镇街道或村名，如：安洲'
          aria-label='搜索地区'
          focus
          onInput={(e) => setText(e.detail.value ?? '')}
        />
        {inline ? null : (
          <View className='region-picker__close' role='button' onClick={() => setOpen(false)}>
            收起
          </View>
        )}
      </View>
      {q ? null : (
        <View className='region-picker__crumbs'>
          <Text className='region-picker__where'>{path.length ? path.map((r) => r.name).join(' · ') : '台州市'}</Text>
          {path.length ? (
            <View className='region-picker__back' role='button' onClick={() => setPath(path.slice(0, -1))}>
              返回上一级
            </View>
          ) : null}
        </View>
      )}
      {!q && parent && selectable(parent) ? (
        <View className='region-picker__here' role='button' onClick={() => choose(parent)}>
          就选「{parent.name}」
        </View>
      ) : null}
      {!q && !parent && optional && value ? (
        <View
          className='region-picker__here'
          role='button'
          onClick={() => {
            onChange('')
            setOpen(false)
          }}
        >
          不选地区
        </View>
      ) : null}
      {q ? null : <Text className='region-picker__prompt'>{PROMPT[level] ?? ''}</Text>}
      {list.loading && !list.data ? <Text className='region-picker__note'>正在加载…</Text> : null}
      {list.error && !list.data ? (
        <View className='region-picker__note' role='button' onClick={list.reload}>
          加载失败，点此重试
        </View>
      ) : null}
      {q && hits.data && hits.data.length === 0 ? <Text className='region-picker__note'>没有找到「{q}」，换个字试试，或逐级选择</Text> : null}
      <View className={`region-picker__list ${q ? 'region-picker__list--hits' : ''}`} role='list'>
        {(list.data ?? []).map((r) => (
          <View
            key={r.code}
            className='region-picker__item'
            role='button'
            aria-label={q ? pathOf(r) : r.name}
            onClick={() => (q && selectable(r) ? choose(r) : enter(r))}
          >
            <Text className='region-picker__name'>{r.name}</Text>
            {q && r.ancestors.length ? <Text className='region-picker__path'>{r.ancestors.map((a) => a.name).join(' · ')}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  )
}
