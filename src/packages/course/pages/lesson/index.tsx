import { useState } from 'react'
import { Video, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { mediaUrl, useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getCourse } from '@/features/courses/api/courses'
import { LessonHead } from '@/features/courses/components/course-parts'
import { useLessonProgress } from '@/features/courses/hooks/use-lesson-progress'
import { getCaptions } from '@/features/videos/api/get-video'
import { CaptionOverlay } from '@/features/videos/components/caption-overlay'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** A lesson: resumes where the user left off and saves the position as it plays. */
export default function LessonPage() {
  const { course: courseId = '', lesson: lessonId = '' } = useRouter().params
  const course = useRequest(() => getCourse(courseId), [courseId])
  const signedIn = Boolean(useSessionStore((s) => s.token))
  const lesson = course.data?.lessons.find((l) => l.id === lessonId)
  const captions = useRequest(async () => (lesson ? getCaptions(lesson.captions) : []), [lesson?.captions])
  const [time, setTime] = useState(0)
  const progress = useLessonProgress(courseId, lessonId, lesson?.title ?? '网络课堂', signedIn)

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
            setTime(e.detail.currentTime)
            progress.tick(e.detail.currentTime)
          }}
          onPause={progress.pause}
          onEnded={() => progress.end(lesson.durationSec)}
        />
        {captions.data ? <CaptionOverlay cues={captions.data} time={time} /> : null}
      </View>
      <LessonHead title={lesson.title} courseTitle={course.data?.title} durationSec={lesson.durationSec} resumeAt={resumeAt} signedIn={signedIn} />
    </ThemePage>
  )
}
