import type { CollectionSlug } from 'payload'

import { readOptions } from './model'
import type { ModelContext } from './model'
import { DeliveryError, encodeCursor } from './query'
import type { Cursor, ListFilters } from './query'
import type { DeliveredArticle } from './types'
import { filterToken, storeFor } from './store'

/** A 400 naming the parameter unless something has the slug. */
async function mustExist(
  ctx: ModelContext,
  collection: CollectionSlug,
  slug: string,
  parameter: string,
): Promise<void> {
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
}

export interface ArticlePage {
  items: DeliveredArticle[]
  nextCursor: string | null
}

/**
 * The filters as tokens of the stored views' `filters` (src/delivery/store/render.ts), each slug
 * first checked to name something, with the same 400 as the Local API path.
 */
async function filterTokens(ctx: ModelContext, filters: ListFilters): Promise<string[]> {
  const tokens: string[] = []
  const slug = async (collection: CollectionSlug, name: 'series' | 'event' | 'team' | 'driver') => {
    const value = filters[name]
    if (!value) return
    await mustExist(ctx, collection, value, name)
    tokens.push(filterToken(name, value))
  }
  await slug('series', 'series')
  await slug('events', 'event')
  await slug('teams', 'team')
  await slug('people', 'driver')
  if (filters.season) {
    const { totalDocs } = await ctx.payload.count({
      collection: 'seasons',
      where: { year: { equals: filters.season } },
      ...readOptions(ctx),
    })
    if (!totalDocs)
      throw new DeliveryError(400, `"season": no season in ${filters.season}`, 'season')
    tokens.push(filterToken('season', filters.season))
  }
  if (filters.tag) tokens.push(filterToken('tag', filters.tag))
  return tokens
}

/**
 * A page of published stories, newest first, from the stored views: one indexed query, no
 * Local API read of the stories. Stored views carry the body: feeds and lists read the same rows.
 */
export async function listArticles(
  ctx: ModelContext,
  options: {
    filters: ListFilters
    limit: number
    cursor?: Cursor
  },
): Promise<ArticlePage> {
  const { items } = await storeFor(ctx.payload).list({
    locale: ctx.locale,
    audience: ctx.reader.audience,
    tokens: await filterTokens(ctx, options.filters),
    limit: options.limit + 1,
    before: options.cursor,
    from: options.filters.from,
    to: options.filters.to,
  })
  const page = items.slice(0, options.limit)
  const last = page[page.length - 1]
  const nextCursor =
    items.length > options.limit && last
      ? encodeCursor({ publishedAt: last.publishedAt, id: last.id })
      : null
  return { items: page, nextCursor }
}
