import type { CollectionSlug, Where } from 'payload'

import type { Article } from '../payload-types'
import { deliverArticles, publishedWhere, readOptions } from './model'
import type { ModelContext } from './model'
import { DeliveryError, encodeCursor } from './query'
import type { Cursor, ListFilters } from './query'
import type { DeliveredArticle } from './types'

async function idsBySlug(
  ctx: ModelContext,
  collection: CollectionSlug,
  slug: string,
  parameter: string,
): Promise<string[]> {
  const { docs } = await ctx.payload.find({
    collection,
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    pagination: false,
    select: {},
    ...readOptions(ctx),
  })
  if (!docs.length)
    throw new DeliveryError(400, `"${parameter}": nothing has the slug "${slug}"`, parameter)
  return docs.map((doc) => String(doc.id))
}

/** Slugs and years as readers know them, turned into the Where the database understands. */
async function filterWhere(ctx: ModelContext, filters: ListFilters): Promise<Where[]> {
  const where: Where[] = [{ publishedAt: { exists: true } }]
  if (filters.series)
    where.push({ series: { in: await idsBySlug(ctx, 'series', filters.series, 'series') } })
  if (filters.event)
    where.push({ event: { in: await idsBySlug(ctx, 'events', filters.event, 'event') } })
  if (filters.team)
    where.push({ teams: { in: await idsBySlug(ctx, 'teams', filters.team, 'team') } })
  if (filters.driver)
    where.push({ drivers: { in: await idsBySlug(ctx, 'people', filters.driver, 'driver') } })
  if (filters.season) {
    const { docs } = await ctx.payload.find({
      collection: 'seasons',
      where: { year: { equals: filters.season } },
      depth: 0,
      limit: 100,
      pagination: false,
      select: {},
      ...readOptions(ctx),
    })
    if (!docs.length)
      throw new DeliveryError(400, `"season": no season in ${filters.season}`, 'season')
    where.push({ season: { in: docs.map((doc) => String(doc.id)) } })
  }
  if (filters.tag) where.push({ tags: { in: [filters.tag] } })
  if (filters.from) where.push({ publishedAt: { greater_than_equal: filters.from } })
  if (filters.to) where.push({ publishedAt: { less_than_equal: filters.to } })
  return where
}

/**
 * Keyset pagination on (publishedAt, id), newest first: a page boundary is a position in that
 * order, not an offset, so stories published while a reader pages never shift or repeat items.
 */
const after = (cursor: Cursor): Where => ({
  or: [
    { publishedAt: { less_than: cursor.publishedAt } },
    {
      and: [{ publishedAt: { equals: cursor.publishedAt } }, { id: { less_than: cursor.id } }],
    },
  ],
})

export interface ArticlePage {
  items: DeliveredArticle[]
  nextCursor: string | null
}

export async function listArticles(
  ctx: ModelContext,
  options: {
    filters: ListFilters
    limit: number
    cursor?: Cursor
    /** Read and render the bodies (feeds); lists and sitemaps show no body and skip it. */
    withBody?: boolean
  },
): Promise<ArticlePage> {
  const where = await filterWhere(ctx, options.filters)
  if (options.cursor) where.push(after(options.cursor))
  const { docs } = await ctx.payload.find({
    collection: 'articles',
    where: publishedWhere(where),
    sort: ['-publishedAt', '-id'],
    depth: 0,
    limit: options.limit + 1,
    pagination: false,
    ...(options.withBody ? {} : { select: { body: false } }),
    ...readOptions(ctx),
  })
  const page = (docs as Article[]).slice(0, options.limit)
  const last = page[page.length - 1]
  const nextCursor =
    docs.length > options.limit && last?.publishedAt
      ? encodeCursor({ publishedAt: last.publishedAt, id: String(last.id) })
      : null
  return { items: await deliverArticles(ctx, page), nextCursor }
}
