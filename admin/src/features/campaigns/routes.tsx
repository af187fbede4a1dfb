import type { RouteObject } from 'react-router-dom'
import { EDITORIAL_ROLES } from '@common/contract'
import { RoleGate } from '../../app/require-session'
import { CampaignFormPage } from './campaign-form-page'
import { CampaignListPage } from './campaign-list-page'

const readers = [...new Set([...EDITORIAL_ROLES.edit, ...EDITORIAL_ROLES.approve])]

/** 知识竞赛: list, 新建 and 编辑 (the monitor at /campaigns/:id/monitor belongs to features/campaign-monitor) */
export const campaignRoutes: RouteObject[] = [
  {
    path: 'campaigns',
    element: (
      <RoleGate roles={readers}>
        <CampaignListPage />
      </RoleGate>
    ),
  },
  {
    path: 'campaigns/new',
    element: (
      <RoleGate roles={EDITORIAL_ROLES.edit}>
        <CampaignFormPage key='new' />
      </RoleGate>
    ),
  },
  {
    path: 'campaigns/:id/edit',
    element: (
      <RoleGate roles={readers}>
        <CampaignFormPage />
      </RoleGate>
    ),
  },
]
