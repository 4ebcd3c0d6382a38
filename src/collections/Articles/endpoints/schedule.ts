import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../access/roles'
import { draftForUser, errorResponse } from './shared'

/**
 * Editors: schedule a publish or unpublish through the API, on the same jobs queue as the admin's
 * "Schedule publish" (Payload's schedulePublish task), with the scheduling editor's permissions.
 */
export const scheduleEndpoint: Endpoint = {
  path: '/:id/schedule',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!hasRole(req.user, 'editor'))
      return errorResponse('Only editors can schedule publishing', 403)
    const id = req.routeParams?.id as string
    const body = (await req.json?.().catch(() => undefined)) as
      { action?: unknown; at?: unknown } | undefined
    const action = body?.action
    if (action !== 'publish' && action !== 'unpublish')
      return errorResponse('"action" must be "publish" or "unpublish"', 400)
    const at = typeof body?.at === 'string' ? new Date(body.at) : undefined
    if (!at || Number.isNaN(at.getTime()))
      return errorResponse('"at" must be an ISO 8601 date-time, e.g. 2026-05-01T18:00:00Z', 400)
    if (at.getTime() <= Date.now())
      return errorResponse(`"at" must be in the future, got ${at.toISOString()}`, 400)
    const article = await draftForUser(req)
    if (!article) return errorResponse(`No article with ID ${id}`, 404)
    const job = await req.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: action,
        doc: { relationTo: 'articles', value: article.id },
        user: { relationTo: 'users', value: req.user!.id },
      },
      waitUntil: at,
      req,
    })
    return Response.json(
      { id: job.id, action, at: at.toISOString(), article: article.id },
      { status: 201 },
    )
  },
}
