import type { Database } from '../config/env'

const TIMEOUT_MS = 5000

/**
 * Connects once to a server database before Payload starts, so an unreachable or misnamed server
 * stops start-up with one clear line instead of an adapter's stack trace.
 */
export async function probeDatabase(database: Database): Promise<void> {
  const where = redact(database.uri)
  try {
    if (database.kind === 'postgres') {
      const { default: pg } = await import('pg')
      const client = new pg.Client({
        connectionString: database.uri,
        connectionTimeoutMillis: TIMEOUT_MS,
      })
      try {
        await client.connect()
        await client.query('select 1')
      } finally {
        await client.end().catch(() => {})
      }
    } else if (database.kind === 'mongodb') {
      const { default: mongoose } = await import('mongoose')
      const connection = mongoose.createConnection(database.uri, {
        serverSelectionTimeoutMS: TIMEOUT_MS,
      })
      try {
        await connection.asPromise()
      } finally {
        await connection.close().catch(() => {})
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    // Postgres creates a missing database itself (Payload's adapter does), so that is not fatal.
    if (database.kind === 'postgres' && /database .* does not exist/i.test(reason)) return
    throw new Error(
      `cannot connect to ${database.kind === 'postgres' ? 'PostgreSQL' : 'MongoDB'} at ${where}: ${reason}`,
      { cause: error },
    )
  }
}

/** The URI without its password, for messages and logs. */
export function redact(uri: string): string {
  try {
    const url = new URL(uri)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return uri.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
  }
}
