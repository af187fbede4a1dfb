/** The rules of 短视频 and 网络课堂 engagement: when a view counts, when a lesson is complete. */

/** a replay within this time is not another view */
export const VIEW_REPLAY_WINDOW_MS = 30 * 60 * 1000

/** a lesson watched to this share of its length is complete */
export const COMPLETE_SHARE = 0.9

export function progressOf(durationSec: number, positionSec: number, wasCompleted: boolean): { positionSec: number; completed: boolean } {
  const position = Math.min(Math.max(0, positionSec), durationSec)
  return { positionSec: Math.round(position * 10) / 10, completed: wasCompleted || position >= COMPLETE_SHARE * durationSec }
}
