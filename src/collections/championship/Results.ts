import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { restoreAsDraft } from '../../endpoints/restoreAsDraft'
import { draftWorkflowAccess } from '../../access/content'
import { createdBy } from '../../fields/createdBy'
import { derivedEmbargoUntil } from '../../fields/embargo'
import type { Result } from '../../payload-types'
import { incoming, relatedName } from '../labels'

export const RESULT_STATUSES = ['classified', 'not-classified', 'dnf', 'dns', 'dsq'] as const

const labelResult: CollectionBeforeChangeHook<Result> = async ({ data, originalDoc, req }) => {
  const event = await relatedName(req, 'events', incoming(data, originalDoc, 'event'))
  const entry = await relatedName(req, 'entries', incoming(data, originalDoc, 'entry'), 'label')
  const position = incoming(data, originalDoc, 'positionOverall')
  const classification = incoming(data, originalDoc, 'classification')
  const outcome =
    classification === 'classified' && position
      ? `P${position}`
      : String(classification ?? '').toUpperCase()
  return { ...data, label: `${event ?? '?'}: ${entry ?? '?'} ${outcome}`.trim() }
}

export const Results: CollectionConfig = {
  slug: 'results',
  access: draftWorkflowAccess({ embargo: true }),
  // Drafts, so a quote or fact written for an unpublished story does not leak through it.
  versions: { drafts: true, maxPerDoc: 50 },
  endpoints: [restoreAsDraft('results')],
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'positionOverall', 'positionInClass', 'classification'],
    group: 'Championship',
  },
  hooks: { beforeChange: [labelResult] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'event',
          type: 'relationship',
          relationTo: 'events',
          required: true,
          admin: { width: '50%' },
        },
        {
          name: 'entry',
          type: 'relationship',
          relationTo: 'entries',
          required: true,
          admin: { width: '50%' },
        },
      ],
    },
    {
      name: 'session',
      type: 'text',
      defaultValue: 'Race',
      admin: { description: 'e.g. "Race", "Qualifying"' },
    },
    {
      type: 'row',
      fields: [
        {
          // Not "status": with drafts on, Payload's own _status would get the same Postgres enum name.
          name: 'classification',
          type: 'select',
          required: true,
          defaultValue: 'classified',
          options: RESULT_STATUSES.map((value) => ({ label: value, value })),
          admin: { width: '34%' },
        },
        { name: 'positionOverall', type: 'number', min: 1, admin: { width: '33%' } },
        { name: 'positionInClass', type: 'number', min: 1, admin: { width: '33%' } },
      ],
    },
    { name: 'laps', type: 'number', min: 0 },
    { name: 'label', type: 'text', admin: { readOnly: true, description: 'Set on save.' } },
    derivedEmbargoUntil(
      'Set from the embargoed stories that show this result: hidden from the public until the first of them that is published lifts.',
    ),
    createdBy(),
  ],
}
