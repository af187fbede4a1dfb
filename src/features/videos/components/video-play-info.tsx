import { type ReactNode, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Video as VideoItem } from '@common/contract'
import { Card } from '@/components/card'
import { ShareButton } from '@/components/share-button'
import { formatCount, formatDuration } from '@/utils/format'
import { routes } from '@/utils/routes'
import { transcript, type Cue } from '../webvtt'
import { LikeButton } from './like-button'
import { PLAYER_ID } from './video-stage'
import './video-play.scss'

const RATES = [0.75, 1, 1.25, 1.5]

export interface VideoPlayInfoProps {
  video: VideoItem
  views?: number
  cues?: Cue[]
  captionsError?: string
  showCaptions: boolean
  onToggleCaptions: () => void
  saveData: boolean
  /** the page's own buttons beside 分享 (收藏) */
  actions?: ReactNode
}

/** Below the player: title, speed, 点赞, captions, the transcript, and where the video leads (its interpretation, its policy). */
export function VideoPlayInfo({ video: v, views, cues, captionsError, showCaptions, onToggleCaptions, saveData, actions }: VideoPlayInfoProps) {
  const [rate, setRate] = useState(1)
  const [showTranscript, setShowTranscript] = useState<boolean>()
  const transcriptOpen = showTranscript ?? saveData
  const changeRate = (r: number) => {
    setRate(r)
    // (null on H5 while the player is not on the page)
    ;(Taro.createVideoContext(PLAYER_ID) as Taro.VideoContext | null)?.playbackRate(r)
  }
  return (
    <Card layout='flush' className='video-play__info'>
      <Text className='video-play__title'>{v.title}</Text>
      <Text className='video-play__meta'>
        {formatCount(views ?? v.views)} 次播放 · {formatDuration(v.durationSec)}
      </Text>
      <View className='video-play__controls' role='group' aria-label='倍速'>
        {RATES.map((r) => (
          <Button
            key={r}
            role='button'
            className={`video-play__chip ${rate === r ? 'video-play__chip--on' : ''}`}
            aria-pressed={rate === r}
            onClick={() => changeRate(r)}
          >
            {r}×
          </Button>
        ))}
      </View>
      <View className='video-play__controls'>
        <LikeButton videoId={v.id} likes={v.likes} title={v.title} className='video-play__chip' onClassName='video-play__chip--on' />
        <Button role='button' className='video-play__chip' aria-pressed={showCaptions} onClick={onToggleCaptions}>
          {showCaptions ? '关闭字幕' : '打开字幕'}
        </Button>
        <Button role='button' className='video-play__chip' aria-pressed={transcriptOpen} onClick={() => setShowTranscript(!transcriptOpen)}>
          {transcriptOpen ? '收起文字稿' : '看文字稿'}
        </Button>
      </View>
      {saveData ? (
        <Text className='video-play__saver' role='status'>
          省流量模式：视频不会自动播放，可先看文字稿
        </Text>
      ) : null}
      {transcriptOpen && cues ? <Text className='video-play__transcript'>{transcript(cues)}</Text> : null}
      {captionsError ? <Text className='video-play__meta'>字幕加载失败：{captionsError}</Text> : null}
      {v.interpretationId ? <PlayLink label='看图文解读' url={routes.interpretationDetail(v.interpretationId)} /> : null}
      {v.policy ? <PlayLink label={`相关政策：《${v.policy.title}》`} url={routes.policyDetail(v.policy.id)} /> : null}
      <View className='video-play__share'>
        <ShareButton title={v.title} path={routes.videoPlay(v.id)} />
        {actions}
      </View>
    </Card>
  )
}

function PlayLink({ label, url }: { label: string; url: string }) {
  return (
    <View className='video-play__link' role='link' onClick={() => void Taro.navigateTo({ url })}>
      <Text>{label}</Text>
      <Text aria-hidden>›</Text>
    </View>
  )
}
