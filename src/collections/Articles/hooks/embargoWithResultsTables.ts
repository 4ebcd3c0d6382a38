import type { CollectionAfterChangeHook } from 'payload'

import type { Article, Result } from '../../../payload-types'
import { rawIdOf, resultsTablesOf } from '../../../content/references'
import type { ID } from '../../../content/references'
import { recomputeEmbargo } from './embargoWithStory'

/**
 * A result written after a story's results table was saved (the official classification imported
 * after the story was written, a car added by a later issue) is shown by that table too: it joins
 * the story's `resultsShown` and takes the story's embargo at once, so an embargoed story's table
 * never lets it out early. Stories are found through `resultsTableEvents` (kept by
 * collectTableResults), one indexed query. The next save of the story narrows `resultsShown` to
 * the rows the table shows.
 */
export const embargoWithResultsTables: CollectionAfterChangeHook<Result> = async ({ doc, req }) => {
  const event = rawIdOf(doc.event)
  if (event === undefined) return doc
  const { docs: stories } = await req.payload.find({
    collection: 'articles',
    where: { resultsTableEvents: { equals: String(event) } },
    select: { body: true, resultsShown: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const klass = rawIdOf(doc.class)
  let joined = false
  for (const story of stories as Article[]) {
    const shows = resultsTablesOf(story.body).some(
      (table) =>
        String(table.event) === String(event) &&
        table.session === doc.session &&
        (table.class === undefined || String(table.class) === String(klass)),
    )
    const shown = ((story.resultsShown ?? []) as unknown[])
      .map(rawIdOf)
      .filter((id): id is ID => id !== undefined)
    if (!shows || shown.some((id) => String(id) === String(doc.id))) continue
    await req.payload.db.updateOne({
      collection: 'articles',
      id: story.id,
      data: { resultsShown: [...shown, doc.id] },
      req,
      returning: false,
    })
    joined = true
  }
  if (joined) await recomputeEmbargo(req, 'results', doc.id)
  return doc
}
