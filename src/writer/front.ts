import { timingSafeEqual } from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { storeFor } from '../delivery/store'
import { publisher } from '../publishing/publisher'
import { Announcer } from './announcer'
import { FRONT_TOKEN_ENV, FRONT_TOKEN_HEADER, isToWriter } from './protocol'
import type { ToFront } from './protocol'

export interface FrontConnection {
  announcer: Announcer
  /** Refuses (403) a request without the front's token: the writer is reached only through it. */
  gate: RequestHandler
  /** Stops announcing (the subscription goes). */
  close: () => void
}

/** The writer's side of its link to the front (src/writer/index.ts). */
export function connectToFront(payload: Payload): FrontConnection {
  const token = Buffer.from(process.env[FRONT_TOKEN_ENV] ?? '')
  if (token.length < 32)
    throw new Error(`${FRONT_TOKEN_ENV} is missing: the writer is started by the front`)
  const send = (message: ToFront) => {
    if (process.connected) process.send!(message)
  }
  const announcer = new Announcer(send)
  const unsubscribe = publisher.subscribe({
    name: 'front process',
    invalidated: (keys) => announcer.record(keys),
  })
  const onMessage = (message: unknown) => {
    if (!isToWriter(message)) return
    if (message.type === 'applied') announcer.applied(message.seq)
    else
      storeFor(payload)
        .lifted(message.documents)
        .then(
          () => send({ type: 'lifted', id: message.id }),
          (error: unknown) => {
            payload.logger.error({
              err: error,
              msg: 'delivery store: re-render after an embargo lift failed',
            })
            send({
              type: 'lifted',
              id: message.id,
              error: String((error as Error)?.message ?? error),
            })
          },
        )
  }
  process.on('message', onMessage)
  const gate: RequestHandler = (req, res, next) => {
    const given = Buffer.from(req.get(FRONT_TOKEN_HEADER) ?? '')
    if (given.length === token.length && timingSafeEqual(given, token)) {
      delete req.headers[FRONT_TOKEN_HEADER]
      return next()
    }
    res.status(403).json({ errors: [{ message: 'This address serves the CMS front only' }] })
  }
  return {
    announcer,
    gate,
    close: () => {
      unsubscribe()
      process.off('message', onMessage)
    },
  }
}
