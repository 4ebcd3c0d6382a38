import type { Where } from 'payload'

/**
 * Not under embargo at this moment. Evaluated on every read, so an embargo lifts at its time
 * with no write and no job: the same query simply starts matching. Both "no value" forms are
 * listed because MongoDB tells a missing field from a null one.
 */
export const notEmbargoed = (now: Date = new Date()): Where => ({
  or: [
    { embargoUntil: { exists: false } },
    { embargoUntil: { equals: null } },
    { embargoUntil: { less_than_equal: now.toISOString() } },
  ],
})

/**
 * The moment a read is evaluated at: now, or, for the delivery store rendering the public view of
 * an embargoed story ahead of its lift (src/delivery/store), that lift. Set only by server code
 * through a Local API call's `context`; nothing a client sends reaches `req.context`.
 */
export function visibleAt(req: { context?: Record<string, unknown> | null }): Date {
  const asOf = req.context?.deliveryAsOf
  return typeof asOf === 'string' && !Number.isNaN(Date.parse(asOf)) ? new Date(asOf) : new Date()
}

export const published: Where = { _status: { equals: 'published' } }
