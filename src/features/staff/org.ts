import type { User } from '@common/contract'

/** 仙居县 · 人力社保局, or '' for a user without an organisation */
export function orgLabel(user: Pick<User, 'org'>): string {
  if (!user.org) return ''
  return [user.org.name, user.org.department].filter(Boolean).join(' · ')
}

/** staff: any role but resident */
export const isStaff = (user: Pick<User, 'role'> | undefined): boolean => Boolean(user && user.role !== 'resident')
