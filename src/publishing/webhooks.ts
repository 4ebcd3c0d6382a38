import { isDeepStrictEqual } from 'node:util'

import type { PayloadRequest } from 'payload'

import { articleEvents, embargoStands } from '../webhooks/articleEvents'
import type { ArticleSummary } from '../webhooks/articleEvents'
import { queueWebhookDeliveries, queueWebhookEvent } from '../webhooks/dispatch'
import { readableStories } from '../webhooks/readableStories'
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
 * Fields of a result whose change no reader of a story sees: bookkeeping, the embargo (derived
 * from the stories themselves, which fire their own events) and the timing import's own records.
 */
const UNSEEN_OF_RESULTS = new Set(['updatedAt', 'embargoUntil', 'history', 'sourceFile'])

const seenOfResult = (content: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(content ?? {}).filter(([key]) => !UNSEEN_OF_RESULTS.has(key)))

/** Stories already told of a change in this request: an import touching ten results of one
 * story fires one `article.updated`, not ten. */
const told = new WeakMap<PayloadRequest, Set<string>>()

/**
 * A published result is part of every story that shows it (as a fact, in its results or in a
 * results table: the dependency index knows): a change readers see fires `article.updated` for
 * each such story the public can read now, once per request. A result only being published with
 * its story changes no story readers could see.
 */
async function queueResultEvents({ change, stories }: PublishedChange, req: PayloadRequest) {
  if (!change.before?.published || !stories.length) return
  if (
    change.after?.published &&
    isDeepStrictEqual(seenOfResult(change.before.content), seenOfResult(change.after.content))
  )
    return
  const done = told.get(req) ?? new Set<string>()
  told.set(req, done)
  const readable = await readableStories(req, { id: { in: stories.map((story) => story.id) } })
  for (const story of readable) {
    if (done.has(String(story.id))) continue
    done.add(String(story.id))
    await queueWebhookDeliveries(req, 'article.updated', story)
  }
}

/**
 * Webhooks, in the writing transaction: a change that is stored has its deliveries stored too.
 * Draft saves and autosaves reach no subscriber, so they fire nothing.
 */
export const webhookSubscriber: Subscriber = {
  name: 'webhooks',
  changed: async (event, req) => {
    if (event.change.collection === 'articles') await queueArticleEvents(event, req)
    if (event.change.collection === 'results') await queueResultEvents(event, req)
    await queueCachePurge(
      req,
      event.keys,
      event.stories.map((story) => story.publicId),
    )
  },
}
