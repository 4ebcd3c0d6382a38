import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { FactBlock } from '../../blocks/Fact/config'
import { PhotoBlock } from '../../blocks/Photo/config'
import { QuoteBlock } from '../../blocks/Quote/config'
import { photo } from '../../fields/photo'
import { slug } from '../../fields/slug'
import { stampPublishedAt } from './hooks/stampPublishedAt'

export const Articles: CollectionConfig = {
  slug: 'articles',
  access: {
    create: isStaff,
    delete: isStaff,
    read: publishedOrStaff,
    readVersions: isStaff,
    update: isStaff,
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', '_status', 'updatedAt'],
    group: 'Content',
  },
  defaultSort: '-publishedAt',
  versions: { drafts: true, maxPerDoc: 100 },
  hooks: { beforeChange: [stampPublishedAt] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Story',
          fields: [
            {
              name: 'standfirst',
              type: 'textarea',
              localized: true,
              admin: { description: 'The one- or two-sentence summary under the headline.' },
            },
            photo('heroPhoto'),
            {
              name: 'body',
              type: 'richText',
              localized: true,
              editor: lexicalEditor({
                features: ({ defaultFeatures }) => [
                  ...defaultFeatures,
                  BlocksFeature({ blocks: [PhotoBlock, QuoteBlock, FactBlock] }),
                ],
              }),
            },
          ],
        },
        {
          label: 'Championship',
          description: 'What the story is about, for filtering and for structured data.',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'series',
                  type: 'relationship',
                  relationTo: 'series',
                  hasMany: true,
                  admin: { width: '50%' },
                },
                {
                  name: 'season',
                  type: 'relationship',
                  relationTo: 'seasons',
                  admin: { width: '50%' },
                },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'event',
                  type: 'relationship',
                  relationTo: 'events',
                  admin: { width: '50%' },
                },
                {
                  name: 'classes',
                  type: 'relationship',
                  relationTo: 'classes',
                  hasMany: true,
                  admin: { width: '50%' },
                },
              ],
            },
            { name: 'entries', type: 'relationship', relationTo: 'entries', hasMany: true },
            {
              type: 'row',
              fields: [
                {
                  name: 'teams',
                  type: 'relationship',
                  relationTo: 'teams',
                  hasMany: true,
                  admin: { width: '50%' },
                },
                {
                  name: 'manufacturers',
                  type: 'relationship',
                  relationTo: 'manufacturers',
                  hasMany: true,
                  admin: { width: '50%' },
                },
              ],
            },
            {
              name: 'drivers',
              type: 'relationship',
              relationTo: 'people',
              hasMany: true,
              filterOptions: { kind: { equals: 'driver' } },
            },
            { name: 'results', type: 'relationship', relationTo: 'results', hasMany: true },
            { name: 'titles', type: 'relationship', relationTo: 'titles', hasMany: true },
          ],
        },
        {
          label: 'SEO',
          fields: [
            {
              name: 'seoDescription',
              type: 'textarea',
              localized: true,
              maxLength: 300,
              admin: {
                description: 'For search results and link previews; the standfirst when empty.',
              },
            },
          ],
        },
      ],
    },
    slug('title'),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publication unless given.',
      },
    },
    {
      name: 'dateline',
      type: 'text',
      admin: { position: 'sidebar', description: 'e.g. "BRASELTON, Ga."' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'people',
      hasMany: true,
      admin: {
        position: 'sidebar',
        description: 'Bylines (people, so freelancers need no account).',
      },
    },
    { name: 'tags', type: 'text', hasMany: true, index: true, admin: { position: 'sidebar' } },
  ],
}
