import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import type { Entry } from '../../payload-types'
import { incoming, relatedName } from '../labels'

export const entryLabel = (carNumber: unknown, entryName?: string, model?: string): string =>
  [`#${carNumber}`, entryName, model && `(${model})`].filter(Boolean).join(' ')

const labelEntry: CollectionBeforeChangeHook<Entry> = async ({ data, originalDoc, req }) => {
  const team = await relatedName(req, 'teams', incoming(data, originalDoc, 'team'))
  const entryName = (incoming(data, originalDoc, 'entryName') as string | undefined) || team
  const model = incoming(data, originalDoc, 'model') as string | undefined
  return { ...data, label: entryLabel(incoming(data, originalDoc, 'carNumber'), entryName, model) }
}

export const Entries: CollectionConfig = {
  slug: 'entries',
  access: referenceAccess,
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'season', 'class', 'team'],
    description: 'A car in a season: its number, who runs it, what it is and who drives it.',
    group: 'Championship',
  },
  hooks: { beforeChange: [labelEntry] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'carNumber',
          type: 'text',
          required: true,
          index: true,
          admin: { width: '25%', description: 'As painted: "31", "01", "7A"' },
          validate: (value: string | null | undefined) =>
            (typeof value === 'string' && /^[0-9A-Za-z]{1,4}$/.test(value)) ||
            'A car number is 1 to 4 letters or digits, without "#"',
        },
        {
          name: 'entryName',
          type: 'text',
          admin: { width: '75%', description: 'Entered as, e.g. "Whelen Engineering Racing"' },
        },
      ],
    },
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
        { name: 'class', type: 'relationship', relationTo: 'classes', admin: { width: '50%' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'team',
          type: 'relationship',
          relationTo: 'teams',
          required: true,
          admin: { width: '50%', description: 'The team that runs the car' },
        },
        {
          name: 'manufacturer',
          type: 'relationship',
          relationTo: 'manufacturers',
          admin: { width: '50%' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'model',
          type: 'text',
          admin: { width: '50%', description: 'e.g. "Cadillac V-Series.R"' },
        },
        {
          name: 'chassisConstructor',
          type: 'relationship',
          relationTo: 'manufacturers',
          admin: { width: '50%' },
        },
      ],
    },
    {
      name: 'modelAliases',
      type: 'text',
      hasMany: true,
      admin: { description: 'Other names the car goes by, e.g. "Cadillac V-LMDh"' },
    },
    { name: 'drivers', type: 'relationship', relationTo: 'people', hasMany: true },
    { name: 'label', type: 'text', admin: { readOnly: true, description: 'Set on save.' } },
  ],
}
