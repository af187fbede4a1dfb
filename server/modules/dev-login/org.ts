/**
 * The organisation a dev-login account acts for: 台州市 (331000), one of its counties or one of
 * their townships, by region code. Staff accounts of the console carry the same codes.
 */
import type { Region } from '../../../common/contract'
import { badRequest } from '../../errors'

/** 台州市 */
export const CITY_ORG_CODE = '331000'

export const ORG_MESSAGE = '请选择所在单位的地区（台州市、县市区或乡镇街道的行政区划代码）'

/** the code itself when it names the city, a county or a township of the region tree; else 400 */
export function validOrg(code: string, regions: readonly Region[]): string {
  if (code === CITY_ORG_CODE) return code
  for (const county of regions) {
    if (county.code === code) return code
    if ((county.children ?? []).some((township) => township.code === code)) return code
  }
  throw badRequest(ORG_MESSAGE)
}
