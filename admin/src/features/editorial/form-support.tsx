import { Select, TreeSelect } from 'antd'
import type { FormInstance } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import type { FieldErrors, OrgNode, Topic } from '@common/contract'
import { editorialApi } from './editorial-api'

/** 'draft.sections[0].heading' → ['sections', 0, 'heading'] (the form's name path) */
export function fieldPath(serverKey: string): (string | number)[] {
  const path: (string | number)[] = []
  for (const part of serverKey.replace(/^draft\.?/, '').split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part)
    if (!match) {
      path.push(part)
      continue
    }
    if (match[1]) path.push(match[1])
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]))
  }
  return path
}

/** shows the server's per-field errors on the matching form fields (editing the field clears it) */
export function useServerFieldErrors(form: FormInstance, fieldErrors: FieldErrors | undefined) {
  useEffect(() => {
    if (!fieldErrors) return
    const fields = Object.entries(fieldErrors)
      .filter(([key]) => key.startsWith('draft.'))
      .map(([key, message]) => ({ name: fieldPath(key), errors: [message] }))
    if (fields.length) form.setFields(fields)
  }, [form, fieldErrors])
}

/** a Form.Item holding a YYYY-MM-DD string behind a DatePicker */
export const dateItem = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
}

export function useTopics(): Topic[] {
  const [topics, setTopics] = useState<Topic[]>([])
  useEffect(() => {
    let alive = true
    editorialApi
      .topics()
      .then((t) => alive && setTopics(t))
      .catch(() => alive && setTopics([]))
    return () => {
      alive = false
    }
  }, [])
  return topics
}

export function TopicSelect(props: {
  value?: string
  onChange?: (v: string | undefined) => void
  disabled?: boolean
  allowClear?: boolean
  id?: string
  /** its name where no Form.Item label points at it (a filter bar) */
  'aria-label'?: string
}) {
  const topics = useTopics()
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      allowClear={props.allowClear}
      placeholder='选择主题'
      options={topics.map((t) => ({ value: t.id, label: t.name }))}
      style={{ minWidth: 140 }}
    />
  )
}

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}
const toTree = (nodes: OrgNode[]): TreeOption[] => nodes.map((n) => ({ value: n.code, title: n.name, children: n.children ? toTree(n.children) : undefined }))

/**
 * An organisation picked from GET /admin/orgs (the account's own and below). The console's
 * shared OrgTreeSelect can replace it; without the tree (an error) a code can still be typed.
 */
export function OrgSelect(props: {
  value?: string
  onChange?: (v: string | undefined) => void
  disabled?: boolean
  placeholder?: string
  id?: string
  /** its name where no Form.Item label points at it (a filter bar) */
  'aria-label'?: string
}) {
  const [tree, setTree] = useState<TreeOption[] | undefined>()
  useEffect(() => {
    let alive = true
    editorialApi
      .orgs()
      .then((nodes) => alive && setTree(toTree(nodes)))
      .catch(() => alive && setTree([]))
    return () => {
      alive = false
    }
  }, [])
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      disabled={props.disabled}
      treeData={tree ?? []}
      loading={!tree}
      allowClear
      showSearch
      treeNodeFilterProp='title'
      treeDefaultExpandAll
      placeholder={props.placeholder ?? '选择单位'}
      style={{ minWidth: 180 }}
      notFoundContent='暂无单位'
    />
  )
}
