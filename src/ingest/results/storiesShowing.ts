import type { PayloadRequest } from 'payload'

import { embargoStands } from '../../webhooks/articleEvents'
import type { ArticleSummary } from '../../webhooks/articleEvents'

type ID = number | string

/**
 * Published stories readers can see now (no standing embargo) that show one of `results` as a
 * fact or among their results: what the import's report lists as changed for readers.
 */
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
