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
import lectureTopicRoutes from '../modules/lectures/topic-routes'
import { lectureRoutes } from '../modules/lectures/routes'
import policyRoutes from './policies'
import qaRoutes from './qa'
import quizRoutes from './quiz'
import regionRoutes from './regions'
import topicRoutes from './topics'
import videoRoutes from './videos'
import { identityRoutes, type IdentityOptions } from '../modules/identity'
import { accountRoutes } from '../modules/accounts/routes'
import { setupAudit } from '../modules/audit/plugin'
import { auditRoutes } from '../modules/audit/routes'
import { staffAuthRoutes } from '../modules/auth/routes'
import { uploadRoutes } from '../modules/uploads/routes'
import { appConfigRoutes } from '../modules/app-config/routes'
import { contestIntegrityRoutes } from '../modules/contest-integrity/routes'

export function apiRoutes(options: AuthRoutesOptions & { identity?: Partial<IdentityOptions> }): RoutePlugin {
  return async (api) => {
    // before every route: `config.audit` is recorded for the routes registered below
    setupAudit(api)
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
    await api.register(quizRoutes({ wechat: options.wechat }))
    await api.register(authRoutes(options))
    await api.register(consultationRoutes({ wechat: options.wechat }))
    await api.register(lectureRoutes({ wechat: options.wechat }))
    await api.register(identityRoutes({ devLogin: options.devLogin, wechat: options.wechat, ...options.identity }))
    await api.register(staffAuthRoutes())
    await api.register(accountRoutes())
    await api.register(auditRoutes())
    await api.register(uploadRoutes)
    await api.register(appConfigRoutes({ devLogin: options.devLogin }))
    await api.register(contestIntegrityRoutes())
  }
}
