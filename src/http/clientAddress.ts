import { AsyncLocalStorage } from 'node:async_hooks'
import type { RequestHandler } from 'express'

const store = new AsyncLocalStorage<string>()

/**
 * Payload's request knows nothing of the client's address; Express does, through `trust proxy`
 * (src/http/app.ts). Everything Payload runs for this request can ask for it, and nothing a
 * client sends (a forged header) can set it.
 */
export const rememberClientAddress: RequestHandler = (req, _res, next) => {
  store.run(req.ip ?? req.socket.remoteAddress ?? 'unknown', next)
}

/** The address of the HTTP client being served; undefined for the Local API. */
export const clientAddress = (): string | undefined => store.getStore()
