import type { RouteObject } from 'react-router-dom'
import type { Role } from '@common/contract'
import { RoleGate } from '../../app/require-session'
import { FiguresPage } from './figures-page'
import { InboxPage } from './inbox-page'

export const DESK_READERS: readonly Role[] = ['responder', 'reviewer', 'admin']
export const DESK_REVIEWERS: readonly Role[] = ['reviewer', 'admin']

export const consultationRoutes: RouteObject[] = [
  {
    path: 'consultations',
    element: (
      <RoleGate roles={DESK_READERS}>
        <InboxPage />
      </RoleGate>
    ),
  },
  {
    path: 'consultation-review',
    element: (
      <RoleGate roles={DESK_REVIEWERS}>
        <InboxPage review />
      </RoleGate>
    ),
  },
  {
    path: 'consultation-figures',
    element: (
      <RoleGate roles={DESK_READERS}>
        <FiguresPage />
      </RoleGate>
    ),
  },
]
