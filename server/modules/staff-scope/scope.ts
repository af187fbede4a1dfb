/**
 * Organisation scope on staff data (分级维护, beyond accounts and audit): a responder, dispatcher
 * or admin sees and acts on consultations and lecture orders whose region their organisation
 * covers (`orgCovers`: the city everything, a county its townships and villages, a township its
 * villages). A record outside is answered exactly as an unknown id (404); a staff account without
 * an organisation sees nothing (403).
 */
import type { User } from '../../../common/contract'
import { forbidden } from '../../errors'
import { isOrgCode, orgCovers, orgPrefixPattern } from '../auth/org-scope'

export const NO_ORG_MESSAGE = '该账号未设置所属单位，不能查看或处理本单位的数据'

/** the caller's organisation code, or undefined when they have no valid one */
export function orgCodeOf(user: User): string | undefined {
  const code = user.org?.code
  return code && isOrgCode(code) ? code : undefined
}

/** the caller's organisation for a scoped list; 403 without one */
export function requireOrg(user: User): string {
  const code = orgCodeOf(user)
  if (!code) throw forbidden(NO_ORG_MESSAGE)
  return code
}

/** whether the caller's organisation covers a record of this region (false without an organisation) */
export function covers(user: User, regionCode: string): boolean {
  const code = orgCodeOf(user)
  return code !== undefined && orgCovers(code, regionCode)
}

/** the LIKE pattern of the region codes a list for this organisation may show */
export const regionPattern = (orgCode: string): string => orgPrefixPattern(orgCode)
