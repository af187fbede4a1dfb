import { useEffect, useMemo, useRef, useState } from 'react'
import { Text, Video, View } from '@tarojs/components'
import Taro, { useDidHide, useRouter, useUnload } from '@tarojs/taro'
import { mediaUrl, useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getCourse, queueProgress } from '@/features/courses/api/courses'
import { createProgressSaver } from '@/features/courses/progress-saver'
import { getCaptions } from '@/features/videos/api/get-video'
import { CaptionOverlay } from '@/features/videos/components/caption-overlay'
import { formatDuration } from '@/utils/format'
import '../course.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** A lesson: resumes where the user left off and saves the position as it plays. */
export default function LessonPage() {
  const { course: courseId = '', lesson: lessonId = '' } = useRouter().params
  const course = useRequest(() => getCourse(courseId), [courseId])
  const signedIn = Boolean(useSessionStore((s) => s.token))
  const lesson = course.data?.lessons.find((l) => l.id === lessonId)
  const captions = useRequest(async () => (lesson ? getCaptions(lesson.captions) : []), [lesson?.captions])
  const [time, setTime] = useState(0)
  const position = useRef(0)
  const lessonTitle = lesson?.title ?? '网络课堂'
  const saver = useMemo(() => {
    // offline, the position waits in the outbox (待发送) and goes out on reconnect, even after a restart
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

  if (course.loading && !course.data) return <Skeleton rows={2} />
  if (course.error || !lesson) return <ErrorState message={course.error?.message ?? '找不到该课时'} onRetry={course.reload} />
  const resumeAt = course.data?.progress.find((p) => p.lessonId === lessonId && !p.completed)?.positionSec ?? 0

  return (
    <ThemePage>
      <View className='lesson__frame'>
        <Video
          id='zct-lesson'
          className='lesson__video'
          src={mediaUrl(lesson.src)}
          poster={mediaUrl(lesson.poster)}
          initialTime={resumeAt}
          controls
          objectFit='contain'
          title={lesson.title}
          onTimeUpdate={(e) => {
            position.current = e.detail.currentTime
            setTime(e.detail.currentTime)
            void saver.tick(e.detail.currentTime)
          }}
          onPause={() => void saver.flush(position.current)}
          onEnded={() => void saver.flush(lesson.durationSec)}
        />
        {captions.data ? <CaptionOverlay cues={captions.data} time={time} /> : null}
      </View>
      <View className='course-detail__head'>
        <View className='course-detail__title' role='heading' aria-level={1}>
          {lesson.title}
        </View>
        <Text className='course-card__meta'>
          {course.data?.title} · {formatDuration(lesson.durationSec)}
        </Text>
        {resumeAt > 0 ? <Text className='course-detail__progress'>已从上次的 {formatDuration(resumeAt)} 处继续播放</Text> : null}
        {signedIn ? null : (
          <Text className='course-card__meta' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
            登录后可记录学习进度 ›
          </Text>
        )}
      </View>
    </ThemePage>
  )
}
