import type { PayloadRequest } from 'payload'

import { articleEvents, embargoStands } from '../webhooks/articleEvents'
import type { ArticleSummary } from '../webhooks/articleEvents'
import { queueWebhookDeliveries, queueWebhookEvent } from '../webhooks/dispatch'
import type { PublishedChange, Subscriber } from './publisher'

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

/** The `article.*` events of a story's change (src/webhooks/articleEvents.ts). */
async function queueArticleEvents({ change }: PublishedChange, req: PayloadRequest) {
  const before = change.before ?? null
  const after = change.after
  const article = change.document as unknown as ArticleSummary
  const scheduled =
    after !== null &&
    after.published !== (before?.published ?? false) &&
    (await isScheduledPublication(req, change.id))
  const embargoed = embargoStands(article.embargoUntil, new Date())
  for (const type of articleEvents(before, after, { scheduled, embargoed }))
    await queueWebhookDeliveries(req, type, article)
}

/** `cache.purge`: the keys a change affects, for a CDN (README, "Caching"). */
export async function queueCachePurge(
  req: PayloadRequest,
  keys: string[],
  stories: string[],
): Promise<void> {
  await queueWebhookEvent(req, 'cache.purge', () => ({
    type: 'cache.purge',
    timestamp: new Date().toISOString(),
    data: { keys, stories },
  }))
}

/**
 * Webhooks, in the writing transaction: a change that is stored has its deliveries stored too.
 * Draft saves and autosaves reach no subscriber, so they fire nothing.
 */
export const webhookSubscriber: Subscriber = {
  name: 'webhooks',
  changed: async (event, req) => {
    if (event.change.collection === 'articles') await queueArticleEvents(event, req)
    await queueCachePurge(
      req,
      event.keys,
      event.stories.map((story) => story.publicId),
    )
  },
}
