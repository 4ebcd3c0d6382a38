import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { country } from '../../fields/country'
import { slug } from '../../fields/slug'

export const Teams: CollectionConfig = {
  slug: 'teams',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'country'], group: 'Championship' },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    slug('name'),
    country('country'),
    { name: 'website', type: 'text' },
  ],
}
