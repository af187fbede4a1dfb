/**
 * The lock rule of question banks, as pure functions (issue 15, in line with contest-integrity):
 *
 * - A version used by an upcoming or running campaign is LOCKED: the campaign's attempts draw from
 *   it and its questions are the contest's key, so nothing about them changes while it runs.
 * - A version used only by ended campaigns is FROZEN: their results, reviews and 错题本 read its
 *   questions (copied into the quiz's key under the same ids), so it stays as they were.
 * - Either way an edit is refused (409) unless it asks for a new version: the newest version is
 *   copied under new question ids (copy-on-write), the edit goes to the copy, and later campaigns
 *   can choose it; a campaign keeps the version it was made with.
 * - Only the bank's newest version is edited; older ones are history.
 */
import type { BankLockState, CampaignRef } from '../../../common/contract'

export function lockState(campaigns: readonly CampaignRef[]): BankLockState {
  if (campaigns.some((c) => c.status !== 'ended')) return 'locked'
  return campaigns.length > 0 ? 'frozen' : 'open'
}

export const LOCK_REFUSALS: Record<Exclude<BankLockState, 'open'>, string> = {
  locked: '该题库版本正被未结束的竞赛使用，已锁定，不能直接修改；请“另存为新版本”后修改，新版本可用于之后的竞赛',
  frozen: '该题库版本已被往期竞赛使用，为保留竞赛记录不能直接修改；请“另存为新版本”后修改',
}

export const OLD_VERSION = '只能修改题库的最新版本'
export const OTHER_ORG = '只能管理本单位及下级单位的题库和竞赛'
export const NO_ORG = '该账号未设置所属单位，不能管理题库和竞赛'
