import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

import type { Article } from '../../../payload-types'
import { bodyReferences, idsOf } from '../../../content/references'

/**
 * Quotes, results and titles are drafts until a story that shows them is published: a quote
 * written (or imported) for an unpublished story must not leak through another channel. Publishing
 * the story is the editor saying "show this", so the drafts it shows are published with it, in the
 * same transaction. Without this, an imported release's quotes would silently vanish from the
 * published story, because readers never see a draft quote.
 */
export const publishWithStory: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  const body = bodyReferences(doc.body)
  const wanted: [CollectionSlug, (number | string)[]][] = [
    ['quotes', body.quotes],
    ['results', [...body.results, ...idsOf(doc.results)]],
    ['titles', [...body.titles, ...idsOf(doc.titles)]],
  ]
  for (const [collection, list] of wanted) {
    if (!list.length) continue
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ id: { in: list } }, { _status: { not_equals: 'published' } }] },
      depth: 0,
      limit: list.length,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    for (const draft of docs)
      await req.payload.update({
        collection,
        id: draft.id,
        data: { _status: 'published' },
        // The publisher may publish the story, and so what it shows; a scheduled publication
        // runs without a user and was authorised when it was scheduled.
        ...(req.user ? { overrideAccess: false, user: req.user } : { overrideAccess: true }),
        req,
      })
  }
  return doc
}
