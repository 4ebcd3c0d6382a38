import type { Block } from 'payload'

import { blockLabel } from '../blockLabel'

export const FactBlock: Block = {
  slug: 'fact',
  interfaceName: 'FactBlock',
  labels: { singular: 'Fact', plural: 'Facts' },
  admin: { components: { Label: blockLabel('fact') } },
  fields: [
    {
      name: 'fact',
      type: 'relationship',
      relationTo: ['results', 'titles'],
      required: true,
      admin: { description: 'A race result or a title, shown as a fact box.' },
    },
  ],
}
