import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { checkApiKey } from '../access/apiKeys'

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
    try {
      const check = await checkApiKey(payload, header)
      if ('client' in check) return next()
      res
        .status(401)
        .set('WWW-Authenticate', 'API-Key')
        .json({ errors: [{ message: check.refusal }] })
    } catch (error) {
      next(error)
    }
  }
