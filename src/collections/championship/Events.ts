import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { slug } from '../../fields/slug'

export const Events: CollectionConfig = {
  slug: 'events',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'season', 'circuit', 'raceDate'],
    group: 'Championship',
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slug('name'),
    {
      type: 'row',
      fields: [
        {
          name: 'season',
          type: 'relationship',
          relationTo: 'seasons',
          required: true,
          admin: { width: '50%' },
        },
        {
          name: 'circuit',
          type: 'relationship',
          relationTo: 'circuits',
          required: true,
          admin: { width: '50%' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'round', type: 'number', min: 1, admin: { width: '33%' } },
        {
          name: 'startDate',
          type: 'date',
          admin: { width: '33%', date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'raceDate',
          type: 'date',
          index: true,
          admin: { width: '33%', date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    { name: 'finalRound', type: 'checkbox', defaultValue: false },
  ],
}
