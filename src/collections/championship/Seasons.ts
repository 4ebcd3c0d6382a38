import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import type { Season } from '../../payload-types'
import { incoming, relatedName } from '../labels'

const nameSeason: CollectionBeforeChangeHook<Season> = async ({ data, originalDoc, req }) => {
  const series = await relatedName(req, 'series', incoming(data, originalDoc, 'series'))
  const year = incoming(data, originalDoc, 'year')
  return { ...data, name: [year, series].filter(Boolean).join(' ') }
}

export const Seasons: CollectionConfig = {
  slug: 'seasons',
  access: referenceAccess,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'series', 'year'], group: 'Championship' },
  hooks: { beforeChange: [nameSeason] },
  fields: [
    { name: 'series', type: 'relationship', relationTo: 'series', required: true },
    { name: 'year', type: 'number', required: true, min: 1894, max: 2100, index: true },
    {
      name: 'name',
      type: 'text',
      admin: { readOnly: true, description: 'Year and series, set on save.' },
    },
  ],
}
