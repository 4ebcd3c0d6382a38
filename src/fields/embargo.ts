import type { DateField } from 'payload'

/**
 * The time before which a document is hidden from the public and from API clients without the
 * embargo privilege, on every channel (the collection's read access evaluates it per request).
 */
export const embargoUntil = (description: string): DateField => ({
  name: 'embargoUntil',
  type: 'date',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description,
  },
})
