import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { mediaUrl, useRequest } from '@/api'
import { Card } from '@/components/card'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { getCourse } from '@/features/courses/api/courses'
import { formatDuration } from '@/utils/format'
import { routes } from '@/utils/routes'
import { CourseHead } from '@/features/courses/components/course-parts'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function CourseDetailPage() {
  const id = useRouter().params.id ?? ''
  const course = useRequest(() => getCourse(id), [id])
  useDidShow(() => {
    if (course.data) void course.reload()
  })
  useShareAppMessage(() => ({ title: course.data?.title ?? '网络课堂', path: routes.courseDetail(id) }))

  if (course.loading && !course.data) return <Skeleton rows={3} />
  if (course.error || !course.data) return <ErrorState message={course.error?.message ?? '课程不存在'} onRetry={course.reload} />
  const c = course.data
  const done = c.progress.filter((p) => p.completed).length

  return (
    <ThemePage>
      <Image className='course-detail__cover' src={mediaUrl(c.cover)} mode='aspectFill' aria-hidden />
      <CourseHead title={c.title}>
        <Text className='course-card__meta'>
          {c.department} · {c.lessonCount} 课时 · 共 {formatDuration(c.totalSec)}
        </Text>
        <Text className='course-card__summary'>{c.summary}</Text>
        <Text className='course-detail__progress' role='status'>
          已学完 {done}/{c.lessonCount} 课时
        </Text>
      </CourseHead>
      <Card padding='none'>
        <View role='list'>
          {c.lessons.map((l, i) => {
            const p = c.progress.find((x) => x.lessonId === l.id)
            return (
              <View key={l.id} className='lesson-row' role='listitem' onClick={() => Taro.navigateTo({ url: routes.lesson(c.id, l.id) })}>
                <Text className='lesson-row__index'>{i + 1}</Text>
                <View className='lesson-row__body'>
                  <Text className='lesson-row__title'>{l.title}</Text>
                  <Text className='course-card__meta'>
                    {formatDuration(l.durationSec)}
                    {p && !p.completed ? ` · 学到 ${formatDuration(p.positionSec)}` : ''}
                  </Text>
                </View>
                {p?.completed ? <Tag tone='success'>已学完</Tag> : null}
              </View>
            )
          })}
        </View>
      </Card>
    </ThemePage>
  )
}
