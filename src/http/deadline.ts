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
 * waiting, and its remaining work is stopped at the next document it reads (see
 * `yieldToOthers`). `request` is the Request Payload builds its req on (the same object).
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

async function yieldAndCheck(req: PayloadRequest): Promise<void> {
  if (req.payloadAPI === 'local') return
  // With SQLite every query completes without giving the event loop a turn, so one request's
  // reads could run to the end with nothing else answered (health checks included) and no
  // deadline firing. One turn per document read lets both happen.
  await nextTurn()
  if (expired.has(req)) throw new APIError('The request was stopped at its deadline', 503)
}

export const yieldBeforeOperation: CollectionBeforeOperationHook = async ({ args, req }) => {
  await yieldAndCheck(req)
  return args
}

export const yieldAfterRead: CollectionAfterReadHook = async ({ doc, req }) => {
  await yieldAndCheck(req)
  return doc
}
