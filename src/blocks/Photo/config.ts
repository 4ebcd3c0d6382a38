import type { Block } from 'payload'

import { photo } from '../../fields/photo'
import { blockLabel } from '../blockLabel'

export const PhotoBlock: Block = {
  slug: 'photo',
  interfaceName: 'PhotoBlock',
  labels: { singular: 'Photo', plural: 'Photos' },
  admin: { components: { Label: blockLabel('photo') } },
  fields: [
    photo('photo', { required: true }),
    {
      name: 'captionOverride',
      type: 'textarea',
      admin: {
        description:
          "Replaces the photo's own caption in this story only. The credit always prints.",
      },
    },
  ],
}
