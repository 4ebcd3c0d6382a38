import type { PayloadRequest, Where } from 'payload'

import { embargoStands } from './articleEvents'
import type { ArticleSummary } from './articleEvents'

type ID = number | string

/**
 * The published stories matching `where` that the public can read now (no standing embargo), as
 * webhooks and reports name them. Read as stored, in the request's transaction.
 */
export async function readableStories(
  req: PayloadRequest,
  where: Where,
): Promise<(ArticleSummary & { id: ID })[]> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [where, { _status: { equals: 'published' } }] },
    select: { publicId: true, slug: true, title: true, publishedAt: true, embargoUntil: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const now = new Date()
  return docs.filter((story) => !embargoStands(story.embargoUntil, now))
}
