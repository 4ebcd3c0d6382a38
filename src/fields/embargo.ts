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

/**
 * An embargo set from the stories that show the document (photos, quotes, results, titles):
 * src/collections/Articles/hooks/embargoWithStory.ts computes it. Never written through the API:
 * a contributor clearing it would publish what an editor's embargoed story shows before its time.
 */
export const derivedEmbargoUntil = (description: string): DateField => {
  const field = embargoUntil(description)
  return {
    ...field,
    admin: { ...field.admin, readOnly: true },
    access: { create: () => false, update: () => false },
  }
}
