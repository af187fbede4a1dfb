import Taro from '@tarojs/taro'

export type VideoAction = 'play' | 'pause'

/**
 * Plays or pauses the player with this id, if it is on the page. On H5 Taro's
 * `createVideoContext` is a query for the `taro-video-core` element and returns null when the
 * player is not mounted (yet, or any more): the 刷视频 feed mounts only the players near the
 * current card, so an action on any other card threw `Cannot read properties of null (reading
 * 'play')` and left the video paused. The element's methods are async and `play()` rejects when
 * the browser refuses to start; neither is an error worth more than the paused video it leaves.
 * Returns whether a player was found.
 */
export function controlVideo(id: string, action: VideoAction): boolean {
  let ctx: Taro.VideoContext | null | undefined
  try {
    ctx = Taro.createVideoContext(id)
  } catch {
    return false // no page mounted yet (H5 throws instead of returning null)
  }
  if (!ctx) return false
  const player = ctx
  Promise.resolve()
    .then(() => (action === 'play' ? player.play() : player.pause()))
    .catch(() => undefined)
  return true
}
