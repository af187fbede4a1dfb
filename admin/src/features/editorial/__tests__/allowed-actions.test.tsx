import { render, screen } from '@testing-library/react'
import type { EditorialAction, EditorialStatus, Role } from '@common/contract'
import { EDITORIAL_ACTION_LABELS } from '@common/contract'
import { allowedActions, canEdit } from '../allowed-actions'
import { WorkflowBar } from '../workflow-bar'
import { named, policyItem } from './support'

// antd tables and selects in jsdom on a shared 2-core machine take seconds per step
jest.setTimeout(30_000)

// what each role may do from each status: the workflow of common/contract/admin.ts
// (live: a published version is online while this one is worked on; published items are live)
const TABLE: [EditorialStatus, Role, EditorialAction[], boolean?][] = [
  ['draft', 'editor', ['submit']],
  ['draft', 'reviewer', []],
  ['draft', 'admin', ['submit']],
  ['in_review', 'editor', []],
  ['in_review', 'reviewer', ['approve', 'reject']],
  ['in_review', 'admin', ['approve', 'reject']],
  ['rejected', 'editor', []],
  ['rejected', 'reviewer', []],
  ['approved', 'editor', []],
  ['approved', 'reviewer', ['publish']],
  ['scheduled', 'reviewer', ['withdraw']],
  ['scheduled', 'editor', []],
  ['published', 'reviewer', ['withdraw']],
  ['published', 'admin', ['withdraw']],
  ['published', 'editor', []],
  ['withdrawn', 'reviewer', []],
  ['in_review', 'responder', []],
  ['approved', 'staff', []],
  // while a new version is worked on, the live one can be taken down (撤回) by whoever publishes
  ['draft', 'reviewer', ['withdraw'], true],
  ['draft', 'editor', ['submit'], true],
  ['in_review', 'reviewer', ['approve', 'reject', 'withdraw'], true],
  ['approved', 'admin', ['publish', 'withdraw'], true],
  ['withdrawn', 'reviewer', [], false],
]
const ALL: EditorialAction[] = ['submit', 'approve', 'reject', 'publish', 'withdraw']

describe('the workflow bar shows only the actions the status and the role allow', () => {
  it.each(TABLE)('%s × %s → %p (live: %p)', (status, role, expected, live = status === 'published') => {
    expect(allowedActions(status, role, live)).toEqual(expected)
    render(
      <WorkflowBar
        item={policyItem({ status, live })}
        role={role}
        dirty={false}
        busy={false}
        onAction={jest.fn()}
        onCheck={jest.fn()}
        onVersions={jest.fn()}
      />,
    )
    for (const action of ALL) {
      const button = screen.queryByRole('button', { name: named(EDITORIAL_ACTION_LABELS[action]) })
      if (expected.includes(action)) expect(button).toBeInTheDocument()
      else expect(button).toBeNull()
    }
  })

  it('shows the working and the live version', () => {
    render(
      <WorkflowBar
        item={policyItem({ status: 'draft', live: true, version: 3, publishedVersion: 2 })}
        role='editor'
        dirty={false}
        busy={false}
        onAction={jest.fn()}
        onCheck={jest.fn()}
        onVersions={jest.fn()}
      />,
    )
    expect(screen.getByText(/工作版本 v3 · 线上版本 v2/)).toBeInTheDocument()
    expect(screen.getByText('已发布 · 有新草稿')).toBeInTheDocument()
  })

  it('disables the actions while there are unsaved changes', () => {
    render(
      <WorkflowBar item={policyItem({ status: 'draft' })} role='editor' dirty busy={false} onAction={jest.fn()} onCheck={jest.fn()} onVersions={jest.fn()} />,
    )
    expect(screen.getByRole('button', { name: named('送审') })).toBeDisabled()
  })

  it('leaves the form editable only where a PUT is accepted, and only to editors', () => {
    expect(canEdit('in_review', 'editor')).toBe(false)
    expect(canEdit('scheduled', 'admin')).toBe(false)
    expect(canEdit('published', 'editor')).toBe(true)
    expect(canEdit('draft', 'reviewer')).toBe(false)
    expect(canEdit(undefined, 'editor')).toBe(true)
  })
})
