import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { DEFAULT_TABLE_ROWS } from '../../../blocks/ResultsTable/config'
import {
  SESSION_RESULTS_BOUND,
  classificationOrder,
  selectionWhere,
  tableSize,
} from '../../../blocks/ResultsTable/selection'
import type { Article } from '../../../payload-types'
import { rawIdOf, resultsTablesOf } from '../../../content/references'
import type { ID, ResultsTableReference } from '../../../content/references'

/**
 * The results a table shows to readers: its top rows among the published results. The rows it
 * would show once drafts are published count too, so an embargoed story's table never shows a
 * result that went out before the story.
 */
async function resultsOfTable(req: PayloadRequest, table: ResultsTableReference): Promise<ID[]> {
  const { docs } = await req.payload.find({
    collection: 'results',
    where: selectionWhere(table),
    depth: 0,
    limit: SESSION_RESULTS_BOUND,
    pagination: false,
    select: {
      classification: true,
      positionOverall: true,
      positionInClass: true,
      laps: true,
      _status: true,
    },
    overrideAccess: true,
    req,
  })
  const size = tableSize(table.top, DEFAULT_TABLE_ROWS)
  const byClass = table.class !== undefined
  const all = classificationOrder(docs, byClass).slice(0, size)
  const published = classificationOrder(
    docs.filter((doc) => doc._status === 'published'),
    byClass,
  ).slice(0, size)
  return [...all, ...published].map((doc) => doc.id)
}

/**
 * Adds what the body's results tables show to `resultsShown` (kept by collectShown, which runs
 * first), so those results carry the story's embargo exactly as a fact block's result does.
 */
export const collectTableResults: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  req,
}) => {
  const tables = resultsTablesOf(data.body !== undefined ? data.body : originalDoc?.body)
  const resultsTableEvents = [...new Set(tables.map((table) => String(table.event)))]
  if (!tables.length) return { ...data, resultsTableEvents }
  const shown = new Map<string, ID>()
  for (const value of (data.resultsShown ?? []) as unknown[]) {
    const id = rawIdOf(value)
    if (id !== undefined) shown.set(String(id), id)
  }
  for (const table of tables)
    for (const id of await resultsOfTable(req, table)) shown.set(String(id), id)
  return {
    ...data,
    resultsTableEvents,
    resultsShown: [...shown.values()] as Article['resultsShown'],
  }
}
