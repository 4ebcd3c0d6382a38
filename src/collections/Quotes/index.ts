import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { labelQuote } from './hooks/labelQuote'

export const Quotes: CollectionConfig = {
  slug: 'quotes',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'speaker', 'role', 'organisation'],
    group: 'Content',
  },
  hooks: { beforeChange: [labelQuote] },
  fields: [
    { name: 'text', type: 'textarea', required: true, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'speaker',
          type: 'relationship',
          relationTo: 'people',
          required: true,
          admin: { width: '50%' },
        },
        {
          name: 'role',
          type: 'text',
          admin: {
            width: '50%',
            description: 'Title at the time, e.g. "Vice president, Global Cadillac"',
          },
        },
      ],
    },
    { name: 'organisation', type: 'text' },
    { name: 'event', type: 'relationship', relationTo: 'events' },
    {
      name: 'label',
      type: 'text',
      localized: true,
      admin: { readOnly: true, description: 'Quote, speaker and role, set on save.' },
    },
    {
      name: 'sourceArticle',
      type: 'relationship',
      relationTo: 'articles',
      admin: { description: 'Where the quote was first published.' },
    },
  ],
}
