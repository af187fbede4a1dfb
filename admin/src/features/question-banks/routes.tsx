import type { RouteObject } from 'react-router-dom'
import { EDITORIAL_ROLES } from '@common/contract'
import { RoleGate } from '../../app/require-session'
import { BankDetailPage } from './bank-detail-page'
import { BankListPage } from './bank-list-page'

const readers = [...new Set([...EDITORIAL_ROLES.edit, ...EDITORIAL_ROLES.approve])]

/** 竞赛题库: the list and one bank (inside the console's layout) */
export const questionBankRoutes: RouteObject[] = [
  {
    path: 'question-banks',
    element: (
      <RoleGate roles={readers}>
        <BankListPage />
      </RoleGate>
    ),
  },
  {
    path: 'question-banks/:id',
    element: (
      <RoleGate roles={readers}>
        <BankDetailPage />
      </RoleGate>
    ),
  },
]
