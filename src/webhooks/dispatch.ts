import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { env } from '../config/env'
import { webhookPayload } from './articleEvents'
import type { ArticleSummary } from './articleEvents'
import type { WebhookBody } from './articleEvents'
import type { WebhookEventType } from './eventTypes'

/** The delivery task's slug (src/jobs/deliverWebhook.ts). */
export const DELIVER_WEBHOOK = 'deliverWebhook' as const

/**
 * Writes one pending delivery per active webhook subscribed to the event and queues its job, both
 * with `req`: in the same transaction as the change itself, so a change that is stored always has
 * its deliveries stored too, and a restart loses neither. Returns the deliveries' IDs.
 */
export async function queueWebhookDeliveries(
  req: PayloadRequest,
  type: WebhookEventType,
  article: ArticleSummary,
): Promise<(number | string)[]> {
  return queueWebhookEvent(req, type, () =>
    webhookPayload(type, article, { serverUrl: env().serverUrl, storyUrl: env().storyUrl }),
  )
}

/**
 * The same for any event: `body` builds the Standard Webhooks body (`type`, `timestamp`,
 * `data`), only when some webhook wants the event.
 */
export async function queueWebhookEvent(
  req: PayloadRequest,
  type: WebhookEventType,
  body: () => WebhookBody,
): Promise<(number | string)[]> {
  const { docs: webhooks } = await req.payload.find({
    collection: 'webhooks',
    where: { and: [{ active: { equals: true } }, { events: { in: [type] } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (webhooks.length === 0) return []
  const payload = body()
  const queued: (number | string)[] = []
  for (const webhook of webhooks) {
    const delivery = await req.payload.create({
      collection: 'webhook-deliveries',
      data: {
        webhook: webhook.id,
        event: type,
        messageId: `msg_${randomUUID()}`,
        payload: payload as unknown as Record<string, unknown>,
        status: 'pending',
        attempts: 0,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({
      task: DELIVER_WEBHOOK,
      input: { delivery: String(delivery.id) },
      req,
    })
    queued.push(delivery.id)
  }
  return queued
}
