import express from 'express'
import type { Express, RequestHandler, Router } from 'express'
import type { Payload, SanitizedConfig } from 'payload'

import { env } from '../config/env'
import { rejectBadApiKeys } from './apiKeys'
import { corsFor } from './cors'
import { rememberClientAddress } from './clientAddress'
import { errorHandler } from './errors'
import { graphqlGate } from './graphqlGate'
import { healthz, readyz } from './health'
import { boundedJsonBodies } from './jsonBody'
import { payloadApiRoutes } from './payloadApi'
import type { Settle } from './payloadApi'

export interface AppOptions {
  payload: Payload
  config: Promise<SanitizedConfig>
  /** Next.js's request handler for the admin UI; absent when the admin is not served. */
  admin?: RequestHandler
  /** Routers mounted before the API, each at its path (the delivery API, from src/server.ts). */
  mounts?: { path: string; router: Router }[]
  dev: boolean
  /** True while the instance warms up after listening: `/readyz` answers 503 until then. */
  warming?: () => boolean
  /**
   * The front of a writer process (src/writer): every request the mounts and health checks do not
   * answer goes to this handler (the proxy to the writer) instead of the API and the admin.
   */
  upstream?: RequestHandler
  /** The writer process: a request must pass this first (the front's token). */
  gate?: RequestHandler
  /** What API responses wait for once their work is done (the writer's announcements). */
  settle?: Settle
}

export function createApp({
  payload,
  config,
  admin,
  mounts = [],
  dev,
  warming,
  upstream,
  gate,
  settle,
}: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  if (gate) app.use(gate)

  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, warming))

  for (const { path, router } of mounts) app.use(path, router)

  if (upstream) {
    app.use(upstream)
    app.use(errorHandler(payload))
    return app
  }

  const settings = env()
  const api = payloadApiRoutes(config, {
    playground: dev,
    timeoutMs: settings.apiTimeoutMs,
    settle,
  })
  app.use('/api', corsFor(settings.corsOrigins))
  app.use('/api', rejectBadApiKeys(payload), rememberClientAddress)
  app.use('/api', boundedJsonBodies)
  app.post('/api/graphql', graphqlGate, api.graphql)
  app.options('/api/graphql', api.rest)
  if (api.playground) app.get('/api/graphql-playground', api.playground)
  app.all('/api/{*splat}', api.rest)

  if (admin) {
    app.get('/', (_req, res) => res.redirect(302, '/admin'))
    app.all('/{*splat}', admin)
  } else {
    app.use((_req, res) => {
      res.status(404).json({ errors: [{ message: 'Not found' }] })
    })
  }
  app.use(errorHandler(payload))
  return app
}
