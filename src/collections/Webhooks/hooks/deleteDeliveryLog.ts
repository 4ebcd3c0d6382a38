import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A delivery row requires its webhook (and the database sets the reference to null on delete,
 * which that requirement refuses), so a webhook's log goes with it. Queued jobs for those rows
 * then find nothing to send and end quietly.
 */
export const deleteDeliveryLog: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'webhook-deliveries',
    where: { webhook: { equals: id } },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
