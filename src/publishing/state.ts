import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

type ID = number | string

/**
 * What readers could see of a document at one moment: whether its main (published) document is
 * published, and that document's content. With drafts, the main document changes only when a
 * document is published, republished or unpublished; a draft save or autosave writes a version
 * only. Payload's afterChange cannot tell: it hands over the latest *version* as `previousDoc`
 * (a draft, when one was saved since the last publication) and a draft save of a published
 * document comes back with `_status: 'draft'` although readers still see the published one.
 */
export interface PublicationState {
  published: boolean
  /** The stored main document, in all locales. */
  content?: Record<string, unknown>
}

const statesBefore = new WeakMap<PayloadRequest, Map<string, PublicationState>>()

const key = (collection: string, id: ID) => `${collection}:${id}`

/** The main document as stored now, in this request's transaction. */
export async function readMainDocument(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: ID,
): Promise<PublicationState> {
  const row = await req.payload.db.findOne<Record<string, unknown> & { id: ID }>({
    collection,
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })
  return { published: row?._status === 'published', content: row ?? undefined }
}

/** Reads the main document before an update, for the afterChange hooks that need "before". */
export const rememberPublicationState: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const states = statesBefore.get(req) ?? new Map<string, PublicationState>()
  statesBefore.set(req, states)
  states.set(
    key(collection.slug, originalDoc.id),
    await readMainDocument(req, collection.slug as CollectionSlug, originalDoc.id),
  )
  return data
}

/**
 * What readers could see before this change: `null` for a document being created, `undefined`
 * when it was not recorded (the collection has no drafts, or the hook did not run).
 */
export function publicationStateBefore(
  req: PayloadRequest,
  operation: 'create' | 'update',
  collection: string,
  id: ID,
): PublicationState | null | undefined {
  if (operation === 'create') return null
  return statesBefore.get(req)?.get(key(collection, id))
}
