import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import type { Article } from '../payload-types'
import { articleEvents } from './articleEvents'
import type { PublicationState } from './articleEvents'
import { queueWebhookDeliveries } from './dispatch'

type ID = number | string

/**
 * Payload hands afterChange the latest *version* as `previousDoc` (a draft, when one was saved
 * since the last publication) and the saved version as `doc` (a draft save of a published story
 * comes back with `_status: 'draft'` although readers still see the published one). Neither says
 * what readers saw, so the main document, which only publishing and unpublishing write, is read
 * from the database before the change and, when it matters, after it.
 */
const statesBefore = new WeakMap<PayloadRequest, Map<string, PublicationState>>()

async function readMainDocument(req: PayloadRequest, id: ID): Promise<PublicationState> {
  const row = await req.payload.db.findOne<Record<string, unknown> & { id: ID }>({
    collection: 'articles',
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })
  return { published: row?._status === 'published', content: row ?? undefined }
}

export const rememberPublishedState: CollectionBeforeChangeHook<Article> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const states = statesBefore.get(req) ?? new Map<string, PublicationState>()
  statesBefore.set(req, states)
  states.set(String(originalDoc.id), await readMainDocument(req, originalDoc.id))
  return data
}

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
  const before =
    operation === 'create' ? null : (statesBefore.get(req)?.get(String(doc.id)) ?? null)
  statesBefore.get(req)?.delete(String(doc.id))
  // A saved version with status published means the main document was published with it.
  // Otherwise the main document changed only if it was published and this was an unpublish.
  if (doc._status !== 'published' && !before?.published) return doc
  const after =
    doc._status === 'published' && !before?.published
      ? { published: true }
      : await readMainDocument(req, doc.id)
  const scheduled =
    after.published !== (before?.published ?? false) && (await isScheduledPublication(req, doc.id))
  for (const type of articleEvents(before, after, { scheduled }))
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
