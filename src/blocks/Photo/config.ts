import type { Block } from 'payload'

export const PhotoBlock: Block = {
  slug: 'photo',
  interfaceName: 'PhotoBlock',
  labels: { singular: 'Photo', plural: 'Photos' },
  fields: [
    { name: 'photo', type: 'upload', relationTo: 'photos', required: true },
    {
      name: 'captionOverride',
      type: 'textarea',
      admin: { description: 'Replaces the photo\'s own caption in this story only. The credit always prints.' },
    },
  ],
}
