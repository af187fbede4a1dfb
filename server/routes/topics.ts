import { Type } from '@sinclair/typebox'
import { readErrors } from '../schemas/common'
import { Topic } from '../schemas/topics'
import type { RoutePlugin } from '../type-provider'

const topicRoutes: RoutePlugin = async (app) => {
  app.get('/topics', { schema: { response: { 200: Type.Array(Topic), ...readErrors } }, config: { memo: true } }, async () => app.store.listTopics())
}

export default topicRoutes
