import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useUnload } from '@tarojs/taro'
import { platformSpeaker, type Speaker } from './speech'

export interface ReadAloud {
  /** false: the platform cannot speak, hide the button */
  supported: boolean
  /** the block being read, or -1 */
  reading: number
  start: (blocks: string[], from?: number) => void
  stop: () => void
  /** why nothing is heard (no voice on this device), shown by the button */
  notice?: string
}

/** 朗读 for a page: stops when the page hides or closes. */
export function useReadAloud(speaker: Speaker | undefined = platformSpeaker()): ReadAloud {
  const [reading, setReading] = useState(-1)
  const [notice, setNotice] = useState<string>()
  const ref = useRef(speaker)
  ref.current = speaker
  const stop = useCallback(() => {
    ref.current?.stop()
    setReading(-1)
  }, [])
  const start = useCallback((blocks: string[], from = 0) => {
    setNotice(undefined)
    ref.current?.speak(blocks, setReading, from, setNotice)
  }, [])
  useDidHide(stop)
  useUnload(stop)
  useEffect(() => () => ref.current?.stop(), [])
  return { supported: Boolean(speaker), reading, start, stop, notice }
}
