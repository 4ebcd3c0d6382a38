import type { PayloadRequest } from 'payload'

import type { Article } from '../../../payload-types'

/** The JSON error shape every route of ours answers with. */
export const errorResponse = (message: string, status: number): Response =>
  Response.json({ errors: [{ message }] }, { status })

/** The latest draft of the article in the route, if the signed-in user may read it. */
export async function draftForUser(req: PayloadRequest): Promise<Article | null> {
  return req.payload.findByID({
    collection: 'articles',
    id: req.routeParams?.id as string,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
  })
}
