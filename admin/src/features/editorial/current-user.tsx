import { createContext, useContext } from 'react'
import type { Org, Role } from '@common/contract'

/** the signed-in staff member as the editorial pages need them; the console's layout provides it */
export interface CurrentUser {
  id: string
  name: string
  role: Role
  org: Org
}

export const CurrentUserContext = createContext<CurrentUser | null>(null)

export function useCurrentUser(): CurrentUser | null {
  return useContext(CurrentUserContext)
}
