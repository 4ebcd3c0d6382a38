import { isDeepStrictEqual } from 'node:util'

import { articlePath } from '../delivery/paths'
import type { PublicationState } from '../publishing/state'
import type { WebhookEventType } from './eventTypes'

export type { PublicationState }

/** Fields every save rewrites without changing anything a reader sees. */
const BOOKKEEPING = new Set(['updatedAt'])

const readerVisible = (content: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(content ?? {}).filter(([key]) => !BOOKKEEPING.has(key)))

/** Whether an embargo time still stands at `now`. */
export const embargoStands = (embargoUntil: unknown, now: Date): boolean =>
  typeof embargoUntil === 'string' && Date.parse(embargoUntil) > now.getTime()

/**
 * The events one change of a story fires, decided from its published state before and after
 * (`null` after: deleted) and whether an embargo stands after it. `article.published` fires when
 * the public can read the story: a story published (or republished) under an embargo fires
 * `article.embargoed` instead, and `article.published` comes with `article.embargo_lifted` at
 * the lift (src/jobs/liftEmbargo.ts), or at once when an editor clears the embargo. A scheduled
 * publication also fires `article.scheduled_publish`, first. A republish that changes nothing
 * but bookkeeping fires nothing.
 */
export function articleEvents(
  before: PublicationState | null,
  after: PublicationState | null,
  { scheduled = false, embargoed = false, now = new Date() } = {},
): WebhookEventType[] {
  const was = before?.published ?? false
  if (after === null) return was ? ['article.deleted'] : []
  const scheduledFirst = (type: WebhookEventType): WebhookEventType[] =>
    scheduled ? ['article.scheduled_publish', type] : [type]
  if (!was && after.published)
    return scheduledFirst(embargoed ? 'article.embargoed' : 'article.published')
  if (was && !after.published) return ['article.unpublished']
  if (was && after.published) {
    const same = isDeepStrictEqual(readerVisible(before?.content), readerVisible(after.content))
    if (same) return []
    if (embargoed) return ['article.embargoed']
    const wasEmbargoed = embargoStands(before?.content?.embargoUntil, now)
    return [wasEmbargoed ? 'article.published' : 'article.updated']
  }
  return []
}

export interface ArticleSummary {
  id: number | string
  publicId?: string | null
  slug?: string | null
  title?: string | null
  publishedAt?: string | null
  embargoUntil?: string | null
}

/** Any event's Standard Webhooks body. */
export interface WebhookBody {
  type: WebhookEventType
  timestamp: string
  data: Record<string, unknown>
}

export interface WebhookPayload {
  type: WebhookEventType
  timestamp: string
  data: {
    id: string
    /** The story's permanent identity (src/fields/publicId.ts): name it by this, not `id`. */
    publicId: string
    slug: string | null
    title: string | null
    publishedAt: string | null
    embargoUntil?: string
    url: string | null
    api: string | null
  }
}

/**
 * The Standard Webhooks body: `type`, `timestamp` (when the change happened) and `data`. IDs are
 * strings whatever the database (as in the delivery API); the story's public address is built from
 * STORY_URL as everywhere else, and `api` is where its delivery JSON lives. `embargoUntil` is there
 * only while the embargo stands.
 */
export function webhookPayload(
  type: WebhookEventType,
  article: ArticleSummary,
  { serverUrl, storyUrl, now = new Date() }: { serverUrl: string; storyUrl: string; now?: Date },
): WebhookPayload {
  const slug = article.slug ?? null
  return {
    type,
    timestamp: now.toISOString(),
    data: {
      id: String(article.id),
      // A MongoDB story stored before publicId existed: its ObjectId is never reused either.
      publicId: article.publicId ?? String(article.id),
      slug,
      title: article.title ?? null,
      publishedAt: article.publishedAt ?? null,
      ...(embargoStands(article.embargoUntil, now) ? { embargoUntil: article.embargoUntil! } : {}),
      url: slug ? storyUrl.replace('{slug}', encodeURIComponent(slug)) : null,
      api: slug ? `${serverUrl}${articlePath(slug)}` : null,
    },
  }
}
