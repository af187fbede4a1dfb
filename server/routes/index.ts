/** Every /api/v1 route, one file per domain. */
import type { RoutePlugin } from '../type-provider'
import { authRoutes, type AuthRoutesOptions } from './auth'
import campaignRoutes from './campaigns'
import { consultationRoutes } from './consultations'
import courseRoutes from './courses'
import departmentRoutes from './departments'
import faqRoutes from './faqs'
import healthRoutes from './health'
import homeRoutes from './home'
import interpretationRoutes from './interpretations'
import lectureTopicRoutes from './lecture-topics'
import { lectureRoutes } from './lectures'
import policyRoutes from './policies'
import qaRoutes from './qa'
import quizRoutes from './quiz'
import regionRoutes from './regions'
import topicRoutes from './topics'
import videoRoutes from './videos'
import { appConfigRoutes } from '../modules/app-config/routes'

export function apiRoutes(options: AuthRoutesOptions): RoutePlugin {
  return async (api) => {
    await api.register(healthRoutes)
    await api.register(homeRoutes)
    await api.register(topicRoutes)
    await api.register(departmentRoutes)
    await api.register(regionRoutes)
    await api.register(policyRoutes)
    await api.register(interpretationRoutes)
    await api.register(faqRoutes)
    await api.register(qaRoutes)
    await api.register(videoRoutes)
    await api.register(courseRoutes)
    await api.register(lectureTopicRoutes)
    await api.register(campaignRoutes)
    await api.register(quizRoutes)
    await api.register(authRoutes(options))
    await api.register(consultationRoutes({ wechat: options.wechat }))
    await api.register(lectureRoutes({ wechat: options.wechat }))
    await api.register(appConfigRoutes({ devLogin: options.devLogin }))
  }
}
