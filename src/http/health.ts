import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

/** Liveness: the process answers. */
export const healthz: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' })
}

/**
 * Readiness: the instance has warmed up (src/delivery/warmUp.ts) and the database answers a
 * query within two seconds.
 */
export const readyz =
  (payload: Payload, warming: () => boolean = () => false): RequestHandler =>
  async (_req, res) => {
    if (warming()) {
      res.status(503).json({ status: 'warming', database: payload.db.name })
      return
    }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000)
    })
    try {
      await Promise.race([payload.count({ collection: 'users', overrideAccess: true }), timeout])
      res.json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      payload.logger.warn({ err: error, msg: 'readiness check failed' })
      res
        .status(503)
        .json({ status: 'unavailable', database: payload.db.name, reason: 'database unreachable' })
    } finally {
      clearTimeout(timer)
    }
  }
