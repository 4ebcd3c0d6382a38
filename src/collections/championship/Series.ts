import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { slug } from '../../fields/slug'

export const Series: CollectionConfig = {
  slug: 'series',
  access: referenceAccess,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'organiser'],
    group: 'Championship',
  },
  labels: { singular: 'Series', plural: 'Series' },
  // "Series" is its own plural; GraphQL needs two names (one document vs a list).
  graphQL: { singularName: 'Series', pluralName: 'AllSeries' },
  fields: [
    { name: 'name', type: 'text', required: true },
    slug('name'),
    { name: 'shortName', type: 'text', admin: { description: 'e.g. "IMSA"' } },
    { name: 'organiser', type: 'text' },
    { name: 'website', type: 'text' },
  ],
}
