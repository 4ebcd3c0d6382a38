/**
 * What a webhook can subscribe to. Each is a real change in what readers see; a draft save never
 * fires one. The values are the `type` of the Standard Webhooks payload.
 */
export const WEBHOOK_EVENTS = [
  { value: 'article.published', label: 'Story published' },
  { value: 'article.updated', label: 'Published story updated' },
  { value: 'article.unpublished', label: 'Story unpublished' },
  { value: 'article.deleted', label: 'Published story deleted' },
  { value: 'article.embargo_lifted', label: 'Embargo lifted' },
  { value: 'article.scheduled_publish', label: 'Scheduled publication fired' },
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]['value']
