import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '../../../payload-types'

/**
 * Readers see an embargoed story the moment its time passes (read access compares with the
 * clock); this job marks that moment as an event the code can act on (webhooks, caches). It is
 * stored in the database, so a restart does not lose it.
 */
export const queueEmbargoLift: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc._status !== 'published' || !doc.embargoUntil) return doc
  if (Date.parse(doc.embargoUntil) <= Date.now()) return doc
  const unchanged =
    previousDoc?._status === 'published' && previousDoc.embargoUntil === doc.embargoUntil
  if (unchanged) return doc
  await req.payload.jobs.queue({
    task: 'liftEmbargo',
    input: { collection: 'articles', id: String(doc.id), embargoUntil: doc.embargoUntil },
    waitUntil: new Date(doc.embargoUntil),
    req,
  })
  return doc
}
