import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { refreshPhotoCredits } from './hooks/refreshPhotoCredits'

export const Photographers: CollectionConfig = {
  slug: 'photographers',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
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
  ],
}
