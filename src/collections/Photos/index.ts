import type { CollectionConfig } from 'payload'

import { photoAccess } from '../../access/content'
import { env } from '../../config/env'
import { createdBy } from '../../fields/createdBy'
import { objectKeyField } from '../../storage/photoStorage'
import { derivedEmbargoUntil } from '../../fields/embargo'
import { absoluteUrls } from './hooks/absoluteUrls'
import { populateCreditLine } from './hooks/populateCreditLine'
import { prefillFromFile } from './hooks/prefillFromFile'
import { answerUnreadableUpload, refuseBadFileName } from './hooks/refuseBadFileName'
import { refuseOversizedImage } from './hooks/refuseOversizedImage'

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

export const Photos: CollectionConfig = {
  slug: 'photos',
  access: photoAccess,
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'creditLine', 'updatedAt'],
    group: 'Media',
  },
  upload: {
    staticDir: env().mediaDir,
    mimeTypes: PHOTO_MIME_TYPES,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432 },
      { name: 'large', width: 1600, withoutEnlargement: true },
      { name: 'social', width: 1200, height: 630 },
    ],
  },
  hooks: {
    beforeOperation: [refuseBadFileName, refuseOversizedImage],
    beforeValidate: [prefillFromFile],
    beforeChange: [populateCreditLine],
    afterError: [answerUnreadableUpload],
    afterRead: [absoluteUrls],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      admin: { description: 'What the photo shows, for readers who cannot see it.' },
    },
    {
      name: 'headline',
      type: 'text',
      maxLength: 300,
      admin: { description: 'Short title from the agency (IPTC "Headline").' },
    },
    // Agencies' captions (IPTC IIM allows 2,000 bytes; XMP more) are pre-filled from the file.
    { name: 'caption', type: 'textarea', localized: true, maxLength: 4000 },
    {
      type: 'row',
      fields: [
        {
          name: 'photographer',
          type: 'relationship',
          relationTo: 'photographers',
          admin: { width: '50%' },
        },
        {
          name: 'creditOverride',
          type: 'text',
          admin: {
            width: '50%',
            description:
              'Only when the credit must differ from the photographer\'s, e.g. "Pool photo / IMSA".',
          },
        },
      ],
    },
    {
      name: 'creditLine',
      type: 'text',
      index: true,
      admin: {
        readOnly: true,
        description:
          'Printed with the photo everywhere it appears. Derived from the photographer unless overridden.',
      },
    },
    { name: 'copyrightNotice', type: 'text' },
    {
      name: 'licenseUrl',
      type: 'text',
      admin: { description: 'URL of the licence terms (IPTC "Web Statement of Rights").' },
    },
    {
      name: 'keywords',
      type: 'text',
      hasMany: true,
      maxRows: 200,
      index: true,
      admin: { description: 'From the file (IPTC "Keywords") or typed.' },
    },
    { name: 'takenAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'peopleShown', type: 'relationship', relationTo: 'people', hasMany: true },
    {
      name: 'entriesShown',
      type: 'relationship',
      relationTo: 'entries',
      hasMany: true,
      admin: { description: 'Cars in the picture.' },
    },
    derivedEmbargoUntil(
      'Set from the embargoed stories that use this photo: hidden from the public until the first of them that is published lifts.',
    ),
    createdBy(),
    objectKeyField,
  ],
}
