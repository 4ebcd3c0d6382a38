import type { CollectionConfig } from 'payload'

import { restoreAsDraft } from '../../endpoints/restoreAsDraft'
import { draftWorkflowAccess } from '../../access/content'
import { createdBy } from '../../fields/createdBy'
import { derivedEmbargoUntil } from '../../fields/embargo'
import { labelQuote } from './hooks/labelQuote'

export const Quotes: CollectionConfig = {
  slug: 'quotes',
  access: draftWorkflowAccess({ embargo: true }),
  // Drafts, so a quote or fact written for an unpublished story does not leak through it.
  versions: { drafts: true, maxPerDoc: 50 },
  endpoints: [restoreAsDraft('quotes')],
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
          admin: {
            width: '50%',
            components: {
              afterInput: [
                {
                  path: '/components/desk/CreateFromTyped#CreateFromTyped',
                  clientProps: { collection: 'people', nameField: 'name', noun: 'person' },
                },
              ],
            },
          },
        },
        {
          name: 'role',
          type: 'text',
          admin: {
            width: '50%',
            description: 'Title at the time, e.g. "Vice president, Global Cadillac" or "Driver"',
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'organisation', type: 'text', admin: { width: '50%' } },
        {
          // Printed apart from the role: "Driver, #60 Meyer Shank Racing Acura, Meyer Shank
          // Racing" read the car as a job title. A role saved as "Driver, #31" is split on save.
          name: 'entry',
          type: 'text',
          maxLength: 200,
          admin: { width: '50%', description: 'The car the speaker raced, e.g. "#31"' },
        },
      ],
    },
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
    derivedEmbargoUntil(
      'Set from the embargoed stories that show this quote: hidden from the public until the first of them that is published lifts.',
    ),
    createdBy(),
  ],
}
