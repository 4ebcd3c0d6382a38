import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { country } from '../../fields/country'
import { slug } from '../../fields/slug'

export const Circuits: CollectionConfig = {
  slug: 'circuits',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'locality', 'country'],
    group: 'Championship',
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slug('name'),
    {
      type: 'row',
      fields: [
        {
          name: 'locality',
          type: 'text',
          admin: { width: '50%', description: 'Town, e.g. "Braselton"' },
        },
        {
          name: 'region',
          type: 'text',
          admin: { width: '50%', description: 'State or region, e.g. "Georgia"' },
        },
      ],
    },
    country('country'),
    { name: 'lengthKm', type: 'number', min: 0, admin: { step: 0.001 } },
    { name: 'website', type: 'text' },
  ],
}
