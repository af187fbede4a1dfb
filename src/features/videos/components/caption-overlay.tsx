import { View } from '@tarojs/components'
import { cueAt, type Cue } from '../webvtt'
import './caption-overlay.scss'

/** The cue for the playback time, drawn over the video (WeChat's video has no subtitle track). */
export function CaptionOverlay({ cues, time }: { cues: Cue[]; time: number }) {
  const cue = cueAt(cues, time)
  if (!cue) return null
  return (
    <View className='caption-overlay' aria-live='polite'>
      {cue.text.split('\n').map((line, i) => (
        <View key={i} className='caption-overlay__line'>
          {line}
        </View>
      ))}
    </View>
  )
}
