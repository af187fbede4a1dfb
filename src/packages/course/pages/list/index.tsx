import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRequest } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getCourses } from '@/features/courses/api/courses'
import { routes } from '@/utils/routes'
import { CourseCard } from '@/features/courses/components/course-parts'
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
        <CourseCard key={c.id} course={c} onOpen={() => Taro.navigateTo({ url: routes.courseDetail(c.id) })} />
      ))}
    </ThemePage>
  )
}
