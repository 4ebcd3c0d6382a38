import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

interface TransactionalAdapter {
  name: string
  sessions?: Record<
    string,
    { db?: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> } }
  >
}

/**
 * Payload updates a document by reading it, merging the change and writing every column back. On
 * PostgreSQL (read committed) two concurrent saves of the same document both read the old row,
 * and the second write silently drops the first one's change. A transaction-scoped advisory lock,
 * taken before the read, makes saves of one document queue instead, across all app instances;
 * it is released by the commit or rollback. On SQLite, Payload runs without transactions and the
 * driver is synchronous, so one process's saves already run one after the other (the same test
 * holds there); MongoDB's transactions reject a conflicting write instead of losing it.
 */
export const serializeWrites: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const db = req.payload.db as unknown as TransactionalAdapter
  if (db.name !== 'postgres' || (operation !== 'update' && operation !== 'delete')) return args
  const id = (args as { id?: number | string }).id
  if (id === undefined || !req.transactionID) return args
  const session = db.sessions?.[String(await req.transactionID)]?.db
  await session?.execute(sql`select pg_advisory_xact_lock(hashtext(${`${collection.slug}:${id}`}))`)
  return args
}

/** Adds the lock to every collection (documents are edited concurrently in all of them). */
export const withSerializedWrites = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [serializeWrites, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
