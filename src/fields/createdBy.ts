import type { RelationshipField } from 'payload'

/** Who created the document; set once from the signed-in staff member, never edited. */
export const createdBy = (): RelationshipField => ({
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  access: { update: () => false },
  admin: { position: 'sidebar', readOnly: true },
  hooks: {
    beforeChange: [
      ({ operation, req, value }) =>
        operation === 'create' && req.user?.collection === 'users' ? req.user.id : value,
    ],
  },
})
