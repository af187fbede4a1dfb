import { Alert, Drawer, Select, Space, Spin, Tag } from 'antd'
import { useEffect, useState } from 'react'
import type { EditorialType, EditorialVersion } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { DraftDiff } from './draft-diff'
import { draftText } from './draft-text'
import { editorialApi } from './editorial-api'
import { formatTime } from './labels'

const versionLabel = (v: EditorialVersion) => `v${v.version} · ${v.author.name} · ${formatTime(v.createdAt)}${v.live ? ' · 线上' : ''}`

/** 版本记录: every saved version, two of them side by side */
export function VersionsDrawer({ type, id, open, onClose }: { type: EditorialType; id: string; open: boolean; onClose: () => void }) {
  const [versions, setVersions] = useState<EditorialVersion[]>()
  const [error, setError] = useState<string>()
  const [before, setBefore] = useState<number>()
  const [after, setAfter] = useState<number>()

  useEffect(() => {
    if (!open) return
    let alive = true
    setError(undefined)
    editorialApi
      .versions(type, id)
      .then((list) => {
        if (!alive) return
        const sorted = [...list].sort((a, b) => b.version - a.version)
        setVersions(sorted)
        setAfter(sorted[0]?.version)
        setBefore(sorted[1]?.version ?? sorted[0]?.version)
      })
      .catch((e: unknown) => alive && setError(e instanceof ApiRequestError ? e.message : '加载版本记录失败'))
    return () => {
      alive = false
    }
  }, [type, id, open])

  const find = (n?: number) => versions?.find((v) => v.version === n)
  const left = find(before)
  const right = find(after)
  const options = (versions ?? []).map((v) => ({ value: v.version, label: versionLabel(v) }))

  return (
    <Drawer title='版本记录' width='80%' open={open} onClose={onClose} destroyOnHidden>
      {error && <Alert type='error' showIcon message={error} />}
      {!versions && !error && <Spin />}
      {versions && (
        <>
          <Space style={{ marginBottom: 16 }} wrap>
            <span>对比</span>
            <Select aria-label='旧版本' value={before} onChange={setBefore} options={options} style={{ width: 300 }} />
            <span>与</span>
            <Select aria-label='新版本' value={after} onChange={setAfter} options={options} style={{ width: 300 }} />
            {versions.length === 1 && <Tag>只有一个版本</Tag>}
          </Space>
          {left && right && (
            <DraftDiff
              before={draftText(type, left.draft)}
              after={draftText(type, right.draft)}
              beforeTitle={`v${left.version}`}
              afterTitle={`v${right.version}`}
            />
          )}
        </>
      )}
    </Drawer>
  )
}
