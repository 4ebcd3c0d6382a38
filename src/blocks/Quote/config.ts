import type { Block } from 'payload'

export const QuoteBlock: Block = {
  slug: 'quote',
  interfaceName: 'QuoteBlock',
  labels: { singular: 'Quote', plural: 'Quotes' },
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
