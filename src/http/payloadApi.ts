import { getRequestListener } from '@hono/node-server'
import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import type { RequestHandler } from 'express'
import { handleEndpoints } from 'payload'
import type { SanitizedConfig } from 'payload'

import { byDeadline } from './deadline'

/**
 * Something a response waits for once the request's work is done (its transaction committed):
 * the writer process's announcement of what changed to its front (src/writer/announcer.ts).
 */
export interface Settle {
  mark: () => number
  sync: (mark: number) => Promise<void>
}

type Listener = ReturnType<typeof getRequestListener>

/**
 * Hono's light Request is read-only, but Payload attaches the parsed body to the request it is
 * given (`req.json = ...`), GET requests included (the admin's preferences: every
 * `GET /api/payload-preferences/<key>` failed with "Cannot assign to read only property 'json'"),
 * so every request becomes a standard Request, over the same body stream where there is one.
 */
function withMutableBody(request: Request): Request {
  const bodyless = request.method === 'GET' || request.method === 'HEAD'
  return new Request(request.url, {
    // Payload's endpoints are GET only; Node itself leaves the body out of a HEAD response, so a
    // HEAD (feed readers check enclosures with it) gets GET's status and headers.
    method: request.method === 'HEAD' ? 'GET' : request.method,
    headers: request.headers,
    body: bodyless ? undefined : request.body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit)
}

const isRead = (outgoing: unknown, method: string) =>
  method === 'GET' ||
  method === 'HEAD' ||
  (outgoing as { locals?: { readOnly?: boolean } }).locals?.readOnly === true

/**
 * Runs a fetch-style handler (Request → Response) for an Express route, body unread, answering
 * reads (and GraphQL queries, marked `res.locals.readOnly`) by the deadline.
 */
function fetchRoute(
  handler: (request: Request) => Promise<Response>,
  timeoutMs: number,
  settle?: Settle,
): RequestHandler {
  // Hono's adapter must not replace the global Request/Response: Next and Payload use them too.
  const listener: Listener = getRequestListener(
    (request, { outgoing }) => {
      const payloadRequest = withMutableBody(request)
      const mark = settle?.mark()
      const work =
        settle && mark !== undefined
          ? handler(payloadRequest).then(async (response) => {
              await settle.sync(mark)
              return response
            })
          : handler(payloadRequest)
      return isRead(outgoing, request.method) ? byDeadline(payloadRequest, work, timeoutMs) : work
    },
    { overrideGlobalObjects: false },
  )
  return (req, res, next) => {
    listener(req, res).catch(next)
  }
}

/**
 * Payload's REST API and GraphQL, served by Express directly. Payload's own Next.js route files
 * would serve the same handlers, but through Next's router at a quarter of the throughput
 * (measured: ~180 req/s against ~790 req/s for the same REST call).
 */
export function payloadApiRoutes(
  config: Promise<SanitizedConfig>,
  { playground, timeoutMs, settle }: { playground: boolean; timeoutMs: number; settle?: Settle },
) {
  const graphql = GRAPHQL_POST(config)
  const graphqlPlayground = GRAPHQL_PLAYGROUND_GET(config)
  return {
    graphql: fetchRoute((request) => graphql(request), timeoutMs, settle),
    playground: playground
      ? fetchRoute((request) => graphqlPlayground(request), timeoutMs)
      : undefined,
    rest: fetchRoute(
      (request) => handleEndpoints({ config, request, path: new URL(request.url).pathname }),
      timeoutMs,
      settle,
    ),
  }
}
