import { useEffect, useMemo, useRef } from 'react'
import Taro, { useDidHide, useUnload } from '@tarojs/taro'
import { queueProgress } from '../api/courses'
import { createProgressSaver } from '../progress-saver'

/**
 * Where a lesson's video is, saved as it plays (every 10 s, and on pause, end, hide and leave).
 * Offline, the position waits in the outbox (待发送) and goes out on reconnect, even after a restart;
 * nothing is saved for a visitor who is not signed in.
 */
export function useLessonProgress(courseId: string, lessonId: string, lessonTitle: string, signedIn: boolean) {
  const position = useRef(0)
  const saver = useMemo(() => {
    const save = (p: number) => (signedIn ? queueProgress(courseId, lessonId, p, lessonTitle) : Promise.resolve())
    // a position an earlier version kept under its own key joins the outbox once
    const legacy = `zct-progress:${courseId}:${lessonId}`
    const kept = Taro.getStorageSync(legacy)
    if (typeof kept === 'number' && signedIn) void save(kept)
    Taro.removeStorageSync(legacy)
    return createProgressSaver(save, 10000)
  }, [courseId, lessonId, signedIn, lessonTitle])
  useEffect(() => {
    void saver.flush()
  }, [saver])

  useDidHide(() => void saver.flush(position.current))
  useUnload(() => void saver.flush(position.current))

  return {
    /** the video's time as it plays */
    tick: (sec: number) => {
      position.current = sec
      void saver.tick(sec)
    },
    /** paused: save where it stands now */
    pause: () => void saver.flush(position.current),
    /** ended: the whole lesson */
    end: (durationSec: number) => void saver.flush(durationSec),
  }
}
