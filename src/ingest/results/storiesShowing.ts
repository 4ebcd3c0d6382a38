import type { PayloadRequest } from 'payload'

import type { ArticleSummary } from '../../webhooks/articleEvents'
import { readableStories } from '../../webhooks/readableStories'

type ID = number | string

/**
 * Published stories readers can see now (no standing embargo) that show one of `results` as a
 * fact or among their results: what the import's report lists as changed for readers.
 */
export async function storiesShowingResults(
  req: PayloadRequest,
  results: ID[],
): Promise<(ArticleSummary & { id: ID })[]> {
  return results.length ? readableStories(req, { resultsShown: { in: results } }) : []
}
