import type { TaskConfig } from 'payload'

import { contentEvents } from '../events'
import { ALL_LIST_KEYS, documentKey, storyKey } from '../publishing/keys'
import { queueCachePurge } from '../publishing/webhooks'
import { queueWebhookDeliveries } from '../webhooks/dispatch'

/**
 * Runs at an article's embargo time (queued with `waitUntil`). The story is already visible by
 * then; this announces it, once, and only if the embargo it was queued for still stands:
 * `article.embargo_lifted`, then `article.published`, since the public can read it from now on
 * (it fired `article.embargoed` when it was published). A CDN is told to purge the story and the
 * lists with `cache.purge` (each instance's own cache drops them at the time, src/publishing/embargoes.ts).
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
      const publicId = article.publicId ?? String(article.id)
      await queueCachePurge(
        req,
        [storyKey(publicId), documentKey('articles', article.id), ...ALL_LIST_KEYS],
        [publicId],
      )
    }
    return { output: { lifted: stands } }
  },
}
