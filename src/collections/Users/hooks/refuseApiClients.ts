import { Forbidden } from 'payload'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * API clients read; they never write. Access control covers every write but these account
 * operations, which Payload runs without asking it.
 */
export const refuseApiClients: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const accountWrite = operation === 'forgotPassword' || operation === 'resetPassword'
  if (accountWrite && req.user?.collection === 'api-clients') throw new Forbidden(req.t)
  return args
}
