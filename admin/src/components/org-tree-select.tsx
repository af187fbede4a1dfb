import { TreeSelect } from 'antd'
import { useEffect, useMemo } from 'react'
import type { OrgNode } from '@common/contract'
import { useOrgs } from './org-store'

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}

const toOptions = (nodes: readonly OrgNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.code, title: n.name, ...(n.children?.length ? { children: toOptions(n.children) } : {}) }))

export interface OrgTreeSelectProps {
  value?: string
  onChange?: (code: string | undefined) => void
  placeholder?: string
  allowClear?: boolean
  style?: React.CSSProperties
  id?: string
  'aria-label'?: string
}

/** 台州市 → 县（市、区） → 乡镇（街道）: the organisations this account may act for */
export function OrgTreeSelect({ value, onChange, placeholder = '选择单位', allowClear = true, style, id, ...rest }: OrgTreeSelectProps) {
  const { tree, loading, error, load } = useOrgs()
  useEffect(() => {
    void load()
  }, [load])
  const treeData = useMemo(() => toOptions(tree ?? []), [tree])
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label'] ?? placeholder}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v || undefined)}
      treeData={treeData}
      placeholder={error ? '单位列表加载失败' : placeholder}
      status={error ? 'error' : undefined}
      loading={loading}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp='title'
      treeDefaultExpandedKeys={tree?.map((n) => n.code)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      notFoundContent={loading ? '加载中…' : '没有匹配的单位'}
    />
  )
}
