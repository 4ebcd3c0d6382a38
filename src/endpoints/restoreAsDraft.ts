import { restoreVersionOperation } from 'payload'
import type { CollectionSlug, Endpoint } from 'payload'

/**
 * Replaces Payload's "restore version" route (`POST /api/<collection>/versions/:id`, also used by
 * the admin) for collections with drafts: a restored version always becomes the latest draft.
 * Payload would otherwise restore a published version as published, publishing (or re-publishing)
 * by itself; publishing stays an explicit, access-checked act.
 */
export const restoreAsDraft = (slug: CollectionSlug): Endpoint => ({
  path: '/versions/:id',
  method: 'post',
  handler: async (req) => {
    const depth = Number(req.searchParams.get('depth') ?? req.payload.config.defaultDepth)
    const doc = await restoreVersionOperation({
      id: String(req.routeParams?.id),
      collection: req.payload.collections[slug],
      depth: Number.isFinite(depth) ? depth : undefined,
      draft: true,
      req,
    })
    return Response.json({ doc, message: req.t('version:restoredSuccessfully') }, { status: 200 })
  },
})
