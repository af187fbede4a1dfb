/** Every /api/v1 route, one file per domain. */
import type { RoutePlugin } from '../type-provider'
import { authRoutes, type AuthRoutesOptions } from '../modules/auth/sign-in-routes'
import campaignRoutes from '../modules/quiz/campaign-routes'
import { consultationRoutes } from '../modules/consultations/routes'
import healthRoutes from './health'
import lectureTopicRoutes from '../modules/lectures/topic-routes'
import { lectureRoutes } from '../modules/lectures/routes'
import { contentRoutes } from '../modules/content/routes'
import qaRoutes from '../modules/qa/routes'
import quizRoutes from '../modules/quiz/routes'
import mediaRoutes from '../modules/media/routes'
import { identityRoutes, type IdentityOptions } from '../modules/identity'
import { accountRoutes } from '../modules/accounts/routes'
import { setupAudit } from '../modules/audit/plugin'
import { auditRoutes } from '../modules/audit/routes'
import { staffAuthRoutes } from '../modules/auth/routes'
import { uploadRoutes } from '../modules/uploads/routes'
import { appConfigRoutes } from '../modules/app-config/routes'
import { contestIntegrityRoutes } from '../modules/contest-integrity/routes'
import { editorialRoutes } from '../modules/editorial/routes'
import { policyImportRoutes } from '../modules/policy-import/routes'
import { setupViewCounter } from '../modules/dashboard/view-counter'
import { dashboardRoutes } from '../modules/dashboard/routes'
import { orgRoutes } from '../modules/orgs/routes'
import { bannerRoutes } from '../modules/banners/routes'
import { setupMessages } from '../modules/messages/service'
import { messageRoutes } from '../modules/messages/routes'
import { policyMatchRoutes, setupPolicyMatch } from '../modules/policy-match/routes'
import { qaGapRoutes } from '../modules/qa-gaps/routes'
import { searchRoutes } from '../modules/search/routes'
import { lectureDeskRoutes } from '../modules/lecture-desk/routes'
import { mediaAdminRoutes } from '../modules/media-admin/routes'
import { consultationDeskRoutes } from '../modules/consultation-desk/routes'
import { informationRequestRoutes } from '../modules/information-requests/routes'
import { devClockRoutes } from '../modules/consultation-desk/dev-clock'
import { campaignMonitorRoutes } from '../modules/campaign-monitor/routes'
import { populationRoutes } from '../modules/population/routes'
import { questionBankRoutes } from '../modules/question-banks/routes'
import { adminCampaignRoutes } from '../modules/question-banks/campaign-routes'
import { favouriteRoutes } from '../modules/favourites/routes'

export function apiRoutes(options: AuthRoutesOptions & { identity?: Partial<IdentityOptions>; lectureLeadDays?: number }): RoutePlugin {
  return async (api) => {
    // before every route: `config.audit` is recorded for the routes registered below
    setupAudit(api)
    // before the content routes, which count reads of single items
    setupViewCounter(api)
    // before the consultation routes, whose replies write 我的消息 and the WeChat outbox
    setupMessages(api, { wechat: options.wechat })
    // before the editorial routes, whose 发布 of a policy with a rule starts a match
    setupPolicyMatch(api, { wechat: !!options.wechat?.policyTemplateId })
    await api.register(healthRoutes)
    await api.register(contentRoutes)
    await api.register(qaRoutes)
    await api.register(searchRoutes)
    await api.register(mediaRoutes)
    await api.register(lectureTopicRoutes)
    await api.register(campaignRoutes)
    await api.register(quizRoutes({ wechat: options.wechat }))
    await api.register(authRoutes(options))
    await api.register(consultationRoutes({ wechat: options.wechat }))
    await api.register(lectureRoutes({ wechat: options.wechat, leadDays: options.lectureLeadDays }))
    await api.register(identityRoutes({ devLogin: options.devLogin, wechat: options.wechat, ...options.identity }))
    await api.register(staffAuthRoutes())
    await api.register(accountRoutes())
    await api.register(auditRoutes())
    await api.register(uploadRoutes)
    await api.register(appConfigRoutes({ devLogin: options.devLogin, lectureLeadDays: options.lectureLeadDays }))
    await api.register(contestIntegrityRoutes())
    await api.register(editorialRoutes({ wechat: options.wechat }))
    await api.register(policyImportRoutes())
    await api.register(bannerRoutes)
    await api.register(orgRoutes())
    await api.register(dashboardRoutes())
    await api.register(messageRoutes())
    await api.register(policyMatchRoutes())
    await api.register(qaGapRoutes())
    await api.register(lectureDeskRoutes({ wechat: options.wechat }))
    await api.register(mediaAdminRoutes)
    await api.register(consultationDeskRoutes({ wechat: options.wechat }))
    await api.register(informationRequestRoutes())
    // e2e moves the clock (dev login only, from this machine only)
    if (options.devLogin) await api.register(devClockRoutes())
    await api.register(campaignMonitorRoutes())
    await api.register(populationRoutes())
    await api.register(questionBankRoutes())
    await api.register(adminCampaignRoutes())
    await api.register(favouriteRoutes())
  }
}
