import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { mediaUrl, useRequest } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getCourses } from '@/features/courses/api/courses'
import { formatDuration } from '@/utils/format'
import { routes } from '@/utils/routes'
import '../course.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function CourseListPage() {
  const courses = useRequest(getCourses, [])
  usePullDownRefresh(() => {
    void courses.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (courses.loading && !courses.data) return <Skeleton rows={3} />
  if (courses.error && !courses.data) return <ErrorState message={courses.error.message} onRetry={courses.reload} />
  return (
    <ThemePage>
      {courses.data?.length === 0 ? <EmptyState title='暂无课程' /> : null}
      {courses.data?.map((c) => (
        <View key={c.id} className='course-card' role='link' aria-label={c.title} onClick={() => Taro.navigateTo({ url: routes.courseDetail(c.id) })}>
          <Image className='course-card__cover' src={mediaUrl(c.cover)} mode='aspectFill' aria-hidden />
          <View className='course-card__body'>
            <Text className='course-card__title'>{c.title}</Text>
            <Text className='course-card__meta'>
              {c.department} · {c.lessonCount} 课时 · 共 {formatDuration(c.totalSec)}
            </Text>
            <Text className='course-card__summary'>{c.summary}</Text>
          </View>
        </View>
      ))}
    </ThemePage>
  )
}
