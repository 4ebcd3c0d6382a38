import { APIError } from 'payload'
import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import type { User } from '../../../payload-types'

async function otherAdmins(req: PayloadRequest, id: number | string): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: { and: [{ roles: { contains: 'admin' } }, { id: { not_equals: id } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

/** The newsroom can never lock itself out: the last admin keeps the role. */
export const keepLastAdmin: CollectionBeforeChangeHook<User> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.roles?.includes('admin')) return data
  if (!data.roles || data.roles.includes('admin')) return data
  if ((await otherAdmins(req, originalDoc.id)) === 0) {
    throw new APIError(
      'The last admin cannot lose the admin role; make another user admin first',
      400,
      undefined,
      true,
    )
  }
  return data
}

export const refuseDeletingLastAdmin: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (user?.roles?.includes('admin') && (await otherAdmins(req, id)) === 0) {
    throw new APIError(
      'The last admin cannot be deleted; make another user admin first',
      400,
      undefined,
      true,
    )
  }
}
