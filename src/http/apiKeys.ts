import { createHmac } from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

const SCHEME = 'api-clients API-Key '

const refuse = (res: Parameters<RequestHandler>[1], message: string) =>
  res
    .status(401)
    .set('WWW-Authenticate', 'API-Key')
    .json({ errors: [{ message }] })

/**
 * Payload would treat a request with an unknown or disabled key as anonymous; a downstream site
 * must instead learn at once that its key is wrong or revoked. Payload's own API-key strategy
 * still authenticates the requests that pass (same HMAC index, same lookup).
 */
export const rejectBadApiKeys =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    const header = req.get('authorization')
    if (!header || !header.startsWith('api-clients ')) return next()
    if (!header.startsWith(SCHEME))
      return refuse(res, 'Authorization must be "api-clients API-Key <key>"')
    const key = header.slice(SCHEME.length).trim()
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(key)) return refuse(res, 'The API key is malformed')
    try {
      const index = createHmac('sha256', payload.secret).update(key).digest('hex')
      const { docs } = await payload.find({
        collection: 'api-clients',
        where: { apiKeyIndex: { equals: index } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
      const client = docs[0]
      if (!client) return refuse(res, 'The API key is unknown')
      if (!client.enabled) return refuse(res, 'The API key has been revoked')
      next()
    } catch (error) {
      next(error)
    }
  }
