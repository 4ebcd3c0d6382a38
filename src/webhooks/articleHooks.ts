import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Article } from '../payload-types'
import { articleEvents, embargoStands } from './articleEvents'
import { publicationStateBefore, readMainDocument } from '../collections/publicationState'
import { queueWebhookDeliveries } from './dispatch'

type ID = number | string

/**
 * Payload's schedulePublish job publishes with a Local API update of its own, without passing its
 * `req` or any context, so the update cannot tell from its arguments that the job made it. The job
 * runner marks the job `processing` (committed, outside any transaction) before running it; a
 * processing schedulePublish job for this very story is the signature of a scheduled publication.
 */
async function isScheduledPublication(req: PayloadRequest, id: ID): Promise<boolean> {
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: 'schedulePublish' } }, { processing: { equals: true } }],
    },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.some((job) => {
    const doc = (job.input as { doc?: { relationTo?: string; value?: unknown } } | null)?.doc
    return doc?.relationTo === 'articles' && String(doc.value) === String(id)
  })
}

/** Fires the webhooks of a change readers can see; draft saves and autosaves fire nothing. */
export const notifyWebhooks: CollectionAfterChangeHook<Article> = async ({
  doc,
  operation,
  req,
}) => {
  // Recorded by rememberPublicationState (src/collections/publicationState.ts).
  const before = publicationStateBefore(req, operation, 'articles', doc.id) ?? null
  // A saved version with status published means the main document was published with it.
  // Otherwise the main document changed only if it was published and this was an unpublish.
  if (doc._status !== 'published' && !before?.published) return doc
  const after =
    doc._status === 'published' && !before?.published
      ? { published: true }
      : await readMainDocument(req, 'articles', doc.id)
  const scheduled =
    after.published !== (before?.published ?? false) && (await isScheduledPublication(req, doc.id))
  const embargoed = embargoStands(doc.embargoUntil, new Date())
  for (const type of articleEvents(before, after, { scheduled, embargoed }))
    await queueWebhookDeliveries(req, type, doc)
  return doc
}

/** Deleting a story readers could see fires `article.deleted`; deleting a draft fires nothing. */
export const notifyWebhooksOfDeletion: CollectionAfterDeleteHook<Article> = async ({
  doc,
  req,
}) => {
  for (const type of articleEvents({ published: doc._status === 'published' }, null))
    await queueWebhookDeliveries(req, type, doc)
  return doc
}
