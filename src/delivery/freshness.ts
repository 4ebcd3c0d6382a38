import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
} from 'payload'

import { publicationStateBefore } from '../collections/publicationState'

/**
 * When may a cached delivery response still be served? Every stored change to content bumps a
 * generation number, and a response is valid only for the generation it was built in. An embargo
 * lift changes what readers see without any write, so the earliest future embargo time is also
 * tracked and passing it bumps the generation too (each instance notices it on its own clock).
 *
 * Across instances on one PostgreSQL database, a change is announced with NOTIFY, sent on the
 * writing transaction's own connection: PostgreSQL delivers it only when that transaction
 * commits (never for a rollback), to every instance LISTENing, in well under a second. It needs
 * nothing but the database already in use. On MongoDB the same role is played by a change stream
 * on the database, which reports only committed writes (it needs a replica set, which the
 * docker-compose deployment runs). SQLite is one process by design.
 */
export const CHANNEL = 'paddock_delivery'

/** Changes to these never alter what a reader is shown. */
const IGNORED = new Set([
  'users',
  'webhooks',
  'webhook-deliveries',
  'payload-jobs',
  'payload-kv',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
])

class Freshness {
  generation = 0
  /** Epoch ms of the next embargo lift; null: none pending; undefined: not yet known. */
  private nextLiftAt: number | null | undefined
  private lookup: Promise<void> | undefined

  bump(): void {
    this.generation++
    this.nextLiftAt = undefined
  }

  /** The generation a response built now belongs to; bumps it when an embargo time has passed. */
  async current(payload: Payload): Promise<number> {
    if (this.nextLiftAt === undefined) await this.findNextLift(payload)
    if (typeof this.nextLiftAt === 'number' && Date.now() >= this.nextLiftAt) {
      this.bump()
      await this.findNextLift(payload)
    }
    return this.generation
  }

  /** Seconds until the next embargo lift, for Cache-Control; null when none is pending. */
  secondsToNextLift(): number | null {
    return typeof this.nextLiftAt === 'number'
      ? Math.max(0, Math.floor((this.nextLiftAt - Date.now()) / 1000))
      : null
  }

  private findNextLift(payload: Payload): Promise<void> {
    this.lookup ??= (async () => {
      const generation = this.generation
      const now = new Date().toISOString()
      const soonest = async (collection: 'articles' | 'photos') => {
        const { docs } = await payload.find({
          collection,
          where: { embargoUntil: { greater_than: now } },
          sort: 'embargoUntil',
          depth: 0,
          limit: 1,
          pagination: false,
          select: { embargoUntil: true },
          overrideAccess: true,
        })
        const time = docs[0]?.embargoUntil
        return time ? Date.parse(time) : null
      }
      const times = (await Promise.all([soonest('articles'), soonest('photos')])).filter(
        (time): time is number => time !== null,
      )
      if (generation === this.generation) this.nextLiftAt = times.length ? Math.min(...times) : null
    })().finally(() => {
      this.lookup = undefined
    })
    return this.lookup
  }
}

export const freshness = new Freshness()

interface PostgresSessions {
  name: string
  drizzle?: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }
  sessions?: Record<
    string,
    { db?: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> } }
  >
}

async function announce(req: PayloadRequest): Promise<void> {
  freshness.bump()
  const db = req.payload.db as unknown as PostgresSessions
  if (db.name !== 'postgres') return
  const session = req.transactionID ? db.sessions?.[String(await req.transactionID)]?.db : undefined
  await (session ?? db.drizzle)?.execute(sql`select pg_notify(${CHANNEL}, '')`)
}

/**
 * A save of a document nobody outside the newsroom can see (a new draft, its autosaves) leaves
 * every response as it was: only changes to something published, or that publish or unpublish,
 * invalidate. Without the state before the change (not recorded), it invalidates to be safe.
 */
export const invalidateDeliveryCache: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  req,
}) => {
  const drafts = typeof collection.versions === 'object' && collection.versions.drafts
  if (drafts && doc._status !== 'published') {
    const before = publicationStateBefore(req, operation, collection.slug, doc.id)
    if (before !== undefined && !before?.published) return doc
  }
  await announce(req)
  return doc
}

export const invalidateDeliveryCacheOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await announce(req)
  return doc
}

/** Adds the invalidation hooks to every collection whose documents readers can see. */
export const withDeliveryInvalidation = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) =>
    IGNORED.has(collection.slug)
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), invalidateDeliveryCache],
            afterDelete: [
              ...(collection.hooks?.afterDelete ?? []),
              invalidateDeliveryCacheOnDelete,
            ],
          },
        },
  )

/**
 * LISTENs for other instances' changes on a connection of its own. If the connection drops,
 * notifications may have been missed: the cache is dropped and the listener reconnects.
 */
export function listenForChanges(
  payload: Payload,
  connectionString: string,
): { stop: () => Promise<void> } {
  let client: pg.Client | undefined
  let stopped = false
  let retry: NodeJS.Timeout | undefined
  const connect = async () => {
    const next = new pg.Client({ connectionString })
    client = next
    next.on('notification', () => freshness.bump())
    next.on('error', (error) => {
      payload.logger.warn({ err: error, msg: 'delivery cache listener lost its connection' })
      freshness.bump()
      void next.end().catch(() => undefined)
      if (!stopped) retry = setTimeout(() => void connect().catch(schedule), 1000)
    })
    await next.connect()
    await next.query(`LISTEN ${CHANNEL}`)
    freshness.bump()
  }
  const schedule = (error: unknown) => {
    payload.logger.warn({ err: error, msg: 'delivery cache listener cannot connect; retrying' })
    if (!stopped) retry = setTimeout(() => void connect().catch(schedule), 1000)
  }
  void connect().catch(schedule)
  return {
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

/**
 * Follows other instances' (and its own) committed writes through a MongoDB change stream on the
 * whole database. Without a replica set MongoDB refuses change streams: then the instance logs
 * that other instances' changes will not reach its cache, and keeps serving its own correctly.
 */
export function watchMongoChanges(payload: Payload): { stop: () => Promise<void> } {
  const connection = (payload.db as unknown as { connection?: MongoConnection }).connection
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
    stream.on('change', (change) => {
      const collection = (change as { ns?: { coll?: string } }).ns?.coll ?? ''
      // Payload names each MongoDB collection after its slug, pluralized by mongoose ("payload-kvs").
      const ignored = [...IGNORED].some((slug) => collection === slug || collection === `${slug}s`)
      if (!ignored) freshness.bump()
    })
    stream.on('error', (error) => {
      freshness.bump()
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
    stop: async () => {
      stopped = true
      clearTimeout(retry)
      await stream?.close().catch(() => undefined)
    },
  }
}
