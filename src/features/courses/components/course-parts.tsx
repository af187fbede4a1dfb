import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { mediaUrl } from '@/api'
import { Card } from '@/components/card'
import type { CourseSummary } from '@common/contract'
import { formatDuration } from '@/utils/format'
import './course.scss'

/** a course or lesson's white head under its picture: the title as the page's heading, then the facts */
export function CourseHead({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className='course-detail__head' layout='flush'>
      <View className='course-detail__title' role='heading' aria-level={1}>
        {title}
      </View>
      {children}
    </Card>
  )
}

/** one course in 网络课堂: cover, title, who gives it, how long */
export function CourseCard({ course: c, onOpen }: { course: CourseSummary; onOpen: () => void }) {
  return (
    <Card padding='none' className='course-card'>
      <View role='link' aria-label={c.title} onClick={onOpen}>
        <Image className='course-card__cover' src={mediaUrl(c.cover)} mode='aspectFill' aria-hidden />
        <View className='course-card__body'>
          <Text className='course-card__title'>{c.title}</Text>
          <Text className='course-card__meta'>
            {c.department} · {c.lessonCount} 课时 · 共 {formatDuration(c.totalSec)}
          </Text>
          <Text className='course-card__summary'>{c.summary}</Text>
        </View>
      </View>
    </Card>
  )
}

/** under the lesson's video: its title, course and length, where it resumed, and 登录后可记录学习进度 */
export function LessonHead(props: { title: string; courseTitle?: string; durationSec: number; resumeAt: number; signedIn: boolean }) {
  return (
    <CourseHead title={props.title}>
      <Text className='course-card__meta'>
        {props.courseTitle} · {formatDuration(props.durationSec)}
      </Text>
      {props.resumeAt > 0 ? <Text className='course-detail__progress'>已从上次的 {formatDuration(props.resumeAt)} 处继续播放</Text> : null}
      {props.signedIn ? null : (
        <Text className='course-card__meta' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
          登录后可记录学习进度 ›
        </Text>
      )}
    </CourseHead>
  )
}
