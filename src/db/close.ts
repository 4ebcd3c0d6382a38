import type { Payload } from 'payload'

interface PgPoolLike {
  on: (event: 'error', listener: () => void) => void
  end: () => Promise<void>
  _clients?: { release?: () => void }[]
}

/**
 * Stops Payload's job crons and releases the database connection. `payload.destroy()` alone
 * leaves both SQL clients open (Payload 3.90): the SQLite client is never closed, and the
 * PostgreSQL pool is never ended while one client stays checked out by the adapter's reconnect
 * watcher, so `pool.end()` would wait for it forever. We close them here.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    name: string
    pool?: PgPoolLike
    client?: { close?: () => void }
  }
  const { pool, client } = db
  await payload.destroy()
  if (db.name === 'postgres' && pool) {
    // Connections the server drops while we close are expected; they must not crash the process.
    pool.on('error', () => {})
    const ended = pool.end()
    for (const held of [...(pool._clients ?? [])]) held.release?.()
    await ended
  } else if (db.name === 'sqlite') {
    client?.close?.()
  }
}
