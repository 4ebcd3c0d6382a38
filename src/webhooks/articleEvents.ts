import { isDeepStrictEqual } from 'node:util'

import type { PublicationState } from '../collections/publicationState'
import type { WebhookEventType } from './eventTypes'

export type { PublicationState }

/** Fields every save rewrites without changing anything a reader sees. */
const BOOKKEEPING = new Set(['updatedAt'])

const readerVisible = (content: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(content ?? {}).filter(([key]) => !BOOKKEEPING.has(key)))

/**
 * The events one change of a story fires, decided from its published state before and after
 * (`null` after: deleted). A scheduled publication fires `article.scheduled_publish` and also
 * `article.published`, so a receiver that only wants publications never misses the scheduled
 * ones. A republish that changes nothing but bookkeeping fires nothing.
 */
export function articleEvents(
  before: PublicationState | null,
  after: PublicationState | null,
  { scheduled = false } = {},
): WebhookEventType[] {
  const was = before?.published ?? false
  if (after === null) return was ? ['article.deleted'] : []
  if (!was && after.published)
    return scheduled ? ['article.scheduled_publish', 'article.published'] : ['article.published']
  if (was && !after.published) return ['article.unpublished']
  if (was && after.published) {
    const same = isDeepStrictEqual(readerVisible(before?.content), readerVisible(after.content))
    return same ? [] : ['article.updated']
  }
  return []
}

export interface ArticleSummary {
  id: number | string
  slug?: string | null
  title?: string | null
  publishedAt?: string | null
  embargoUntil?: string | null
}

export interface WebhookPayload {
  type: WebhookEventType
  timestamp: string
  data: {
    id: string
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
 * STORY_URL as everywhere else, and `api` is where its delivery JSON lives.
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
      slug,
      title: article.title ?? null,
      publishedAt: article.publishedAt ?? null,
      ...(article.embargoUntil ? { embargoUntil: article.embargoUntil } : {}),
      url: slug ? storyUrl.replace('{slug}', encodeURIComponent(slug)) : null,
      api: slug ? `${serverUrl}/content/v1/articles/${encodeURIComponent(slug)}` : null,
    },
  }
}
