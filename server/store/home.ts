import type { Home } from '../../common/contract'
import type { Store } from './store'

export const HOME_FEATURED_MAX = 6
export const HOME_LATEST_POLICIES = 5

/** the home page, composed from the store's own reads so both stores agree by construction */
export async function composeHome(store: Store): Promise<Home> {
  return {
    featured: store.listInterpretations({ featured: true, page: 1, pageSize: HOME_FEATURED_MAX }).items,
    topics: store.listTopics(),
    latestPolicies: store.searchPolicies({ page: 1, pageSize: HOME_LATEST_POLICIES }).items,
    campaigns: await store.quiz.listCampaigns({ status: 'ongoing' }),
  }
}
