import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../access/content'
import { country } from '../fields/country'
import { slug } from '../fields/slug'

export const PERSON_KINDS = [
  'driver',
  'executive',
  'team-staff',
  'engineer',
  'official',
  'journalist',
  'other',
] as const

export const People: CollectionConfig = {
  slug: 'people',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'nationality', 'organisation'],
    group: 'Championship',
  },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    slug('name'),
    {
      type: 'row',
      fields: [
        country('nationality'),
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'other',
          options: PERSON_KINDS.map((value) => ({ label: value.replace('-', ' '), value })),
          admin: { width: '50%' },
        },
      ],
    },
    {
      name: 'organisation',
      type: 'text',
      admin: { description: 'Current employer or team, e.g. "Cadillac", "Action Express Racing".' },
    },
  ],
}
