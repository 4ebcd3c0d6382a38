import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import type { Payload, PayloadRequest } from 'payload'

import { IGNORED_COLLECTIONS, READER_COLLECTIONS } from './affected'
import { ALL_LIST_KEYS, EVERYTHING, documentKey, storyKey } from './keys'
import type { Key } from './keys'
import { publisher } from './publisher'
import type { Subscriber } from './publisher'

/**
 * Other instances on the same database learn what changed within a second.
 *
 * PostgreSQL: the keys a change affects are announced with NOTIFY on the writing transaction's
 * own connection: PostgreSQL delivers it only when that transaction commits (never for a
 * rollback), to every instance LISTENing, this one included (so its own cache is dropped once
 * more after the commit, closing the window in which a reader could rebuild from the data
 * before it). A NOTIFY payload must stay under 8,000 bytes: a longer list is announced as `*`.
 *
 * MongoDB: a change stream on the database reports committed writes; the keys are derived from
 * the changed document (its collection and id, and every list), and the stories showing it are
 * found in this instance's own dependency index (its cache is tagged with those keys anyway).
 * It needs a replica set, which the docker-compose deployment runs. SQLite is one process.
 */
export const CHANNEL = 'paddock_delivery'

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
export const MAX_NOTIFY_BYTES = 7900

/** The NOTIFY payload for some keys: a JSON array, or `*` when it would be too long. */
export function notifyPayload(keys: Iterable<Key>): string {
  const payload = JSON.stringify([...keys])
  return Buffer.byteLength(payload) > MAX_NOTIFY_BYTES ? EVERYTHING : payload
}

/** The keys a NOTIFY payload names; anything unreadable (an older version's '') is everything. */
export function keysOfNotification(payload: string | undefined): Key[] {
  if (!payload || payload === EVERYTHING) return [EVERYTHING]
  try {
    const keys = JSON.parse(payload) as unknown
    if (Array.isArray(keys) && keys.every((key) => typeof key === 'string')) return keys
  } catch {
    // Falls through: drop everything rather than keep something stale.
  }
  return [EVERYTHING]
}

interface PostgresSessions {
  name: string
  drizzle?: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }
  sessions?: Record<
    string,
    { db?: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> } }
  >
}

/** The publishing subscriber that announces a change to other PostgreSQL instances. */
export const notifyOtherInstances: Subscriber = {
  name: 'other instances',
  changed: async (event, req: PayloadRequest) => {
    const db = req.payload.db as unknown as PostgresSessions
    if (db.name !== 'postgres') return
    const session = req.transactionID
      ? db.sessions?.[String(await req.transactionID)]?.db
      : undefined
    await (session ?? db.drizzle)?.execute(
      sql`select pg_notify(${CHANNEL}, ${notifyPayload(event.keys)})`,
    )
  },
}

/**
 * LISTENs for changes on a connection of its own. If the connection drops, notifications may
 * have been missed: everything is dropped and the listener reconnects. `listening` settles once
 * the first attempt has LISTENed or failed: what is cached after it hears every later change.
 */
export function listenForChanges(
  payload: Payload,
  connectionString: string,
): { stop: () => Promise<void>; listening: Promise<void> } {
  let client: pg.Client | undefined
  let stopped = false
  let retry: NodeJS.Timeout | undefined
  const connect = async () => {
    const next = new pg.Client({ connectionString })
    client = next
    next.on('notification', (message) => publisher.invalidate(keysOfNotification(message.payload)))
    next.on('error', (error) => {
      payload.logger.warn({ err: error, msg: 'delivery cache listener lost its connection' })
      publisher.invalidateEverything()
      void next.end().catch(() => undefined)
      if (!stopped) retry = setTimeout(() => void connect().catch(schedule), 1000)
    })
    await next.connect()
    await next.query(`LISTEN ${CHANNEL}`)
    publisher.invalidateEverything()
  }
  const schedule = (error: unknown) => {
    payload.logger.warn({ err: error, msg: 'delivery cache listener cannot connect; retrying' })
    if (!stopped) retry = setTimeout(() => void connect().catch(schedule), 1000)
  }
  const listening = connect().catch(schedule)
  return {
    listening,
    stop: async () => {
      stopped = true
      clearTimeout(retry)
      await client?.end().catch(() => undefined)
    },
  }
}

interface MongoConnection {
  watch: (
    pipeline: unknown[],
    options?: Record<string, unknown>,
  ) => {
    on: (event: string, listener: (value: unknown) => void) => unknown
    close: () => Promise<void>
  }
}

interface MongoChange {
  ns?: { coll?: string }
  documentKey?: { _id?: unknown }
  operationType?: string
}

/** The keys a MongoDB change names, from its collection and document id. */
export function keysOfMongoChange(change: MongoChange, slugs: string[]): Key[] {
  const name = change.ns?.coll ?? ''
  // Versions (`_articles_versions`) change with every draft save; a publication writes the main
  // document too.
  if (name.startsWith('_')) return []
  // Payload names each MongoDB collection after its slug, pluralized by mongoose ("payload-kvs").
  const slug = slugs.find((candidate) => name === candidate || name === `${candidate}s`)
  if (!slug) return change.operationType === 'dropDatabase' ? [EVERYTHING] : []
  if (IGNORED_COLLECTIONS.has(slug)) return []
  const id = change.documentKey?._id
  if (id === undefined || id === null) return [EVERYTHING]
  const own = documentKey(slug, String(id))
  if (READER_COLLECTIONS.has(slug)) return [own]
  const stories = publisher.index.storiesShowing(own).map((story) => storyKey(story.publicId))
  return [own, ...stories, ...ALL_LIST_KEYS]
}

/**
 * Follows other instances' (and its own) committed writes through a MongoDB change stream on the
 * whole database. Without a replica set MongoDB refuses change streams: then the instance logs
 * that other instances' changes will not reach its cache, and keeps serving its own correctly.
 */
export function watchMongoChanges(payload: Payload): {
  stop: () => Promise<void>
  listening: Promise<void>
} {
  const connection = (payload.db as unknown as { connection?: MongoConnection }).connection
  const slugs = payload.config.collections.map((collection) => collection.slug)
  let stream: ReturnType<MongoConnection['watch']> | undefined
  let stopped = false
  let retry: NodeJS.Timeout | undefined
  const open = () => {
    if (stopped || !connection) return
    try {
      stream = connection.watch([], { batchSize: 100 })
    } catch (error) {
      payload.logger.warn({ err: error, msg: 'delivery cache cannot watch MongoDB for changes' })
      return
    }
    stream.on('change', (change) =>
      publisher.invalidate(keysOfMongoChange(change as MongoChange, slugs)),
    )
    stream.on('error', (error) => {
      publisher.invalidateEverything()
      void stream?.close().catch(() => undefined)
      // A standalone server will never offer change streams: say so once, and stop asking.
      if (/replica set|\$changeStream/i.test(String((error as Error)?.message))) {
        payload.logger.warn(
          "MongoDB is not a replica set: other instances' changes will not reach this delivery cache (run one instance, or a replica set)",
        )
        return
      }
      payload.logger.warn({
        err: error,
        msg: 'delivery cache lost its MongoDB change stream; retrying',
      })
      if (!stopped) retry = setTimeout(open, 5000)
    })
  }
  open()
  return {
    // The stream is opened at once; there is nothing to wait for.
    listening: Promise.resolve(),
    stop: async () => {
      stopped = true
      clearTimeout(retry)
      await stream?.close().catch(() => undefined)
    },
  }
}
