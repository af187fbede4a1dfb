/** What this server adds to Fastify's types: the store, the signed-in user, per-route config. */
import type { User } from '../common/contract'
import type { Store } from './store/store'
import type { FieldMessages } from './validation-message'

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
  }

  interface FastifyRequest {
    /** set from `Authorization: Bearer <token>` when the session is valid, else null */
    user: User | null
  }

  interface FastifyContextConfig {
    /**
     * Cache-Control of a successful GET: `public` (max-age=60, the default), `per-user` (public
     * when anonymous, no-store when signed in) or `no-store`.
     */
    cache?: 'public' | 'per-user' | 'no-store'
    /**
     * The answer is the same for every caller and changes only with the content: the server keeps
     * it for the public max-age (plugins/response-cache.ts). Never on a route that reads the user.
     */
    memo?: boolean
    /** false exempts the route from mock-mode fault injection (health) */
    faults?: boolean
    /** the route's own 400 messages for schema failures of its fields (see validation-message.ts) */
    validationMessages?: FieldMessages
    /**
     * 'own': the auth hook does not look the session up (request.user stays null); the route does,
     * with its first database statement (the quiz submit on PostgreSQL saves a round trip), and puts
     * `onRequest: requireToken()` in front so that a request without a token is refused at once.
     */
    session?: 'own'
  }
}
