import type { Block } from 'payload'

import { blockLabel } from '../blockLabel'

export const QuoteBlock: Block = {
  slug: 'quote',
  interfaceName: 'QuoteBlock',
  labels: { singular: 'Quote', plural: 'Quotes' },
  admin: { components: { Label: blockLabel('quote') } },
  fields: [
    {
      name: 'quote',
      type: 'relationship',
      relationTo: 'quotes',
      required: true,
      admin: { description: 'A quote document: its speaker and role print with it.' },
    },
  ],
}
