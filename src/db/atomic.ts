import {
  commitTransaction,
  defaultBeginTransaction,
  initTransaction,
  killTransaction,
} from 'payload'
import type { DatabaseAdapterObj, PayloadRequest } from 'payload'

/**
 * Several writes that must land together or not at all (an imported release: people, quotes,
 * photos, the draft article) on every adapter, SQLite included.
 *
 * PostgreSQL and MongoDB: Payload's own transaction. SQLite runs every other write without a
 * transaction (src/db/adapter.ts), because libsql gives a transaction its own connection in the same
 * thread as every other request: a plain write that meets the transaction's lock waits in SQLite's
 * busy handler, which sleeps synchronously, so the event loop (and with it the transaction that
 * would release the lock) stops for the whole busy timeout, and the write then fails with
 * SQLITE_BUSY. So on SQLite an atomic unit takes a gate first: plain writes in this process wait
 * for it (asynchronously) before they start, and the unit begins only once the writes already
 * under way have finished. Another process (a CLI import beside the server) meets the lock through
 * the busy timeout, as for any write.
 */
interface Gate {
  /** Begins a real SQLite transaction (the drizzle adapter's own, kept aside). */
  begin: () => Promise<null | number | string>
  busyTimeout: number
  /** The atomic unit that has the gate, and a promise that settles when it lets go. */
  holder?: { id?: string; released: Promise<void> }
  /** Queue of units waiting for the gate. */
  tail: Promise<void>
  /** Plain writes running now, outside any unit. */
  inFlight: number
  idle?: () => void
}

const gates = new WeakMap<object, Gate>()

type Write = (this: unknown, args: { req?: Partial<PayloadRequest> }) => Promise<unknown>

type WriteMethod =
  | 'create'
  | 'createGlobal'
  | 'createGlobalVersion'
  | 'createVersion'
  | 'deleteMany'
  | 'deleteOne'
  | 'deleteVersions'
  | 'updateGlobal'
  | 'updateGlobalVersion'
  | 'updateJobs'
  | 'updateMany'
  | 'updateOne'
  | 'updateVersion'
  | 'upsert'

const WRITES: WriteMethod[] = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
]

/**
 * The SQLite adapter as the product runs it: no transaction for ordinary writes (Payload's
 * `beginTransaction` answers null), the real one kept for `beginAtomic`, and every write method
 * waiting while an atomic unit holds the gate. Give it an adapter built with `transactionOptions`.
 */
export function sqliteWithAtomicUnits(
  adapter: DatabaseAdapterObj,
  busyTimeout: number,
): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const methods = db as unknown as Record<WriteMethod, Write>
      const gate: Gate = {
        begin: db.beginTransaction.bind(db),
        busyTimeout,
        tail: Promise.resolve(),
        inFlight: 0,
      }
      gates.set(db, gate)
      db.beginTransaction = defaultBeginTransaction()
      for (const method of WRITES) {
        const write = methods[method]
        methods[method] = function gated(this: unknown, args) {
          return passGate(gate, args?.req, () => write.call(this, args))
        }
      }
      return db
    },
  }
}

/** Runs one write once the gate lets it: at once inside the unit that holds the gate. */
async function passGate<T>(
  gate: Gate,
  req: Partial<PayloadRequest> | undefined,
  write: () => Promise<T>,
): Promise<T> {
  const own = req?.transactionID ? String(await req.transactionID) : undefined
  if (own && gate.holder?.id === own) return write()
  while (gate.holder) await gate.holder.released
  gate.inFlight += 1
  try {
    return await write()
  } finally {
    gate.inFlight -= 1
    if (gate.inFlight === 0) gate.idle?.()
  }
}

/**
 * A write made beside the adapter's methods (bulk SQL of src/delivery/store/rows.ts) under the
 * same rule as theirs; on other adapters it simply runs.
 */
export function gatedWrite<T>(
  db: object,
  req: Partial<PayloadRequest> | undefined,
  write: () => Promise<T>,
): Promise<T> {
  const gate = gates.get(db)
  return gate ? passGate(gate, req, write) : write()
}

/**
 * Starts an atomic unit on `req`: every Local API call given this `req` is part of it until
 * `endAtomic`. Answers false when there is no transaction to be had (MongoDB without a replica
 * set), so the caller can fall back to undoing its writes itself.
 */
export async function beginAtomic(req: PayloadRequest): Promise<boolean> {
  const db = req.payload.db as unknown as { client?: SqliteClient }
  const gate = gates.get(db)
  if (!gate) return initTransaction(req)
  const previous = gate.tail
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  gate.tail = previous.then(() => released)
  await previous
  const holder: NonNullable<Gate['holder']> = { released }
  gate.holder = holder
  if (gate.inFlight > 0) await new Promise<void>((resolve) => (gate.idle = resolve))
  gate.idle = undefined
  try {
    const id = await gate.begin()
    if (!id) throw new Error('SQLite did not start a transaction')
    holder.id = String(id)
    // libsql hands its open connection to the transaction and opens a fresh one, lazily, for
    // everything else: without this the fresh one would fail at once on a locked database.
    await db.client?.execute(`PRAGMA busy_timeout = ${gate.busyTimeout};`)
    req.transactionID = holder.id
    unlockOnEnd.set(req, () => {
      gate.holder = undefined
      release()
    })
    return true
  } catch (error) {
    gate.holder = undefined
    release()
    throw error
  }
}

interface SqliteClient {
  execute: (sql: string) => Promise<unknown>
}

const unlockOnEnd = new WeakMap<PayloadRequest, () => void>()

/** Commits (`ok`) or rolls back the unit `beginAtomic` started, and lets other writes go on. */
export async function endAtomic(req: PayloadRequest, ok: boolean): Promise<void> {
  try {
    if (ok) await commitTransaction(req)
    else await killTransaction(req)
  } finally {
    unlockOnEnd.get(req)?.()
    unlockOnEnd.delete(req)
  }
}
