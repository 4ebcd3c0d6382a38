import type { Request } from 'express'

import { classificationOrder } from '../blocks/ResultsTable/selection'
import { normaliseSession, unknownSession } from '../content/sessions'
import { event, readOptions, sessionResults } from './model'
import type { ModelContext } from './model'
import { DeliveryError, parseLocale } from './query'
import type { DeliveredEventResults } from './types'

export interface EventResultsQuery {
  slug: string
  locale: string
  /** Normalised: "race", "qualifying 2"… */
  session: string
  /** A class name as readers write it ("GTP", "gtd pro"); absent: overall. */
  className?: string
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/
const CLASS_NAME = /^[\p{L}\p{N}][\p{L}\p{N} +&./-]{0,49}$/u

function single(query: Request['query'], name: string): string | undefined {
  const value = query[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string')
    throw new DeliveryError(400, `"${name}" must be given once, as a plain value`, name)
  return value
}

/** The event, session and class a request names, validated before anything is read. */
export function parseEventResultsQuery(req: Request): EventResultsQuery {
  const slug = String(req.params.slug)
  if (!SLUG.test(slug)) throw new DeliveryError(404, `No event with slug "${slug}"`)
  const locale = parseLocale(req.query)
  const sessionValue = single(req.query, 'session') ?? 'race'
  const session = normaliseSession(sessionValue)
  if (!session) throw new DeliveryError(400, unknownSession(sessionValue), 'session')
  const classValue = single(req.query, 'class')
  if (classValue !== undefined && !CLASS_NAME.test(classValue.trim()))
    throw new DeliveryError(
      400,
      '"class" must be a class name of 1 to 50 letters, digits and spaces, e.g. GTP',
      'class',
    )
  const className = classValue?.trim().replace(/\s+/g, ' ')
  return { slug, locale, session, ...(className ? { className } : {}) }
}

/**
 * One session's results at an event, overall or in one class, as the reader may see them: only
 * published results whose embargo has lifted (trusted clients also see embargoed ones).
 */
export async function findEventResults(
  ctx: ModelContext,
  query: EventResultsQuery,
): Promise<DeliveredEventResults> {
  const { docs } = await ctx.payload.find({
    collection: 'events',
    where: { slug: { equals: query.slug } },
    depth: 1,
    limit: 1,
    pagination: false,
    ...readOptions(ctx),
  })
  const found = event(docs[0] as never, ctx.serverUrl)
  if (!found) throw new DeliveryError(404, `No event with slug "${query.slug}"`)
  const overall = await sessionResults(ctx, { event: found.id, session: query.session })
  if (!query.className)
    return {
      event: found,
      session: query.session,
      class: null,
      locale: ctx.locale,
      results: overall,
    }
  const wanted = query.className.toLowerCase()
  const inClass = overall.filter((result) => result.class?.name.toLowerCase() === wanted)
  if (!inClass.length && overall.length) {
    const classes = [...new Set(overall.flatMap((result) => result.class?.name ?? []))]
    throw new DeliveryError(
      400,
      `No class "${query.className}" in the ${query.session} results of this event; classes: ${classes.join(', ') || 'none'}`,
      'class',
    )
  }
  return {
    event: found,
    session: query.session,
    class: inClass[0]?.class ?? null,
    locale: ctx.locale,
    results: classificationOrder(inClass, true),
  }
}
