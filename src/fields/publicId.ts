import { randomUUID } from 'node:crypto'
import type { Field, FieldHook } from 'payload'

/**
 * Set once, when the document is created, and kept on every later save whatever the request
 * says: a client that sends a value (REST, GraphQL, even the Local API with overrideAccess) has
 * it ignored. A MongoDB document stored before the field existed (MongoDB has no migration) has
 * been known by its ObjectId, which MongoDB never reuses: its next save stores that, so its GUIDs
 * do not change. (SQL rows got a UUID in the migration.)
 */
const keepPublicId: FieldHook = ({ operation, originalDoc }) => {
  const doc = originalDoc as { id?: unknown; publicId?: unknown } | undefined
  if (operation === 'create') return randomUUID()
  if (typeof doc?.publicId === 'string' && doc.publicId) return doc.publicId
  return typeof doc?.id === 'string' ? doc.id : randomUUID()
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
