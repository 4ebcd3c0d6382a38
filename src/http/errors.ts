import type { ErrorRequestHandler } from 'express'
import type { Payload } from 'payload'

/** Every error leaves as JSON with a status and a message; stacks stay in the log. */
export const errorHandler =
  (payload: Payload): ErrorRequestHandler =>
  (error, _req, res, next) => {
    if (res.headersSent) return next(error)
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 600
        ? error.status
        : 500
    if (status >= 500) payload.logger.error({ err: error, msg: 'request failed' })
    const message =
      status >= 500 ? 'Internal server error' : String(error?.message ?? 'Bad request')
    res.status(status).json({ errors: [{ message }] })
  }
