import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'

export const Classes: CollectionConfig = {
  slug: 'classes',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'series', 'description'],
    group: 'Championship',
  },
  labels: { singular: 'Class', plural: 'Classes' },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'e.g. "GTP", "LMP2", "GTD Pro"' },
    },
    { name: 'series', type: 'relationship', relationTo: 'series' },
    { name: 'description', type: 'text' },
  ],
}
