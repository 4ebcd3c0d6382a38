import type { Migration, Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

/**
 * Applies the committed migrations of the SQL adapter in use; a no-op for MongoDB (schemaless) and
 * while developing with schema push. Runs before the server accepts requests.
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  const adapter = payload.db.name
  if (adapter !== 'sqlite' && adapter !== 'postgres') return
  if ((payload.db as { push?: boolean }).push) return
  // Generated migrations type their arguments per adapter; the adapter's migrate() takes them all.
  const migrations = (adapter === 'sqlite'
    ? sqliteMigrations
    : postgresMigrations) as unknown as Migration[]
  await payload.db.migrate({ migrations })
}
