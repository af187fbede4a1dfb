import { diffLines, diffWords } from 'diff'
import type { ReactNode } from 'react'

interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added'
  left?: string
  right?: string
}

const splitLines = (value: string) => value.replace(/\n$/, '').split('\n')

/** pairs removed lines with the added lines that follow them, so a changed field sits on one row */
export function diffRows(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = []
  const parts = diffLines(before, after)
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (!part.added && !part.removed) {
      for (const line of splitLines(part.value)) rows.push({ kind: 'same', left: line, right: line })
    } else if (part.removed) {
      const removed = splitLines(part.value)
      const next = parts[i + 1]
      const added = next?.added ? splitLines(next.value) : []
      if (next?.added) i++
      for (let j = 0; j < Math.max(removed.length, added.length); j++) {
        const left = removed[j]
        const right = added[j]
        rows.push({ kind: left !== undefined && right !== undefined ? 'changed' : left !== undefined ? 'removed' : 'added', left, right })
      }
    } else {
      for (const line of splitLines(part.value)) rows.push({ kind: 'added', right: line })
    }
  }
  return rows
}

const REMOVED_BG = '#fff1f0'
const ADDED_BG = '#f6ffed'
const cell = { padding: '2px 8px', verticalAlign: 'top' as const, whiteSpace: 'pre-wrap' as const, wordBreak: 'break-all' as const, width: '50%' }
const marker = { width: 20, padding: '2px 4px', fontFamily: 'monospace', userSelect: 'none' as const, verticalAlign: 'top' as const }

function words(left: string, right: string, side: 'left' | 'right'): ReactNode[] {
  return diffWords(left, right)
    .filter((p) => (side === 'left' ? !p.added : !p.removed))
    .map((p, i) =>
      p.added || p.removed ? (
        <span key={i} style={{ background: p.removed ? '#ffccc7' : '#b7eb8f' }}>
          {p.value}
        </span>
      ) : (
        <span key={i}>{p.value}</span>
      ),
    )
}

/**
 * Two drafts side by side, as text (draft-text.ts): removed lines red with −, added green with +,
 * so the change reads without colour too. Content is text, never HTML.
 */
export function DraftDiff(props: { before: string; after: string; beforeTitle: string; afterTitle: string }) {
  const rows = diffRows(props.before, props.after)
  const changed = rows.filter((r) => r.kind !== 'same').length
  return (
    <div>
      <p>{changed === 0 ? '两个版本内容相同' : `共 ${changed} 处不同`}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13, tableLayout: 'fixed' }} aria-label='版本对比'>
        <colgroup>
          <col style={{ width: 24 }} />
          <col />
          <col style={{ width: 24 }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={2} style={{ textAlign: 'left', padding: 4 }}>
              {props.beforeTitle}
            </th>
            <th colSpan={2} style={{ textAlign: 'left', padding: 4 }}>
              {props.afterTitle}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const leftChanged = row.kind === 'changed' || row.kind === 'removed'
            const rightChanged = row.kind === 'changed' || row.kind === 'added'
            return (
              <tr key={i} data-kind={row.kind}>
                <td style={{ ...marker, background: leftChanged ? REMOVED_BG : undefined }} aria-label={leftChanged ? '删除' : undefined}>
                  {leftChanged ? '−' : ''}
                </td>
                <td style={{ ...cell, background: leftChanged ? REMOVED_BG : undefined }} data-side='before'>
                  {row.kind === 'changed' ? words(row.left ?? '', row.right ?? '', 'left') : row.left}
                </td>
                <td style={{ ...marker, background: rightChanged ? ADDED_BG : undefined }} aria-label={rightChanged ? '新增' : undefined}>
                  {rightChanged ? '+' : ''}
                </td>
                <td style={{ ...cell, background: rightChanged ? ADDED_BG : undefined }} data-side='after'>
                  {row.kind === 'changed' ? words(row.left ?? '', row.right ?? '', 'right') : row.right}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
