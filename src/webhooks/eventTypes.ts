/**
 * What a webhook can subscribe to. Each is a real change in what readers see; a draft save never
 * fires one. The values are the `type` of the Standard Webhooks payload: an outward contract, so a
 * name never changes meaning; a new kind of change gets a new name.
 *
 * `article.published` means the public can read the story now: a story published under embargo
 * fires `article.embargoed` (trusted clients can read it) and `article.published` at the lift.
 *
 * `cache.purge` names the cache keys (src/publishing/keys.ts) of every change readers can see, of
 * any story or document, for a CDN to purge by Surrogate-Key or Cache-Tag.
 */
export const WEBHOOK_EVENTS = [
  { value: 'article.published', label: 'Story readable by the public' },
  { value: 'article.embargoed', label: 'Story published under embargo (trusted clients only)' },
  { value: 'article.updated', label: 'Published story updated' },
  { value: 'article.unpublished', label: 'Story unpublished' },
  { value: 'article.deleted', label: 'Published story deleted' },
  { value: 'article.embargo_lifted', label: 'Embargo lifted' },
  { value: 'article.scheduled_publish', label: 'Scheduled publication fired' },
  { value: 'cache.purge', label: 'Cache keys to purge (for a CDN)' },
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]['value']
