import { isDeepStrictEqual } from 'node:util'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { publicationStateBefore, readMainDocument } from '../publishing/state'
import type { Result } from '../payload-types'
import { embargoStands } from './articleEvents'
import type { ArticleSummary } from './articleEvents'
import { queueWebhookDeliveries } from './dispatch'

type ID = number | string

/**
 * Fields of a result whose change no reader of a story sees: bookkeeping, the embargo (derived
 * from the stories themselves, which fire their own events) and the import's own records.
 */
const UNSEEN = new Set(['updatedAt', 'embargoUntil', 'history', 'sourceFile'])

const seen = (content: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(content ?? {}).filter(([key]) => !UNSEEN.has(key)))

/** Published stories readers can see now (no standing embargo) that show one of `results`. */
export async function storiesShowingResults(
  req: PayloadRequest,
  results: ID[],
): Promise<(ArticleSummary & { id: ID })[]> {
  if (results.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ resultsShown: { in: results } }, { _status: { equals: 'published' } }] },
    select: { publicId: true, slug: true, title: true, publishedAt: true, embargoUntil: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const now = new Date()
  return docs.filter((story) => !embargoStands(story.embargoUntil, now))
}

/** Stories already told of a change in this request: an import touching ten results of one
 * story fires one `article.updated`, not ten. */
const told = new WeakMap<PayloadRequest, Set<string>>()

/**
 * A published story shows its results as they are now (the delivery API reads them on every
 * request), so a change to a published result is a change to every published story showing it:
 * each fires `article.updated`, once per request. A result still in draft, or one only being
 * published along with its story (publishWithStory), changes no story readers could see.
 */
export const notifyStoriesOfResultChange: CollectionAfterChangeHook<Result> = async ({
  doc,
  operation,
  req,
}) => {
  const before = publicationStateBefore(req, operation, 'results', doc.id)
  if (!before?.published) return doc
  const after = await readMainDocument(req, 'results', doc.id)
  if (after.published && isDeepStrictEqual(seen(before.content), seen(after.content))) return doc
  const done = told.get(req) ?? new Set<string>()
  told.set(req, done)
  for (const story of await storiesShowingResults(req, [doc.id])) {
    if (done.has(String(story.id))) continue
    done.add(String(story.id))
    await queueWebhookDeliveries(req, 'article.updated', story)
  }
  return doc
}
