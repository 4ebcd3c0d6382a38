import { randomUUID } from 'node:crypto'
import type { Field, FieldHook } from 'payload'

/**
 * Set once, when the document is created, and kept on every later save whatever the request
 * says: a client that sends a value (REST, GraphQL, even the Local API with overrideAccess) has
 * it ignored. A document stored before the field existed (MongoDB has no migration) gets one on
 * its next save.
 */
const keepPublicId: FieldHook = ({ operation, originalDoc }) => {
  const stored = (originalDoc as { publicId?: unknown } | undefined)?.publicId
  if (operation !== 'create' && typeof stored === 'string' && stored) return stored
  return randomUUID()
}

/**
 * A story's permanent public identity: a random UUID (RFC 9562 version 4) that feeds, ninjs,
 * JSON-LD, webhooks and the delivery API use instead of the row id. Row ids depend on the database
 * (numbers on SQL, ObjectIds on MongoDB) and a database restored or merged elsewhere renumbers
 * them; this never changes and is never given to another story.
 */
export const publicId = (): Field => ({
  name: 'publicId',
  type: 'text',
  unique: true,
  index: true,
  access: { create: () => false, update: () => false },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: 'Permanent identity in feeds, ninjs and webhooks. Never changes.',
  },
  hooks: { beforeChange: [keepPublicId] },
})
