import type { PolicyRelated } from '../../../common/contract'
import type { Store } from '../../store/store'

/**
 * 相关视频 and 常见问答 of a policy page (GET /policies/:id/related and the page's first screen):
 * the videos of its interpretations and the FAQs about it; undefined for an unknown policy
 */
export async function policyRelated(store: Pick<Store, 'content' | 'media'>, id: string): Promise<PolicyRelated | undefined> {
  const [policy, videos, faqs] = await Promise.all([store.content.getPolicy(id), store.media.listVideosOfPolicy(id), store.content.listFaqsOfPolicy(id)])
  if (!policy) return undefined
  return {
    videos: videos.map((v) => ({ id: v.id, title: v.title, durationSec: v.durationSec, poster: v.poster })),
    faqs: faqs.map((f) => ({ id: f.id, question: f.question })),
  }
}
