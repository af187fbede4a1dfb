/** 竞赛规则 in plain words: every rule the server enforces, as the campaign page and its server-drawn first screen say it. */
import type { Campaign } from '../contract'
import { minutesAndSeconds } from '../durations'

/** the rows (name, wording) of a campaign's rules; dates and places are said by the caller (its clock, its region names) */
export function campaignRuleRows(c: Campaign, say: { dateTime: (iso: string) => string; regionNames: (codes: string[]) => string }): [string, string][] {
  const r = c.rules
  const rows: [string, string][] = [
    ['活动时间', `${say.dateTime(c.startsAt)} 至 ${say.dateTime(c.endsAt)}`],
    [
      '每次答题',
      `${r.questionsPerAttempt} 道题（单选、多选、判断），每题 ${r.secondsPerQuestion} 秒，共 ${minutesAndSeconds(r.questionsPerAttempt * r.secondsPerQuestion)}`,
    ],
    ['每日次数', `每天最多 ${r.attemptsPerDay} 次（按北京时间计）`],
    ['计分规则', `满分 100 分，${r.scoreCounts === 'best' ? '取最好一次成绩' : '以最近一次成绩为准'}；同分用时少者在前，再同则先交卷者在前`],
    ['参与范围', say.regionNames(r.eligibleRegions)],
  ]
  if (r.prizes) rows.push(['奖励', r.prizes])
  if (r.certificate) rows.push(['证书', '完成答题即可生成参与证书图片'])
  return rows
}
