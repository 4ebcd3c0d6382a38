import type { Block } from 'payload'

import { normaliseSession, unknownSession } from '../../content/sessions'

/** The most rows a table shows: a full sports-car field, and no more. */
export const MAX_TABLE_ROWS = 60
export const DEFAULT_TABLE_ROWS = 10

export const ResultsTableBlock: Block = {
  slug: 'resultsTable',
  interfaceName: 'ResultsTableBlock',
  labels: { singular: 'Results table', plural: 'Results tables' },
  fields: [
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      admin: { description: 'The published results of this event are shown, best first.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'session',
          type: 'text',
          required: true,
          defaultValue: 'race',
          hooks: { beforeValidate: [({ value }) => normaliseSession(value) ?? value] },
          validate: (value: unknown) => normaliseSession(value) !== null || unknownSession(value),
          admin: { width: '34%', description: 'race, qualifying, practice…; numbered: "race 2"' },
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'classes',
          admin: { width: '33%', description: 'Empty: the overall classification.' },
        },
        {
          name: 'top',
          label: 'Top',
          type: 'number',
          required: true,
          defaultValue: DEFAULT_TABLE_ROWS,
          min: 1,
          max: MAX_TABLE_ROWS,
          admin: { width: '33%', step: 1, description: `How many rows, 1 to ${MAX_TABLE_ROWS}.` },
        },
      ],
    },
  ],
}
