import type { RequestHandler } from 'express'

const METHODS = 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS'
const HEADERS = 'Authorization, Content-Type, Accept, Accept-Language, X-Requested-With'

/**
 * CORS for /api and /api/graphql: browsers on the configured origins (CORS_ORIGINS) may call
 * the API, with credentials unless the list is "*"; other origins get no CORS headers at all,
 * so their browsers keep the response from the page. Preflights are answered here with 204.
 */
export const corsFor =
  (origins: readonly string[]): RequestHandler =>
  (req, res, next) => {
    const origin = req.get('origin')
    const anyOrigin = origins.includes('*')
    const allowed = origin !== undefined && (anyOrigin || origins.includes(origin))
    res.vary('Origin')
    if (allowed) {
      res.set('Access-Control-Allow-Origin', anyOrigin ? '*' : origin)
      if (!anyOrigin) res.set('Access-Control-Allow-Credentials', 'true')
    }
    if (req.method !== 'OPTIONS' || !req.get('access-control-request-method')) return next()
    if (allowed) {
      res.set('Access-Control-Allow-Methods', METHODS)
      res.set('Access-Control-Allow-Headers', req.get('access-control-request-headers') ?? HEADERS)
      res.set('Access-Control-Max-Age', '600')
    }
    res.status(204).end()
  }
