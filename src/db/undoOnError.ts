import type {
  AfterErrorHook,
  BaseDatabaseAdapter,
  CollectionSlug,
  DatabaseAdapterObj,
  PayloadRequest,
} from 'payload'

interface Created {
  collection: CollectionSlug
  id: number | string
}

/**
 * The documents a request without a transaction has created so far, oldest first. Kept on the
 * request itself: GraphQL hands each resolver a proxy of it, which shares its other properties.
 */
const CREATED = Symbol('created documents')
type Remembering = Partial<PayloadRequest> & { [CREATED]?: Created[] }

/**
 * Payload runs SQLite without transactions here (see src/db/serializeWrites.ts), so a request
 * that failed after its first insert left that row behind: an article without its version after a
 * failing version insert, or one whose read-back failed. Every document a request creates is
 * remembered; when the request is answered with an error (`undoFailedRequest`), those documents
 * and their versions are deleted again. PostgreSQL and MongoDB roll back their transaction and
 * remember nothing. Changes to documents that existed before are not undone: the input checks
 * (src/collections/inputChecks.ts) run before the first write of any save.
 */
export function rememberCreatedDocuments(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as BaseDatabaseAdapter
      const create = adapter.create.bind(adapter)
      adapter.create = async (createArgs) => {
        const doc = await create(createArgs)
        const req = createArgs.req as Remembering | undefined
        // Payload sets transactionID to a promise of null when the adapter has no transactions.
        if (req && !(await req.transactionID) && doc?.id !== undefined) {
          req[CREATED] = [
            ...(req[CREATED] ?? []),
            { collection: createArgs.collection, id: doc.id },
          ]
        }
        return doc
      }
      return adapter
    },
  } as DatabaseAdapterObj
}

/** Deletes what a request answered with an error (REST or GraphQL) had created. */
export const undoFailedRequest: AfterErrorHook = async ({ req }) => {
  const created = (req as Remembering)[CREATED]
  if (!created?.length) return
  delete (req as Remembering)[CREATED]
  const { collections, db, logger } = req.payload
  for (const { collection, id } of created.toReversed()) {
    try {
      if (collections[collection]?.config.versions) {
        await db.deleteVersions({ collection, where: { parent: { equals: id } } })
      }
      await db.deleteOne({ collection, where: { id: { equals: id } } })
    } catch (error) {
      logger.error({ err: error, collection, id }, 'could not undo a failed request')
    }
  }
  logger.warn(
    { undone: created.map(({ collection, id }) => `${collection} ${id}`) },
    'a request failed after creating documents; they were deleted again',
  )
}
