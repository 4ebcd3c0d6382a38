import type { PayloadRequest, TaskConfig } from 'payload'

import { env } from '../config/env'
import type { Webhook, WebhookDelivery } from '../payload-types'
import { ForbiddenAddressError } from '../webhooks/addresses'
import { DELIVER_WEBHOOK } from '../webhooks/dispatch'
import { postSigned } from '../webhooks/send'

const settings = env().webhooks

/** An error for the log row: one line, no stack, bounded. */
const shortError = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300)

async function record(
  req: PayloadRequest,
  delivery: WebhookDelivery,
  data: Partial<Omit<WebhookDelivery, 'id' | 'webhook'>>,
): Promise<void> {
  await req.payload.update({
    collection: 'webhook-deliveries',
    id: delivery.id,
    data,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/**
 * Sends one webhook delivery (a row of the delivery log, written with the change that caused it)
 * and records each attempt on that row. A 2xx answer delivers it; any other answer, a timeout or
 * a network error throws, so the queue retries it with exponential backoff (WEBHOOK_ATTEMPTS in
 * all, the first after WEBHOOK_RETRY_DELAY_MS); the last failure marks it failed. An address the
 * SSRF guard refuses, or a webhook deleted or switched off meanwhile, fails it at once: retrying
 * would not help.
 */
export const deliverWebhook: TaskConfig<'deliverWebhook'> = {
  slug: DELIVER_WEBHOOK,
  retries: {
    attempts: settings.attempts - 1,
    backoff: { type: 'exponential', delay: settings.retryDelayMs },
  },
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const { docs } = await req.payload.find({
      collection: 'webhook-deliveries',
      where: { id: { equals: input.delivery } },
      depth: 1,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const delivery = docs[0]
    // Deleted from the log, or delivered by an earlier run whose job record was not updated.
    if (!delivery || delivery.status === 'delivered') return { output: { outcome: 'skipped' } }
    const webhook = typeof delivery.webhook === 'object' ? (delivery.webhook as Webhook) : null
    if (!webhook || webhook.active === false || !webhook.secret) {
      await record(req, delivery, {
        status: 'failed',
        lastError: webhook ? 'the webhook was switched off' : 'the webhook was deleted',
      })
      return { output: { outcome: 'failed' } }
    }

    const attempts = (delivery.attempts ?? 0) + 1
    const attempt = { attempts, lastAttemptAt: new Date().toISOString() }
    const last = attempts >= settings.attempts
    let status: number
    try {
      status = await postSigned({
        url: webhook.url,
        secret: webhook.secret,
        messageId: delivery.messageId,
        body: JSON.stringify(delivery.payload),
        timeoutMs: settings.timeoutMs,
        allowPrivateNetworks: settings.allowPrivateNetworks,
      })
    } catch (error) {
      const refused = error instanceof ForbiddenAddressError
      const lastError = refused ? `refused: ${error.message}` : shortError(error)
      await record(req, delivery, {
        ...attempt,
        status: refused || last ? 'failed' : 'retrying',
        responseStatus: null,
        lastError,
      })
      if (refused) return { output: { outcome: 'failed' } }
      throw new Error(lastError, { cause: error })
    }

    if (status >= 200 && status < 300) {
      await record(req, delivery, {
        ...attempt,
        status: 'delivered',
        responseStatus: status,
        lastError: null,
        deliveredAt: new Date().toISOString(),
      })
      return { output: { outcome: 'delivered' } }
    }
    const lastError = `the receiver answered HTTP ${status}`
    await record(req, delivery, {
      ...attempt,
      status: last ? 'failed' : 'retrying',
      responseStatus: status,
      lastError,
    })
    throw new Error(lastError)
  },
}
