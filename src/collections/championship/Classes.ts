import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'

export const Classes: CollectionConfig = {
  slug: 'classes',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
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
