import type { CollectionBeforeChangeHook, CollectionConfig, Field, FieldAccess } from 'payload'

import { restoreAsDraft } from '../../endpoints/restoreAsDraft'
import { draftWorkflowAccess } from '../../access/content'
import { createdBy } from '../../fields/createdBy'
import { derivedEmbargoUntil } from '../../fields/embargo'
import type { Result } from '../../payload-types'
import { embargoWithResultsTables } from '../Articles/hooks/embargoWithResultsTables'
import { importResultsEndpoint } from './importResultsEndpoint'
import { labelOfResult } from './resultLabel'
import { normaliseSession, unknownSession } from '../../content/sessions'

export const RESULT_STATUSES = ['classified', 'not-classified', 'dnf', 'dns', 'dsq'] as const

/** How final a result is: the issue of the timing file it came from (src/ingest/results/types.ts). */
export const RESULT_FINALITIES = [
  'unofficial',
  'provisional',
  'official',
  'final',
  'unknown',
] as const

const SET_BY_IMPORT = 'Set by the timing import.'

/** `req.context` key the timing import (src/ingest/results/importResults.ts) sets on its writes. */
export const TIMING_IMPORT = 'timingImport'

/** Only the timing import writes what the file said; `req.context` cannot be set over HTTP. */
const byTimingImport: FieldAccess = ({ req }) => req.context?.[TIMING_IMPORT] === true
const importOnly = { create: byTimingImport, update: byTimingImport }

/**
 * A time or gap as printed ("5:44:41.101", "+12.345", "1 lap") and as numbers, so results sort
 * and compare without parsing text. `<name>` is the text, `<name>Ms` and `<name>Laps` the numbers.
 */
const timing = (name: string, label: string, withLaps: boolean): Field => ({
  type: 'row',
  fields: [
    { name, label, type: 'text', admin: { width: withLaps ? '40%' : '60%' } },
    {
      name: `${name}Ms`,
      label: `${label} (ms)`,
      type: 'number',
      min: 0,
      admin: { width: withLaps ? '30%' : '40%' },
    },
    ...(withLaps
      ? [
          {
            name: `${name}Laps`,
            label: `${label} (laps)`,
            type: 'number' as const,
            min: 0,
            admin: { width: '30%' },
          },
        ]
      : []),
  ],
})

const labelResult: CollectionBeforeChangeHook<Result> = async ({ data, originalDoc, req }) => ({
  ...data,
  label: await labelOfResult(req, data, originalDoc),
})

export const Results: CollectionConfig = {
  slug: 'results',
  access: draftWorkflowAccess({ embargo: true }),
  // Drafts, so a quote or fact written for an unpublished story does not leak through it.
  versions: { drafts: true, maxPerDoc: 50 },
  endpoints: [restoreAsDraft('results'), importResultsEndpoint],
  admin: {
    useAsTitle: 'label',
    defaultColumns: [
      'label',
      'session',
      'positionOverall',
      'positionInClass',
      'classification',
      'finality',
    ],
    group: 'Championship',
  },
  hooks: {
    beforeChange: [labelResult],
    // The table embargo first: a story's webhooks must not announce a result it still embargoes.
    afterChange: [embargoWithResultsTables],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'event',
          type: 'relationship',
          relationTo: 'events',
          required: true,
          index: true,
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
      type: 'row',
      fields: [
        {
          // Free text before the timing import; now one normalised name ("race", "qualifying 2")
          // so results can be asked for by session. Older values are normalised on their next save.
          name: 'session',
          type: 'text',
          index: true,
          defaultValue: 'race',
          admin: {
            width: '50%',
            description:
              'race, sprint, qualifying, hyperpole, practice or warm-up; numbered: "race 2"',
          },
          hooks: { beforeValidate: [({ value }) => normaliseSession(value) ?? value] },
          validate: (value: unknown) =>
            value === null ||
            value === undefined ||
            normaliseSession(value) !== null ||
            unknownSession(value),
        },
        {
          // The entry's class when the result was written: results are filtered by class.
          name: 'class',
          type: 'relationship',
          relationTo: 'classes',
          index: true,
          admin: { width: '50%' },
        },
      ],
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
    {
      type: 'row',
      fields: [
        { name: 'laps', type: 'number', min: 0, admin: { width: '25%' } },
        {
          name: 'statusText',
          label: 'Status in the file',
          type: 'text',
          access: importOnly,
          admin: {
            width: '25%',
            readOnly: true,
            description: `STATUS exactly as the timing file gives it. ${SET_BY_IMPORT}`,
          },
        },
        {
          name: 'finality',
          type: 'select',
          options: RESULT_FINALITIES.map((value) => ({ label: value, value })),
          admin: {
            width: '25%',
            description: 'The issue of the classification: provisional, official…',
          },
        },
        {
          name: 'sourceFile',
          type: 'text',
          access: importOnly,
          admin: { width: '25%', readOnly: true, description: `The timing file. ${SET_BY_IMPORT}` },
        },
      ],
    },
    timing('totalTime', 'Total time', false),
    timing('gapFirst', 'Gap to first', true),
    timing('gapPrevious', 'Gap to previous', true),
    {
      name: 'fastestLap',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'lap', type: 'number', min: 1, admin: { width: '20%' } },
            { name: 'time', type: 'text', admin: { width: '30%', description: 'e.g. "1:58.056"' } },
            { name: 'timeMs', label: 'Time (ms)', type: 'number', min: 0, admin: { width: '25%' } },
            { name: 'kph', type: 'number', min: 0, admin: { width: '25%' } },
          ],
        },
      ],
    },
    {
      // What each re-import of a later issue changed, oldest first ("#7: P3 → disqualified").
      name: 'history',
      type: 'array',
      access: importOnly,
      admin: { readOnly: true, initCollapsed: true, description: SET_BY_IMPORT },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'at', type: 'date', required: true, admin: { width: '30%' } },
            {
              name: 'finality',
              type: 'select',
              options: RESULT_FINALITIES.map((value) => ({ label: value, value })),
              admin: { width: '20%' },
            },
            { name: 'change', type: 'text', required: true, admin: { width: '50%' } },
          ],
        },
      ],
    },
    { name: 'label', type: 'text', admin: { readOnly: true, description: 'Set on save.' } },
    derivedEmbargoUntil(
      'Set from the embargoed stories that show this result: hidden from the public until the first of them that is published lifts.',
    ),
    createdBy(),
  ],
}
