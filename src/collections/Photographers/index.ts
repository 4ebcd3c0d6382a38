import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { slugify } from '../../fields/slugify'
import { refreshPhotoCredits } from './hooks/refreshPhotoCredits'

export const Photographers: CollectionConfig = {
  slug: 'photographers',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'agency', 'defaultCreditLine'],
    group: 'Media',
  },
  hooks: { afterChange: [refreshPhotoCredits] },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    { name: 'agency', type: 'text' },
    {
      name: 'defaultCreditLine',
      type: 'text',
      admin: { description: 'Leave empty to print "NAME / AGENCY".' },
    },
    { name: 'website', type: 'text' },
    {
      // The name folded for matching ("MICHAËL LÉVITT" finds "Michael Levitt"): credits read from files.
      name: 'nameKey',
      type: 'text',
      index: true,
      admin: { hidden: true },
      hooks: { beforeChange: [({ siblingData }) => slugify(siblingData.name)] },
    },
  ],
}
