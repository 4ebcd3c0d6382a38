import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseAdapterObj } from 'payload'

import type { Database, Env } from '../config/env'
import { sqliteWithAtomicUnits } from './atomic'
import { indexParentsPostgres, indexParentsSqlite } from './parentIndexes'
import { readBadDatesAsNullPostgres, readBadDatesAsNullSqlite } from './readableDates'
import { reusePreparedStatements } from './statements'
import { rememberCreatedDocuments } from './undoOnError'

const SQLITE_BUSY_TIMEOUT_MS = 5000

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/** One migrations folder per SQL adapter: their generated SQL differs. */
export const migrationDir = (kind: 'postgres' | 'sqlite'): string => path.join(migrationsRoot, kind)

/**
 * SQL schemas are pushed only while developing (`npm run dev`, on its own database file); every
 * other start applies the committed migrations (src/db/migrate.ts), so tests run the same DDL as
 * production and a drift between the two is caught by tests/int/migrations.int.test.ts.
 */
export function databaseAdapter(database: Database, nodeEnv: Env['nodeEnv']): DatabaseAdapterObj {
  const push = nodeEnv === 'development'
  switch (database.kind) {
    case 'sqlite':
      reusePreparedStatements()
      // Ordinary writes run without a transaction (what a failed request inserted is deleted again:
      // undoOnError.ts); units that must be all or nothing (an imported release) take one through
      // src/db/atomic.ts, which explains why.
      return sqliteWithAtomicUnits(
        rememberCreatedDocuments(
          sqliteAdapter({
            client: { url: database.uri },
            // WAL lets the admin read while the delivery API writes; a busy timeout, not SQLITE_BUSY.
            wal: true,
            busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
            transactionOptions: {},
            // SQLite otherwise gives a deleted row's id (the highest) to the next row: a new story or
            // photo would take over a deleted one's id, and with it every URL and reference built on it.
            autoIncrement: true,
            migrationDir: migrationDir('sqlite'),
            push,
            afterSchemaInit: [indexParentsSqlite, readBadDatesAsNullSqlite],
          }),
        ),
        SQLITE_BUSY_TIMEOUT_MS,
      )
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: database.uri, connectionTimeoutMillis: 5000 },
        migrationDir: migrationDir('postgres'),
        push,
        afterSchemaInit: [indexParentsPostgres, readBadDatesAsNullPostgres],
      })
    case 'mongodb':
      return mongooseAdapter({
        url: database.uri,
        connectOptions: { serverSelectionTimeoutMS: 5000 },
      })
  }
}
