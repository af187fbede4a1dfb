import type { Home } from '../../../common/contract'
import type { Store } from '../../store/store'

export const HOME_FEATURED_MAX = 6
export const HOME_LATEST_POLICIES = 5

/** what 首页 reads: the content, and the ongoing campaigns of the quiz domain */
export type HomeSources = Pick<Store, 'content' | 'quiz'>

/** the home page, composed from the same reads as /interpretations, /topics, /policies and /campaigns */
export async function composeHome(store: HomeSources): Promise<Home> {
  const [featured, topics, latestPolicies, campaigns] = await Promise.all([
    store.content.listInterpretations({ featured: true, page: 1, pageSize: HOME_FEATURED_MAX }),
    store.content.listTopics(),
    store.content.searchPolicies({ page: 1, pageSize: HOME_LATEST_POLICIES }),
    store.quiz.listCampaigns({ status: 'ongoing' }),
  ])
  return { featured: featured.items, topics, latestPolicies: latestPolicies.items, campaigns }
}
