import type { Access } from 'payload'

import { isStaffUser } from './roles'

/** Staff read every version; everyone else only documents whose current state is published. */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return { _status: { equals: 'published' } }
}
