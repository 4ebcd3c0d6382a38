import { localization } from '../localization'

/** A reader's mistake: a 4xx with a message that names the parameter. */
export class DeliveryError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 406,
    message: string,
    readonly parameter?: string,
  ) {
    super(message)
    this.name = 'DeliveryError'
  }
}

type Query = Record<string, unknown>

export const LOCALES: readonly string[] = localization.locales.map((locale) =>
  typeof locale === 'string' ? locale : locale.code,
)
export const DEFAULT_LOCALE = 'en'
export const MAX_LIMIT = 100
export const FEED_SIZE = 50

export interface ListFilters {
  series?: string
  season?: number
  event?: string
  team?: string
  driver?: string
  tag?: string
  from?: string
  to?: string
}

export interface ListQuery {
  locale: string
  limit: number
  cursor?: Cursor
  filters: ListFilters
}

export interface Cursor {
  /** publishedAt of the last item on the previous page. */
  publishedAt: string
  id: string
}

function single(query: Query, name: string): string | undefined {
  const value = query[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string')
    throw new DeliveryError(400, `"${name}" must be given once, as a plain value`, name)
  return value
}

export function parseLocale(query: Query): string {
  const locale = single(query, 'locale') ?? DEFAULT_LOCALE
  if (!LOCALES.includes(locale))
    throw new DeliveryError(
      400,
      `Unknown locale "${locale}"; available: ${LOCALES.join(', ')}`,
      'locale',
    )
  return locale
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/

function parseSlugParam(query: Query, name: string): string | undefined {
  const value = single(query, name)
  if (value === undefined) return undefined
  if (!SLUG.test(value))
    throw new DeliveryError(
      400,
      `"${name}" must be a slug (lower-case letters, digits, dashes)`,
      name,
    )
  return value
}

function parseDateParam(query: Query, name: string): string | undefined {
  const value = single(query, name)
  if (value === undefined) return undefined
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value)
    ? Date.parse(value)
    : NaN
  if (Number.isNaN(time))
    throw new DeliveryError(
      400,
      `"${name}" must be a date (YYYY-MM-DD) or an ISO 8601 date-time, got "${value}"`,
      name,
    )
  return new Date(time).toISOString()
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt, cursor.id])).toString('base64url')
}

export function decodeCursor(value: string): Cursor {
  const invalid = () =>
    new DeliveryError(
      400,
      '"cursor" is not a cursor this API gave out; start again without it',
      'cursor',
    )
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    Number.isNaN(Date.parse(parsed[0])) ||
    typeof parsed[1] !== 'string' ||
    !/^[A-Za-z0-9_-]{1,64}$/.test(parsed[1])
  )
    throw invalid()
  return { publishedAt: new Date(parsed[0]).toISOString(), id: parsed[1] }
}

export function parseFilters(query: Query): ListFilters {
  const filters: ListFilters = {
    series: parseSlugParam(query, 'series'),
    event: parseSlugParam(query, 'event'),
    team: parseSlugParam(query, 'team'),
    driver: parseSlugParam(query, 'driver'),
    from: parseDateParam(query, 'from'),
    to: parseDateParam(query, 'to'),
  }
  const season = single(query, 'season')
  if (season !== undefined) {
    if (!/^\d{4}$/.test(season))
      throw new DeliveryError(400, `"season" must be a year, e.g. 2023, got "${season}"`, 'season')
    filters.season = Number(season)
  }
  const tag = single(query, 'tag')
  if (tag !== undefined) {
    if (!tag.trim() || tag.length > 100)
      throw new DeliveryError(400, '"tag" must be 1 to 100 characters', 'tag')
    filters.tag = tag
  }
  if (filters.from && filters.to && filters.from > filters.to)
    throw new DeliveryError(400, '"from" must not be after "to"', 'from')
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as ListFilters
}

/*
 * Parameters a route does not take are ignored, never refused and never part of the cache key:
 * aggregators, social tools and CDNs add tracking and cache-busting parameters (utm_source,
 * fbclid, _=1700000000) that must neither break a feed nor fill the cache. A known parameter
 * with a malformed value is still a 400 naming it.
 */

export function parseListQuery(query: Query): ListQuery {
  const limitValue = single(query, 'limit')
  let limit = 20
  if (limitValue !== undefined) {
    if (!/^\d+$/.test(limitValue) || Number(limitValue) < 1 || Number(limitValue) > MAX_LIMIT)
      throw new DeliveryError(
        400,
        `"limit" must be a whole number from 1 to ${MAX_LIMIT}, got "${limitValue}"`,
        'limit',
      )
    limit = Number(limitValue)
  }
  const cursor = single(query, 'cursor')
  return {
    locale: parseLocale(query),
    limit,
    cursor: cursor === undefined ? undefined : decodeCursor(cursor),
    filters: parseFilters(query),
  }
}

/** Feeds take the list filters and a locale; always the latest FEED_SIZE stories. */
export function parseFeedQuery(query: Query): { locale: string; filters: ListFilters } {
  return { locale: parseLocale(query), filters: parseFilters(query) }
}

export function parseArticleQuery(query: Query): { locale: string } {
  return { locale: parseLocale(query) }
}

export function parseSlug(value: string): string {
  if (!SLUG.test(value)) throw new DeliveryError(404, `No published story with slug "${value}"`)
  return value
}
