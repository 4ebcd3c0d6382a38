import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { country } from '../../fields/country'
import { slug } from '../../fields/slug'

export const MANUFACTURER_ROLES = [
  'manufacturer',
  'chassis-constructor',
  'engine-supplier',
  'tyre-supplier',
] as const

export const Manufacturers: CollectionConfig = {
  slug: 'manufacturers',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'roles', 'parentCompany', 'country'],
    group: 'Championship',
  },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    slug('name'),
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      defaultValue: ['manufacturer'],
      options: MANUFACTURER_ROLES.map((value) => ({ label: value.replace('-', ' '), value })),
    },
    {
      name: 'parentCompany',
      type: 'text',
      admin: { description: 'e.g. "General Motors" for Cadillac' },
    },
    {
      type: 'row',
      fields: [country('country'), { name: 'region', type: 'text', admin: { width: '50%' } }],
    },
    { name: 'website', type: 'text' },
  ],
}
