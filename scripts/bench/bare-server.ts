/**
 * The baseline of `npm run bench:api`: a bare Fastify server (no logger, hooks, store or schema)
 * whose routes answer fixed JSON bodies. The parent writes the bodies to a file and passes its
 * path; GET /bare/<n> answers body n, POST /bare/<n> too (reading the request body first).
 *   BARE_BODIES=/tmp/bodies.json PORT=0 tsx scripts/bench/bare-server.ts
 */
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const bodies = JSON.parse(readFileSync(process.env.BARE_BODIES!, 'utf8')) as unknown[]
const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
bodies.forEach((body, n) => {
  app.get(`/bare/${n}`, async () => body)
  app.post(`/bare/${n}`, async () => body)
})
app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`listening ${address}\n`)
})
