import type { Home } from '../../../common/contract'
import { shanghaiToday } from '../../../common/shanghai-date'
import type { Store } from '../../store/store'
import { bannersShowing } from '../banners/repository'
import { markClosed } from './closing'

export const HOME_FEATURED_MAX = 6
export const HOME_LATEST_POLICIES = 5

/** what 首页 reads: the content, the ongoing campaigns of the quiz domain and today's banners */
export type HomeSources = Pick<Store, 'content' | 'quiz' | 'database' | 'now'>

/** the home page, composed from the same reads as /interpretations, /topics, /policies and /campaigns */
export async function composeHome(store: HomeSources): Promise<Home> {
  const today = shanghaiToday(store.now())
  const [featured, topics, latestPolicies, campaigns, banners] = await Promise.all([
    store.content.listInterpretations({ featured: true, page: 1, pageSize: HOME_FEATURED_MAX }),
    store.content.listTopics(),
    // 最新政策: the newest still open first; one already 已截止 only after them, marked
    store.content.searchPolicies({ page: 1, pageSize: HOME_LATEST_POLICIES, openFirstOn: today }),
    store.quiz.listCampaigns({ status: 'ongoing' }),
    bannersShowing(store.database, today),
  ])
  return {
    featured: featured.items,
    topics,
    latestPolicies: latestPolicies.items.map((p) => markClosed(p, today)),
    campaigns,
    ...(banners.length ? { banners } : {}),
  }
}
