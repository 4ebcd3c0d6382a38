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

export const published: Where = { _status: { equals: 'published' } }
