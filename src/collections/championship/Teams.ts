import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { country } from '../../fields/country'
import { slug } from '../../fields/slug'

export const Teams: CollectionConfig = {
  slug: 'teams',
  access: referenceAccess,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'country'], group: 'Championship' },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    slug('name'),
    country('country'),
    { name: 'website', type: 'text' },
  ],
}
