/** The short-video feed's rules, apart from the UI so they can be tested on their own. */

/** how many items either side of the current one keep a mounted player */
export const MOUNT_RADIUS = 1

/** Indices that mount a player: the current one and its neighbours (about three in all). */
export function mountedIndices(current: number, count: number, radius = MOUNT_RADIUS): number[] {
  const out: number[] = []
  for (let i = Math.max(0, current - radius); i <= Math.min(count - 1, current + radius); i++) out.push(i)
  return out
}

export type FeedAction = { action: 'pause' | 'play'; index: number }

/**
 * What a swipe does: the video left behind pauses, the new one plays — unless the page is hidden
 * or the user saves data (then nothing starts by itself).
 */
export function onSlideChange(previous: number, next: number, opts: { visible: boolean; autoplay: boolean }): FeedAction[] {
  if (previous === next) return []
  const actions: FeedAction[] = [{ action: 'pause', index: previous }]
  if (opts.visible && opts.autoplay) actions.push({ action: 'play', index: next })
  return actions
}

/** When the page hides, the current video pauses; when it shows again, it resumes if it was playing. */
export function onVisibility(current: number, visible: boolean, wasPlaying: boolean): FeedAction[] {
  if (!visible) return [{ action: 'pause', index: current }]
  return wasPlaying ? [{ action: 'play', index: current }] : []
}
