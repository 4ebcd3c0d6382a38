import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { restoreAsDraft } from '../../endpoints/restoreAsDraft'
import { draftWorkflowAccess } from '../../access/content'
import { createdBy } from '../../fields/createdBy'
import { derivedEmbargoUntil } from '../../fields/embargo'
import type { Title } from '../../payload-types'
import { incoming, relatedName } from '../labels'

export const TITLE_KINDS = [
  'drivers',
  'teams',
  'manufacturers',
  'endurance-cup',
  'constructors',
  'rookie',
  'other',
] as const

const labelTitle: CollectionBeforeChangeHook<Title> = async ({ data, originalDoc, req }) => {
  const season = await relatedName(req, 'seasons', incoming(data, originalDoc, 'season'), 'year')
  return { ...data, label: [season, incoming(data, originalDoc, 'name')].filter(Boolean).join(' ') }
}

export const Titles: CollectionConfig = {
  slug: 'titles',
  access: draftWorkflowAccess({ embargo: true }),
  // Drafts, so a quote or fact written for an unpublished story does not leak through it.
  versions: { drafts: true, maxPerDoc: 50 },
  endpoints: [restoreAsDraft('titles')],
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'kind', 'clinchedAt'],
    group: 'Championship',
  },
  hooks: { beforeChange: [labelTitle] },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'As awarded, e.g. "GTP Manufacturers\' Championship"' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'season',
          type: 'relationship',
          relationTo: 'seasons',
          required: true,
          admin: { width: '33%' },
        },
        { name: 'class', type: 'relationship', relationTo: 'classes', admin: { width: '33%' } },
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: TITLE_KINDS.map((value) => ({ label: value.replace('-', ' '), value })),
          admin: { width: '34%' },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Won by',
      fields: [
        { name: 'winnerEntry', type: 'relationship', relationTo: 'entries' },
        { name: 'winnerPeople', type: 'relationship', relationTo: 'people', hasMany: true },
        { name: 'winnerTeam', type: 'relationship', relationTo: 'teams' },
        { name: 'winnerManufacturer', type: 'relationship', relationTo: 'manufacturers' },
      ],
    },
    { name: 'clinchedAt', type: 'relationship', relationTo: 'events' },
    { name: 'label', type: 'text', admin: { readOnly: true, description: 'Set on save.' } },
    derivedEmbargoUntil(
      'Set from the embargoed stories that show this title: hidden from the public until the first of them that is published lifts.',
    ),
    createdBy(),
  ],
}
