import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins see every account; any other signed-in user only their own. Anonymous: nothing. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user || req.user.collection !== 'users') return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
