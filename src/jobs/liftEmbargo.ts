import type { TaskConfig } from 'payload'

import { contentEvents } from '../events'
import { queueWebhookDeliveries } from '../webhooks/dispatch'

/**
 * Runs at an article's embargo time (queued with `waitUntil`). The story is already visible by
 * then; this announces it, once, and only if the embargo it was queued for still stands:
 * `article.embargo_lifted`, then `article.published`, since the public can read it from now on
 * (it fired `article.embargoed` when it was published).
 */
export const liftEmbargo: TaskConfig<'liftEmbargo'> = {
  slug: 'liftEmbargo',
  retries: 3,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'embargoUntil', type: 'date', required: true },
  ],
  outputSchema: [{ name: 'lifted', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { docs } = await req.payload.find({
      collection: 'articles',
      where: { id: { equals: input.id } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const article = docs[0]
    const stands =
      article?._status === 'published' &&
      !!article.embargoUntil &&
      Date.parse(article.embargoUntil) === Date.parse(input.embargoUntil) &&
      Date.parse(article.embargoUntil) <= Date.now()
    if (stands) {
      contentEvents.emit('embargo.lifted', {
        collection: 'articles',
        id: article.id,
        embargoUntil: article.embargoUntil!,
      })
      await queueWebhookDeliveries(req, 'article.embargo_lifted', article)
      await queueWebhookDeliveries(req, 'article.published', article)
    }
    return { output: { lifted: stands } }
  },
}
