import type { RelationshipField } from 'payload'

import { isStaffUser } from '../access/roles'

/**
 * Who saved this state of the document: the signed-in staff member, or nobody for the system (a
 * scheduled publication, an embargo job). Stored in every version, so the versions list can say
 * who made each. Readers and API clients never see it.
 */
export const updatedBy = (): RelationshipField => ({
  name: 'updatedBy',
  type: 'relationship',
  relationTo: 'users',
  access: { read: ({ req }) => isStaffUser(req.user) },
  admin: { position: 'sidebar', readOnly: true, description: 'Who saved this version.' },
  hooks: {
    beforeChange: [({ req }) => (isStaffUser(req.user) ? req.user!.id : null)],
  },
})
