import { setImmediate as nextTurn } from 'node:timers/promises'
import { APIError } from 'payload'
import type {
  CollectionAfterReadHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

/** Requests already answered with a 503: whatever work they still do is stopped at its next step. */
const expired = new WeakSet<object>()

/**
 * A read still running after `timeoutMs` is answered with a 503 so the client is not left
 * waiting, and its remaining work is stopped at its next read (see `yieldBeforeOperation`). `request` is the Request Payload builds its req on (the same object).
 */
export async function byDeadline(
  request: Request,
  work: Promise<Response>,
  timeoutMs: number,
): Promise<Response> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<Response>((resolve) => {
    timer = setTimeout(() => {
      expired.add(request)
      const message = `The request took longer than ${timeoutMs} ms and was stopped; ask for less (a smaller limit or depth)`
      resolve(
        Response.json({ errors: [{ message }] }, { status: 503, headers: { 'Retry-After': '5' } }),
      )
    }, timeoutMs)
  })
  // The abandoned work ends in the error below; it has no one left to tell.
  work.catch(() => {})
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * With SQLite every query completes without giving the event loop a turn, so one request's reads
 * could run to the end with nothing else answered (health checks included) and no deadline
 * firing. One turn per operation and per document read lets both happen.
 */
async function yieldToOthers(req: PayloadRequest): Promise<boolean> {
  if (req.payloadAPI === 'local') return false
  await nextTurn()
  return expired.has(req)
}

/** Matches no document on any database: ids are never null. */
const NOTHING = { id: { equals: null } }

/**
 * A request past its deadline stops at its next read. Only the request's own read throws: an
 * error thrown inside a relationship Payload is populating escapes as an unhandled rejection
 * (Payload stops awaiting its other population promises once one fails), which would end the
 * process. A populated read (it carries `currentDepth`) finds nothing instead, which is as cheap.
 */
export const yieldBeforeOperation: CollectionBeforeOperationHook = async ({ args, req }) => {
  if (!(await yieldToOthers(req))) return args
  if ((args as { currentDepth?: number }).currentDepth)
    return { ...args, where: NOTHING } as typeof args
  throw new APIError('The request was stopped at its deadline', 503)
}

/** Only yields: a hook that throws here would throw inside population too (see above). */
export const yieldAfterRead: CollectionAfterReadHook = async ({ doc, req }) => {
  await yieldToOthers(req)
  return doc
}
