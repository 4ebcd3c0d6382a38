import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig, RelationshipField } from 'payload'

import { draftWorkflowAccess } from '../../access/content'
import { isStaffUser } from '../../access/roles'
import { FactBlock } from '../../blocks/Fact/config'
import { PhotoBlock } from '../../blocks/Photo/config'
import { QuoteBlock } from '../../blocks/Quote/config'
import { ResultsTableBlock } from '../../blocks/ResultsTable/config'
import { createdBy } from '../../fields/createdBy'
import { updatedBy } from '../../fields/updatedBy'
import { embargoUntil } from '../../fields/embargo'
import { photo } from '../../fields/photo'
import { publicId } from '../../fields/publicId'
import { slug } from '../../fields/slug'
import { restoreAsDraft } from '../../endpoints/restoreAsDraft'
import { importReleaseEndpoint } from './endpoints/importRelease'
import { createPreviewLink, previewWithoutToken, readPreview } from './endpoints/preview'
import { scheduleEndpoint } from './endpoints/schedule'
import { previewUrl } from './previewUrl'
import { endReviewOnPublish, onlyEditorsSendBack, reviewFields } from './review'
import { collectPhotos } from './hooks/collectPhotos'
import { draftNeverPublishes } from './hooks/draftNeverPublishes'
import { collectShown, embargoWithStory } from './hooks/embargoWithStory'
import { collectTableResults } from './hooks/collectTableResults'
import { fillChampionshipLinks } from './hooks/fillChampionshipLinks'
import { publishWithStory } from './hooks/publishWithStory'
import { queueEmbargoLift } from './hooks/queueEmbargoLift'
import { stampPublishedAt } from './hooks/stampPublishedAt'

/**
 * Lexical's own quote (blockquote), upload and relationship nodes carry no speaker and no credit:
 * the body offers our Quote and Photo blocks instead, so every quote is attributed and every
 * picture credited. Bodies stored with such nodes still render (src/delivery/render/body.ts).
 */
const UNATTRIBUTED = new Set(['blockquote', 'upload', 'relationship'])

export const Articles: CollectionConfig = {
  slug: 'articles',
  access: draftWorkflowAccess({ embargo: true }),
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', 'embargoUntil', '_status', 'review', 'updatedAt'],
    group: 'Content',
    preview: previewUrl,
    components: {
      views: {
        edit: {
          versions: { Component: '/components/desk/VersionsWithAuthors#VersionsWithAuthors' },
        },
      },
    },
  },
  defaultSort: '-publishedAt',
  // Lists and feeds ask for published stories newest first: with this index the database walks
  // them in order and stops at the page size. Without it SQLite sorted every row (with its
  // localized body) first: 3 minutes for a page at 10,000 stories.
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 100 },
  endpoints: [
    createPreviewLink,
    readPreview,
    previewWithoutToken,
    scheduleEndpoint,
    restoreAsDraft('articles'),
    importReleaseEndpoint,
  ],
  hooks: {
    beforeOperation: [draftNeverPublishes],
    beforeChange: [
      onlyEditorsSendBack,
      stampPublishedAt,
      fillChampionshipLinks,
      collectPhotos,
      collectShown,
      collectTableResults,
      endReviewOnPublish,
    ],
    afterChange: [embargoWithStory, publishWithStory, queueEmbargoLift],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 300 },
    {
      name: 'localeTitle',
      type: 'ui',
      admin: { components: { Field: '/components/desk/LocaleTitle#LocaleTitle' } },
    },
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
              maxLength: 1000,
              admin: { description: 'The one- or two-sentence summary under the headline.' },
            },
            photo('heroPhoto'),
            {
              name: 'body',
              type: 'richText',
              localized: true,
              // GraphQL's `body(depth: n)` is capped by this alone, not by the config's maxDepth:
              // without it `depth: 10` populated 100 MB for one page of stories.
              maxDepth: 2,
              editor: lexicalEditor({
                features: ({ defaultFeatures }) => [
                  ...defaultFeatures.filter((feature) => !UNATTRIBUTED.has(feature.key)),
                  BlocksFeature({ blocks: [PhotoBlock, QuoteBlock, FactBlock, ResultsTableBlock] }),
                ],
              }),
            },
            {
              name: 'photosToAdd',
              label: 'Photos to add',
              type: 'array',
              access: { read: ({ req }) => isStaffUser(req.user) },
              admin: {
                description:
                  'Photos a press release named that have not been uploaded: upload each with this caption and credit, place it in the body, then remove the row. Never shown to readers.',
                condition: (data) => Boolean(data?.photosToAdd?.length),
              },
              fields: [
                { name: 'caption', type: 'textarea', maxLength: 2000 },
                {
                  type: 'row',
                  fields: [
                    { name: 'credit', type: 'text', admin: { width: '50%' } },
                    { name: 'filename', type: 'text', admin: { width: '50%' } },
                  ],
                },
              ],
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
    publicId(),
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
    embargoUntil(
      'Hidden from the public and ordinary API clients until this time, even when published. Trusted clients see it with this time.',
    ),
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
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      maxRows: 50,
      maxLength: 100,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      // Set by the press-release import (src/ingest/importRelease.ts): importing the same
      // release again finds this story instead of making a second one.
      name: 'releaseFingerprint',
      type: 'text',
      index: true,
      access: { read: ({ req }) => isStaffUser(req.user), update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Imported from a press release with this fingerprint (SHA-256 of its text).',
      },
    },
    {
      name: 'photos',
      type: 'relationship',
      relationTo: 'photos',
      hasMany: true,
      index: true,
      admin: { hidden: true },
    },
    {
      // The IDs of the events whose results the body's results tables show, kept by
      // collectTableResults, so a result written later finds the tables that show it
      // (embargoWithResultsTables). Text, not a relationship: stored beside `tags`, it needs no
      // new column, which older migrations' backfills (read through the Local API) would miss.
      name: 'resultsTableEvents',
      type: 'text',
      hasMany: true,
      index: true,
      access: { read: ({ req }) => isStaffUser(req.user) },
      admin: { hidden: true },
    },
    // What the story shows, kept by collectShown, so the embargo of each follows the story's.
    ...(['quotes', 'results', 'titles'] as const).map((collection): RelationshipField => ({
      name: `${collection}Shown`,
      type: 'relationship',
      relationTo: collection,
      hasMany: true,
      index: true,
      access: { read: ({ req }) => isStaffUser(req.user) },
      admin: { hidden: true },
    })),
    ...reviewFields(),
    createdBy(),
    updatedBy(),
  ],
}
