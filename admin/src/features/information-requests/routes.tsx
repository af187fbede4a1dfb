import type { RouteObject } from 'react-router-dom'
import { RoleGate } from '../../app/require-session'
import { BoardPage } from './board-page'
import { ReportPage } from './report-page'
import { FOIA_LEGAL, FOIA_READERS } from './roles'

export const informationRequestRoutes: RouteObject[] = [
  {
    path: 'information-requests',
    element: (
      <RoleGate roles={FOIA_READERS}>
        <BoardPage />
      </RoleGate>
    ),
  },
  {
    path: 'information-review',
    element: (
      <RoleGate roles={FOIA_LEGAL}>
        <BoardPage review />
      </RoleGate>
    ),
  },
  {
    path: 'information-report',
    element: (
      <RoleGate roles={FOIA_READERS}>
        <ReportPage />
      </RoleGate>
    ),
  },
]
