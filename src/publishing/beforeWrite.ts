import type { Payload, PayloadRequest, Where } from 'payload'

import { idOf } from '../content/references'
import { shownAs } from './affected'
import { publisher } from './publisher'

type ID = number | string

/** The id a write's `where` names, when it names exactly one (`{ id: { equals } }`). */
function idIn(where: Where | undefined): ID | undefined {
  const equals = (where?.id as { equals?: unknown } | undefined)?.equals
  return typeof equals === 'string' || typeof equals === 'number' ? equals : undefined
}

/**
 * A write that commits on its own (SQLite outside an atomic unit, MongoDB without a replica set)
 * and the render of the stories it alters are two steps: a crash between them would leave those
 * stories' views as they were, and a story's own time does not tell the start-up check that a
 * photographer it shows was renamed. So just before the database writes a document of one of
 * `collections` (readers may see it in stories), the stories showing it are named to the
 * publisher's subscribers (`aboutToChange`: the delivery store marks their views stale, and the
 * recovery at start renders them); the change's own render then unmarks them. Done at the
 * adapter's write, not in a hook: Payload validates after the collection's beforeChange hooks,
 * and a draft save writes no main document at all, so neither marks anything. Within a
 * transaction nothing is done: the change and its views commit together.
 */
export function markBeforeWrites(payload: Payload, collections: ReadonlySet<string>): void {
  const db = payload.db
  const named = async (
    collection: string,
    id: ID | undefined,
    req: Partial<PayloadRequest> | undefined,
    eventAfter?: unknown,
  ) => {
    if (!collections.has(collection) || id === undefined || !req) return
    if (await req.transactionID) return
    let before: Record<string, unknown> | undefined
    if (collection === 'results') {
      // A result also shows in its event's results tables, before and after a move.
      before =
        (await db.findOne<Record<string, unknown> & { id: ID }>({
          collection,
          where: { id: { equals: id } },
          req,
        })) ?? undefined
    }
    const document = { ...before, ...(eventAfter !== undefined ? { event: idOf(eventAfter) } : {}) }
    await publisher.aboutToChange(
      { collection, id: String(id) },
      shownAs({
        collection,
        id: String(id),
        before: { published: true, content: before },
        after: { published: true, content: document },
        document,
      }),
      payload,
      req,
    )
  }

  const updateOne = db.updateOne.bind(db)
  db.updateOne = async (args) => {
    await named(
      args.collection,
      args.id ?? idIn(args.where),
      args.req,
      (args.data as { event?: unknown } | undefined)?.event,
    )
    return updateOne(args)
  }
  const deleteOne = db.deleteOne.bind(db)
  db.deleteOne = async (args) => {
    await named(args.collection, idIn(args.where), args.req)
    return deleteOne(args)
  }
}
